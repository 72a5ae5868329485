import { LIMITS, type Me } from '@tumbuh/shared';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { useSession } from '../../shared/session.tsx';
import { ErrorNote, Field } from '../../shared/ui.tsx';
import { PublicLayout } from './PublicLayout.tsx';

export function AcceptInvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: () => api<Me>('POST', '/auth/accept-invitation', { body: { token, password } }),
    onSuccess: (fresh) => {
      signIn(fresh);
      void navigate('/', { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < LIMITS.passwordMin) return setProblem(t('auth.passwordTooShort', { min: LIMITS.passwordMin }));
    if (password !== confirm) return setProblem(t('auth.passwordMismatch'));
    setProblem(null);
    accept.mutate();
  };

  const invalid = isApiError(accept.error, 'auth.invitation_invalid') || isApiError(accept.error, 'tenancy.invitation_not_found');

  return (
    <PublicLayout>
      <form className="card auth-card" onSubmit={submit}>
        <h1>{t('auth.acceptTitle')}</h1>
        <p className="muted">{t('auth.acceptIntro', { min: LIMITS.passwordMin })}</p>
        {invalid ? (
          <div className="note note-error" role="alert">
            {t('auth.invitationInvalid')}
          </div>
        ) : (
          <ErrorNote error={accept.error} />
        )}
        <Field label={t('auth.newPassword')} required error={problem ?? undefined}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              minLength={LIMITS.passwordMin}
              maxLength={LIMITS.passwordMax}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.confirmPassword')} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        <button type="submit" className="btn btn-primary btn-block" disabled={accept.isPending}>
          {accept.isPending ? t('common.saving') : t('auth.acceptSubmit')}
        </button>
      </form>
    </PublicLayout>
  );
}
