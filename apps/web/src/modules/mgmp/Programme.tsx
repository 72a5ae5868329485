import type { MgmpGroup, MgmpMeeting, MgmpProgrammeItem } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ErrorNote, Field, useFieldErrors } from '../../shared/ui.tsx';
import { academicYearOf, localToIso, mgmpKeys, useMgmpProgramme, useMgmpTopics } from './mgmp.api.ts';
import { MeetingStatusBadge, SkeletonList } from './parts.tsx';
import { ProgrammeItemActions, ProgrammeItemFields } from './ProgrammeEdit.tsx';
import { InviteesPicker } from './InviteesPicker.tsx';
import { DEFAULT_INVITATION, invitedTeacherIds, isDefaultInvitation, normaliseInviteeDraft, type InviteeDraft } from './invitees.models.ts';

const enc = encodeURIComponent;

/** Program kerja of the current academic year: planned vs held; officers add activities and schedule them. */
export function ProgrammeSection({ group }: { group: MgmpGroup }) {
  const t = useT();
  const year = academicYearOf(new Date());
  const manage = group.access === 'manage' && !group.archived;
  const programme = useMgmpProgramme(group.id, year);
  return (
    <div className="card section programme">
      <h2>{t('mgmp.programme.title', { year })}</h2>
      {programme.isPending ? (
        <>
          <p className="muted small">
            <span className="skeleton skeleton-line skeleton-short" />
          </p>
          <SkeletonList rows={3} />
        </>
      ) : programme.error ? (
        <ErrorNote error={programme.error} onRetry={() => void programme.refetch()} />
      ) : (
        <>
          <p className="muted small">{t('mgmp.programme.plannedHeld', { held: programme.data.held, planned: programme.data.planned })}</p>
          {programme.data.items.length === 0 ? (
            <p className="muted">{t('mgmp.programme.empty')}</p>
          ) : (
            <ul className="item-list programme-list">
              {programme.data.items.map((item) => (
                <ProgrammeRow key={item.id} item={item} canSchedule={manage} group={group} />
              ))}
            </ul>
          )}
        </>
      )}
      {/* Shown once the list is there, so the form does not move down under a finger when it arrives. */}
      {manage && !programme.isPending && <AddProgrammeItem group={group} year={year} />}
    </div>
  );
}

function ProgrammeRow({ item, canSchedule, group }: { item: MgmpProgrammeItem; canSchedule: boolean; group: MgmpGroup }) {
  const t = useT();
  return (
    <li className="programme-item">
      <div className="item-main">
        <strong>{item.title}</strong>
        <span className="muted small">
          <span className="badge badge-plan">{t(`mgmp.programme.typeName.${item.type}`)}</span> {item.topicName ?? t('mgmp.programme.noTopic')} · {t('mgmp.programme.target', { month: item.targetMonth })}
          {item.personInChargeName && <> · {t('mgmp.programme.pic', { name: item.personInChargeName })}</>}
        </span>
        {canSchedule && !item.meetingId && <ScheduleForm item={item} group={group} />}
        {canSchedule && <ProgrammeItemActions item={item} group={group} />}
      </div>
      {item.meetingId && item.meetingStatus ? (
        <span className="programme-state">
          <MeetingStatusBadge status={item.meetingStatus} /> <Link to={`/mgmp/rapat/${item.meetingId}`}>{t('mgmp.programme.openMeeting')}</Link>
        </span>
      ) : (
        <span className="badge badge-muted">{t('mgmp.programme.notScheduled')}</span>
      )}
    </li>
  );
}

/** Turns the activity into a meeting: times, place, and who is invited (every member unless narrowed, guests). */
function ScheduleForm({ item, group }: { item: MgmpProgrammeItem; group: MgmpGroup }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useDraft<{ startsAt: string; endsAt: string; place: string; onlineUrl: string; invitees: InviteeDraft }>(`mgmp.schedule.${item.id}`, {
    startsAt: '',
    endsAt: '',
    place: '',
    onlineUrl: '',
    invitees: DEFAULT_INVITATION,
  });
  const v = draft.values;
  const invitees = normaliseInviteeDraft(v.invitees);
  const memberIds = group.members.map((m) => m.teacherId);
  const schedule = useMutation({
    mutationFn: () =>
      api<MgmpMeeting>('POST', `/mgmp/programme-items/${enc(item.id)}/schedule`, {
        body: {
          startsAt: localToIso(v.startsAt),
          endsAt: localToIso(v.endsAt),
          place: v.place.trim() || null,
          onlineUrl: v.onlineUrl.trim() || null,
          ...(isDefaultInvitation(invitees, memberIds) ? {} : { invitedTeacherIds: invitedTeacherIds(invitees, memberIds) }),
        },
      }),
    onSuccess: (meeting) => {
      draft.clear();
      queryClient.setQueryData(mgmpKeys.meeting(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.all });
      void navigate(`/mgmp/rapat/${meeting.id}`);
    },
  });
  const errors = useFieldErrors(schedule.error);
  return (
    <details className="filters schedule-form">
      <summary>{t('mgmp.programme.schedule')}</summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          schedule.mutate();
        }}
      >
        <Field label={t('mgmp.newMeeting.startsAt')} required error={errors.startsAt}>
          {(p) => <input {...p} type="datetime-local" value={v.startsAt} onChange={(e) => draft.set('startsAt', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.endsAt')} required error={errors.endsAt}>
          {(p) => <input {...p} type="datetime-local" value={v.endsAt} onChange={(e) => draft.set('endsAt', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.place')} error={errors.place}>
          {(p) => <input {...p} value={v.place} onChange={(e) => draft.set('place', e.target.value)} />}
        </Field>
        <Field label={t('mgmp.newMeeting.onlineUrl')} error={errors.onlineUrl}>
          {(p) => <input {...p} type="url" inputMode="url" value={v.onlineUrl} onChange={(e) => draft.set('onlineUrl', e.target.value)} />}
        </Field>
        <InviteesPicker group={group} value={invitees} onChange={(next) => draft.set('invitees', next)} />
        <ErrorNote error={schedule.error} />
        <button type="submit" className="btn btn-primary" disabled={schedule.isPending || invitedTeacherIds(invitees, memberIds).length === 0}>
          {t('mgmp.programme.scheduleSubmit')}
        </button>
      </form>
    </details>
  );
}

function AddProgrammeItem({ group, year }: { group: MgmpGroup; year: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const topics = useMgmpTopics(group.madrasahId, true);
  const draft = useDraft(`mgmp.programme.${group.id}`, { academicYear: year, type: 'rutin', topicId: '', title: '', targetMonth: '', personInChargeId: '' });
  const v = draft.values;
  const add = useMutation({
    mutationFn: () =>
      api<MgmpProgrammeItem>('POST', `/mgmp/groups/${enc(group.id)}/programme-items`, {
        body: { academicYear: v.academicYear, type: v.type, topicId: v.topicId || null, title: v.title, targetMonth: v.targetMonth, personInChargeId: v.personInChargeId || null },
      }),
    onSuccess: () => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['mgmp', 'programme', group.id] });
    },
  });
  const errors = useFieldErrors(add.error);
  return (
    <details className="filters add-programme">
      <summary>{t('mgmp.programme.add')}</summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        {draft.restored && <p className="note small">{t('mgmp.newMeeting.restored')}</p>}
        <ProgrammeItemFields values={v} set={draft.set} errors={errors} topics={topics.data?.items ?? []} members={group.members} />
        <Field label={t('mgmp.programme.academicYear')} required error={errors.academicYear}>
          {(p) => <input {...p} inputMode="numeric" value={v.academicYear} onChange={(e) => draft.set('academicYear', e.target.value)} />}
        </Field>
        <ErrorNote error={add.error} />
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t('mgmp.programme.save')}
        </button>
      </form>
    </details>
  );
}
