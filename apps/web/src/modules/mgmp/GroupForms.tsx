import type { MgmpFollowUp, MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ErrorNote, Field, useFieldErrors } from '../../shared/ui.tsx';
import { localToIso, mgmpKeys, useMgmpDecisions } from './mgmp.api.ts';
import { InviteesPicker } from './InviteesPicker.tsx';
import { DEFAULT_INVITATION, invitedTeacherIds, isDefaultInvitation, normaliseInviteeDraft, type InviteeDraft } from './invitees.models.ts';
import { FollowUpSourceField, useAgendaSources } from './FollowUpSource.tsx';

const enc = encodeURIComponent;

/** "Rapat baru": title, times, place or online link, agenda (one per line), invitees (every member unless narrowed, guests) → the new meeting's page. */
export function NewMeetingForm({ group }: { group: MgmpGroup }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useDraft<{ title: string; startsAt: string; endsAt: string; place: string; onlineUrl: string; agenda: string; invitees: InviteeDraft }>(`mgmp.meeting.${group.id}`, {
    title: '',
    startsAt: '',
    endsAt: '',
    place: '',
    onlineUrl: '',
    agenda: '',
    invitees: DEFAULT_INVITATION,
  });
  const v = draft.values;
  const invitees = normaliseInviteeDraft(v.invitees);
  const memberIds = group.members.map((m) => m.teacherId);
  const create = useMutation({
    mutationFn: () =>
      api<MgmpMeeting>('POST', `/mgmp/groups/${enc(group.id)}/meetings`, {
        body: {
          title: v.title,
          startsAt: localToIso(v.startsAt),
          endsAt: localToIso(v.endsAt),
          place: v.place.trim() || null,
          onlineUrl: v.onlineUrl.trim() || null,
          agenda: v.agenda
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '')
            .map((title) => ({ title, kind: 'biasa' })),
          // Every member unless the officer narrowed the list or added a guest (the server's default).
          ...(isDefaultInvitation(invitees, memberIds) ? {} : { invitedTeacherIds: invitedTeacherIds(invitees, memberIds) }),
        },
      }),
    onSuccess: (meeting) => {
      draft.clear();
      queryClient.setQueryData(mgmpKeys.meeting(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.meetings(group.id) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.groups });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(group.id) });
      void navigate(`/mgmp/rapat/${meeting.id}`);
    },
  });
  const errors = useFieldErrors(create.error);
  return (
    <details className="card section new-meeting" open={draft.restored || undefined}>
      <summary>
        <h2>{t('mgmp.newMeeting.title')}</h2>
      </summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        {draft.restored && <p className="note small">{t('mgmp.newMeeting.restored')}</p>}
        <Field label={t('mgmp.newMeeting.meetingTitle')} required error={errors.title}>
          {(p) => <input {...p} value={v.title} onChange={(e) => draft.set('title', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.startsAt')} required error={errors.startsAt}>
          {(p) => <input {...p} type="datetime-local" value={v.startsAt} onChange={(e) => draft.set('startsAt', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.endsAt')} required error={errors.endsAt}>
          {(p) => <input {...p} type="datetime-local" value={v.endsAt} onChange={(e) => draft.set('endsAt', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.place')} hint={t('mgmp.newMeeting.onlineHint')} error={errors.place}>
          {(p) => <input {...p} value={v.place} onChange={(e) => draft.set('place', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.onlineUrl')} error={errors.onlineUrl}>
          {(p) => <input {...p} type="url" inputMode="url" value={v.onlineUrl} onChange={(e) => draft.set('onlineUrl', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.agenda')} hint={t('mgmp.newMeeting.agendaHint')} error={errors.agenda} wide>
          {(p) => <textarea {...p} rows={3} value={v.agenda} onChange={(e) => draft.set('agenda', e.target.value)} />}
        </Field>
        <InviteesPicker group={group} value={invitees} onChange={(next) => draft.set('invitees', next)} error={errors.invitedTeacherIds} />
        <ErrorNote error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || invitedTeacherIds(invitees, memberIds).length === 0}>
          {t('mgmp.newMeeting.submit')}
        </button>
      </form>
    </details>
  );
}

/** "Tindak lanjut baru": what, due date, where it comes from (a decision or an agenda item), owners from the group's members. */
export function NewFollowUpForm({ group }: { group: MgmpGroup }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft<{ what: string; dueDate: string; ownerIds: string[]; decisionId: string; agendaItemId: string }>(`mgmp.followUp.${group.id}`, { what: '', dueDate: '', ownerIds: [], decisionId: '', agendaItemId: '' });
  const decisions = useMgmpDecisions(group.id);
  const closed = (decisions.data?.items ?? []).filter((d) => d.status === 'closed');
  const sources = useAgendaSources(group.id);
  const v = draft.values;
  const [saved, setSaved] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      api<MgmpFollowUp>('POST', `/mgmp/groups/${enc(group.id)}/follow-ups`, {
        body: { what: v.what, dueDate: v.dueDate, ownerIds: v.ownerIds, decisionId: v.decisionId || null, agendaItemId: v.decisionId ? null : v.agendaItemId || null },
      }),
    onSuccess: () => {
      draft.clear();
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.followUps(group.id) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(group.id) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.mine });
    },
  });
  const errors = useFieldErrors(create.error);
  const toggle = (teacherId: string, on: boolean) => draft.set('ownerIds', on ? [...v.ownerIds.filter((id) => id !== teacherId), teacherId] : v.ownerIds.filter((id) => id !== teacherId));
  return (
    <details className="card section new-follow-up" open={draft.restored || undefined}>
      <summary>
        <h2>{t('mgmp.newFollowUp.title')}</h2>
      </summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          create.mutate();
        }}
      >
        {draft.restored && <p className="note small">{t('mgmp.newMeeting.restored')}</p>}
        <Field label={t('mgmp.newFollowUp.what')} required error={errors.what} wide>
          {(p) => <textarea {...p} rows={2} value={v.what} onChange={(e) => draft.set('what', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newFollowUp.dueDate')} required error={errors.dueDate}>
          {(p) => <input {...p} type="date" value={v.dueDate} onChange={(e) => draft.set('dueDate', e.target.value)} />}
        </Field>
        <FollowUpSourceField
          decisionId={v.decisionId}
          agendaItemId={v.agendaItemId}
          decisions={closed}
          meetings={sources.meetings}
          error={errors.decisionId ?? errors.agendaItemId}
          onChange={(source) => {
            draft.set('decisionId', source.decisionId);
            draft.set('agendaItemId', source.agendaItemId);
          }}
        />
        <fieldset className={`field field-wide owners${errors.ownerIds ? ' field-invalid' : ''}`}>
          <legend>{t('mgmp.newFollowUp.owners')}</legend>
          <small className="hint">{t('mgmp.newFollowUp.ownersHint')}</small>
          <ul className="check-list">
            {group.members.map((m) => (
              <li key={m.teacherId}>
                <label className="check">
                  <input type="checkbox" checked={v.ownerIds.includes(m.teacherId)} onChange={(e) => toggle(m.teacherId, e.target.checked)} /> {m.name}
                </label>
              </li>
            ))}
          </ul>
          {errors.ownerIds && <small className="field-error">{errors.ownerIds}</small>}
        </fieldset>
        <ErrorNote error={create.error} />
        {saved && (
          <p className="note note-ok" role="status">
            {t('mgmp.newFollowUp.saved')}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('mgmp.newFollowUp.submit')}
        </button>
      </form>
    </details>
  );
}
