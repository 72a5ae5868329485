import type { Me } from '@tumbuh/shared';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { sessionExpired, useSession } from '../../shared/session.tsx';
import { ErrorNote, Field } from '../../shared/ui.tsx';
import { PublicLayout } from './PublicLayout.tsx';

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) {
    return state.from === '/masuk' ? '/' : state.from;
  }
  return '/';
}

export function LoginPage() {
  const t = useT();
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [expired] = useState(() => sessionExpired.take());
  const login = useMutation({
    mutationFn: () => api<Me>('POST', '/auth/login', { body: { email: email.trim(), password } }),
    onSuccess: (fresh) => {
      signIn(fresh);
      void navigate(redirectTarget(location.state), { replace: true });
    },
  });
  if (me && !login.isPending && !login.isSuccess) return <Navigate to="/" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <PublicLayout>
      <form className="card auth-card" onSubmit={submit} noValidate={false}>
        <h1>{t('auth.loginTitle')}</h1>
        <p className="muted">{t('auth.loginIntro')}</p>
        {expired && !login.error && (
          <p className="note" role="status">
            {t('auth.sessionExpired')}
          </p>
        )}
        <ErrorNote error={login.error} />
        <Field label={t('auth.email')} required>
          {(p) => (
            <input {...p} type="email" name="email" autoComplete="username" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field label={t('auth.password')} required>
          {(p) => (
            <input {...p} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {login.isPending ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </PublicLayout>
  );
}
