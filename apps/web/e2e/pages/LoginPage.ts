import type { Page } from 'playwright-core';

/** /masuk: the sign-in form. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/masuk');
  }

  email() {
    return this.page.getByLabel(/^(Email)/);
  }

  password() {
    return this.page.getByLabel(/^(Kata sandi|Password)/);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  }

  errorAlert() {
    return this.page.getByRole('alert');
  }
}
