import type { MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { ErrorNote } from '../../shared/ui.tsx';
import { addGuest, draftFromInvitees, invitedTeacherIds, removeGuest, setAllMembers, toggleMember, type InviteeDraft } from './invitees.models.ts';
import { mgmpKeys } from './mgmp.api.ts';
import { TeacherPicker } from './TeacherPicker.tsx';

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
      <TeacherPicker
        madrasahId={group.madrasahId}
        chosenIds={invited}
        onAdd={(guest) => onChange(addGuest(value, memberIds, guest))}
        texts={{
          search: t('undangan.guestSearch'),
          hint: t('undangan.guestSearchHint'),
          noResults: t('undangan.noResults'),
          already: t('undangan.already'),
          add: '+',
          addLabel: (name) => t('undangan.guestAdd', { name }),
        }}
      />
      {invited.length === 0 && <small className="field-error">{t('undangan.noneChosen')}</small>}
      {error && <small className="field-error">{error}</small>}
    </fieldset>
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
