import type { MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDebounced } from '../../shared/hooks.ts';
import { useTeacherList } from '../../shared/people.api.ts';
import { ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { addGuest, draftFromInvitees, invitedTeacherIds, removeGuest, setAllMembers, toggleMember, type InviteeDraft } from './invitees.models.ts';
import { mgmpKeys } from './mgmp.api.ts';

/**
 * Who is invited to a meeting: the group's members as a checklist (all ticked by default) and guests
 * added by searching the madrasah's teachers. One column on a phone, thumb-sized buttons.
 */
export function InviteesPicker({ group, value, onChange, error }: { group: MgmpGroup; value: InviteeDraft; onChange: (next: InviteeDraft) => void; error?: string | undefined }) {
  const t = useT();
  const memberIds = group.members.map((m) => m.teacherId);
  const invited = invitedTeacherIds(value, memberIds);
  const invitedMembers = memberIds.filter((id) => invited.includes(id)).length;
  return (
    <fieldset className={`field field-wide invitees${error ? ' field-invalid' : ''}`}>
      <legend>{t('undangan.title')}</legend>
      <small className="hint">{t('undangan.hint')}</small>
      <div className="invitees-head">
        <span className="small muted" aria-live="polite">
          {t('undangan.countOf', { count: invitedMembers, members: memberIds.length })}
        </span>
        <button type="button" className="btn btn-small" onClick={() => onChange(setAllMembers(value, memberIds, true))}>
          {t('undangan.all')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onChange(setAllMembers(value, memberIds, false))}>
          {t('undangan.none')}
        </button>
      </div>
      <ul className="check-list invitee-members" aria-label={t('undangan.members')}>
        {group.members.map((m) => (
          <li key={m.teacherId}>
            <label className="check">
              <input type="checkbox" checked={invited.includes(m.teacherId)} onChange={(e) => onChange(toggleMember(value, m.teacherId, e.target.checked))} /> {m.name}{' '}
              <span className="small muted">{t(`mgmp.role.${m.role}`)}</span>
            </label>
          </li>
        ))}
      </ul>
      {value.guests.length > 0 && (
        <>
          <p className="small invitees-guests-title">{t('undangan.guests')}</p>
          <ul className="item-list invitee-guests">
            {value.guests.map((g) => (
              <li key={g.teacherId}>
                <span className="item-main">{g.name}</span>
                <button type="button" className="btn btn-small btn-touch" aria-label={t('undangan.guestRemove', { name: g.name })} onClick={() => onChange(removeGuest(value, g.teacherId))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <GuestSearch madrasahId={group.madrasahId} invited={invited} onAdd={(guest) => onChange(addGuest(value, memberIds, guest))} />
      {invited.length === 0 && <small className="field-error">{t('undangan.noneChosen')}</small>}
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  );
}

function GuestSearch({ madrasahId, invited, onAdd }: { madrasahId: string | null; invited: readonly string[]; onAdd: (guest: { teacherId: string; name: string }) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 300);
  const resultsId = useId();
  return (
    <div className="teacher-picker">
      <Field label={t('undangan.guestSearch')} hint={t('undangan.guestSearchHint')}>
        {(p) => <input {...p} type="search" autoComplete="off" aria-controls={resultsId} value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      {search.length >= 2 && <GuestResults id={resultsId} search={search} madrasahId={madrasahId} invited={invited} onAdd={onAdd} />}
    </div>
  );
}

function GuestResults({ id, search, madrasahId, invited, onAdd }: { id: string; search: string; madrasahId: string | null; invited: readonly string[]; onAdd: (guest: { teacherId: string; name: string }) => void }) {
  const t = useT();
  const list = useTeacherList({ q: search, ...(madrasahId ? { madrasahId } : {}), active: 'true', limit: 8, offset: 0 });
  return (
    <ul id={id} className="item-list picker-results" aria-live="polite">
      {list.isPending ? (
        <li>
          <Loading />
        </li>
      ) : list.error ? (
        <li>
          <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
        </li>
      ) : list.data.items.length === 0 ? (
        <li className="muted">{t('undangan.noResults')}</li>
      ) : (
        list.data.items.map((teacher) => (
          <li key={teacher.id}>
            <span className="item-main">{teacher.name}</span>
            {invited.includes(teacher.id) ? (
              <span className="badge badge-muted">{t('undangan.already')}</span>
            ) : (
              <button type="button" className="btn btn-small btn-touch" aria-label={t('undangan.guestAdd', { name: teacher.name })} onClick={() => onAdd({ teacherId: teacher.id, name: teacher.name })}>
                +
              </button>
            )}
          </li>
        ))
      )}
    </ul>
  );
}

/** The meeting page's list of who is invited; officers change it while the meeting is planned. */
export function MeetingInvitees({ meeting, group, manage }: { meeting: MgmpMeeting; group: MgmpGroup; manage: boolean }) {
  const t = useT();
  const editable = manage && meeting.status === 'direncanakan';
  return (
    <div className="card section meeting-invitees">
      <h2>{t('undangan.listTitle', { count: meeting.invitees.length })}</h2>
      {meeting.invitees.length === 0 ? (
        <p className="muted">{t('undangan.empty')}</p>
      ) : (
        <ul className="invitee-list">
          {meeting.invitees.map((i) => (
            <li key={i.teacherId}>
              {i.name} <span className={`badge ${i.role ? 'badge-muted' : 'badge-plan'}`}>{i.role ? t(`mgmp.role.${i.role}`) : t('undangan.guestBadge')}</span>
            </li>
          ))}
        </ul>
      )}
      {editable && <EditInvitees key={meeting.invitees.map((i) => i.teacherId).join(',')} meeting={meeting} group={group} />}
    </div>
  );
}

function EditInvitees({ meeting, group }: { meeting: MgmpMeeting; group: MgmpGroup }) {
  const t = useT();
  const queryClient = useQueryClient();
  const memberIds = group.members.map((m) => m.teacherId);
  const [draft, setDraft] = useState<InviteeDraft>(() => draftFromInvitees(memberIds, meeting.invitees));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api<MgmpMeeting>('PATCH', `/mgmp/meetings/${encodeURIComponent(meeting.id)}`, { body: { invitedTeacherIds: invitedTeacherIds(draft, memberIds) } }),
    onSuccess: (updated) => {
      setSaved(true);
      queryClient.setQueryData(mgmpKeys.meeting(meeting.id), updated);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.attendance(meeting.id) });
    },
  });
  return (
    <details className="edit-invitees">
      <summary>{t('undangan.edit')}</summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <InviteesPicker
          group={group}
          value={draft}
          onChange={(next) => {
            setSaved(false);
            setDraft(next);
          }}
        />
        <ErrorNote error={save.error} />
        {saved && (
          <p className="note note-ok" role="status">
            {t('undangan.saved')}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending || invitedTeacherIds(draft, memberIds).length === 0}>
          {t('undangan.save')}
        </button>
      </form>
    </details>
  );
}
