import { ROLES, type Invitation, type Role, type RoleGrant, type User } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { keys, useInvitations, useUsers } from '../../shared/people.api.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, CopyButton, ErrorNote, Field, Loading, StatusBadge, useFieldErrors, MadrasahOptions } from '../../shared/ui.tsx';

function asRole(v: string): Role {
  return ROLES.find((r) => r === v) ?? 'guru';
}

export function UsersPage() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t('users.title')}</h1>
      <InviteForm />
      <UsersList />
      <InvitationsList />
    </section>
  );
}

function useScopeName() {
  const t = useT();
  const me = useMe();
  return (madrasahId: string | null) =>
    madrasahId === null ? t('users.wholeTenant', { tenant: me.tenant.name }) : (me.madrasahs.find((m) => m.id === madrasahId)?.name ?? t('common.none'));
}

function RoleList({ roles }: { roles: RoleGrant[] }) {
  const t = useT();
  const scopeName = useScopeName();
  return (
    <ul className="chips">
      {roles.map((r, i) => (
        <li key={`${r.role}-${r.madrasahId ?? 'all'}-${i}`} className="chip" title={scopeName(r.madrasahId)}>
          {t(`roles.${r.role}`)}
        </li>
      ))}
    </ul>
  );
}

function UsersList() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const users = useUsers();
  const queryClient = useQueryClient();
  const setActive = useMutation({
    mutationFn: (u: User) => api<User>('PATCH', `/users/${u.id}`, { body: { active: !u.active } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.users }),
  });
  return (
    <div className="card section">
      <h2>{t('users.usersHeading')}</h2>
      <ErrorNote error={users.error ?? setActive.error} />
      {users.isPending ? (
        <Loading />
      ) : (
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.lastLogin')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <th scope="row" data-label={t('users.name')}>
                  <span className="cell-stack">
                    <strong>
                      {u.name} {u.id === me.user.id && <span className="muted">{t('users.you')}</span>}
                    </strong>
                    <span className="muted small">{u.email}</span>
                  </span>
                </th>
                <td data-label={t('users.roles')}>
                  <RoleList roles={u.roles} />
                </td>
                <td data-label={t('users.lastLogin')}>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('users.never')}</td>
                <td data-label={t('common.status')}>
                  <StatusBadge active={u.active} />
                </td>
                <td data-label={t('common.actions')}>
                  {u.id !== me.user.id &&
                    (u.active ? (
                      <ConfirmButton
                        label={t('common.deactivate')}
                        className="btn btn-small btn-danger-outline"
                        message={t('users.deactivateConfirm', { name: u.name })}
                        disabled={setActive.isPending}
                        onConfirm={() => setActive.mutate(u)}
                      />
                    ) : (
                      <button type="button" className="btn btn-small" disabled={setActive.isPending} onClick={() => setActive.mutate(u)}>
                        {t('common.activate')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function InvitationsList() {
  const t = useT();
  const { locale } = useLocale();
  const invitations = useInvitations();
  const scopeName = useScopeName();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => api<{ ok: true }>('DELETE', `/invitations/${inv.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
  return (
    <div className="card section">
      <h2>{t('users.invitationsHeading')}</h2>
      <ErrorNote error={invitations.error ?? revoke.error} />
      {invitations.isPending ? (
        <Loading />
      ) : invitations.data?.items.length === 0 ? (
        <p className="empty">{t('common.empty')}</p>
      ) : (
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.scope')}</th>
              <th scope="col">{t('users.expiresAt')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data?.items.map((inv) => (
              <tr key={inv.id}>
                <th scope="row" data-label={t('users.name')}>
                  <span className="cell-stack">
                    <strong>{inv.name}</strong>
                    <span className="muted small">{inv.email}</span>
                  </span>
                </th>
                <td data-label={t('users.role')}>{t(`roles.${inv.role}`)}</td>
                <td data-label={t('users.scope')}>{scopeName(inv.madrasahId)}</td>
                <td data-label={t('users.expiresAt')}>{formatDate(inv.expiresAt, locale)}</td>
                <td data-label={t('common.status')}>
                  <span className={`badge ${inv.acceptedAt ? 'badge-ok' : 'badge-warn'}`}>{inv.acceptedAt ? t('users.accepted') : t('users.pending')}</span>
                </td>
                <td data-label={t('common.actions')}>
                  {!inv.acceptedAt && (
                    <ConfirmButton
                      label={t('users.revoke')}
                      className="btn btn-small btn-danger-outline"
                      message={t('users.revokeConfirm', { email: inv.email })}
                      onConfirm={() => revoke.mutate(inv)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function InviteForm() {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const scopeName = useScopeName();
  const initialScope = me.madrasahs.length === 1 && me.madrasahs[0] ? me.madrasahs[0].id : '';
  const draft = useDraft('invitation.new', { email: '', name: '', role: 'guru', scope: initialScope });
  const v = draft.values;
  const [created, setCreated] = useState<Invitation | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      api<Invitation>('POST', '/invitations', { body: { email: v.email.trim(), name: v.name.trim(), role: asRole(v.role), madrasahId: v.scope || null } }),
    onSuccess: (inv) => {
      setCreated(inv);
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: keys.invitations });
    },
  });
  const errors = useFieldErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    invite.mutate();
  };
  const acceptUrl = created?.acceptUrl ? new URL(created.acceptUrl, window.location.origin).toString() : null;

  return (
    <form className="card section" onSubmit={submit} aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.inviteHeading')}</h2>
      <ErrorNote error={Object.keys(errors).length ? null : invite.error} />
      {created && acceptUrl && (
        <div className="note note-ok" role="status">
          <p>{t('users.inviteCreated', { name: created.name })}</p>
          <div className="copy-row">
            <input className="mono" readOnly value={acceptUrl} aria-label={t('users.acceptUrl')} onFocus={(e) => e.target.select()} />
            <CopyButton text={acceptUrl} />
          </div>
        </div>
      )}
      <div className="form-grid">
        <Field label={t('users.email')} required error={errors.email}>
          {(p) => <input {...p} type="email" inputMode="email" autoComplete="off" value={v.email} onChange={(e) => draft.set('email', e.target.value)} />}
        </Field>
        <Field label={t('users.name')} required error={errors.name}>
          {(p) => <input {...p} autoComplete="off" value={v.name} onChange={(e) => draft.set('name', e.target.value)} />}
        </Field>
        <Field label={t('users.role')} required error={errors.role}>
          {(p) => (
            <select {...p} value={v.role} onChange={(e) => draft.set('role', e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('users.scope')} error={errors.madrasahId}>
          {(p) => (
            <select {...p} value={v.scope} onChange={(e) => draft.set('scope', e.target.value)}>
              <MadrasahOptions madrasahs={me.madrasahs} />
              <option value="">{scopeName(null)}</option>
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
          {invite.isPending ? t('common.saving') : t('users.invite')}
        </button>
      </div>
    </form>
  );
}
