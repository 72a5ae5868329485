import type { Locator, Page } from 'playwright-core';

/** A photos-and-files section: "Dokumentasi" of an MGMP meeting page, or the classroom photos of an observation. */
export class DokumentasiPage {
  readonly section: Locator;

  constructor(
    private readonly page: Page,
    ownerKind: 'mgmp_meeting' | 'observation' = 'mgmp_meeting',
  ) {
    this.section = page.getByTestId(`files-${ownerKind}`);
  }

  heading() {
    return this.section.getByRole('heading', { name: 'Dokumentasi' });
  }

  /** Types a caption and "takes" a photo through the camera input (a file chooser in a test browser). */
  async takePhoto(photo: { name: string; buffer: Buffer }, caption: string) {
    await this.section.getByLabel('Keterangan foto (opsional)').fill(caption);
    await this.section.getByTestId('files-camera').setInputFiles({ name: photo.name, mimeType: 'image/jpeg', buffer: photo.buffer });
  }

  thumbnail(caption: string) {
    return this.section.getByRole('img', { name: `Foto: ${caption}` });
  }

  savedNote() {
    return this.section.getByRole('status').filter({ hasText: 'tersimpan' });
  }

  /** Natural size of a loaded image (0×0 while it has not loaded). */
  naturalSize(img: Locator) {
    return img.evaluate((el) => {
      const image = el as HTMLImageElement;
      return { width: image.naturalWidth, height: image.naturalHeight, complete: image.complete };
    });
  }
}
