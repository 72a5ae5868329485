import type { MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { useDraft } from '../../shared/hooks.ts';
import { QrCode } from '../../shared/QrCode.tsx';
import { ErrorNote, Field, Loading, useFieldErrors } from '../../shared/ui.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AttendanceSection } from './Attendance.tsx';
import { DecisionSection } from './Decision.tsx';
import { MeetingDownloads } from './Downloads.tsx';
import { MeetingInvitees } from './InviteesPicker.tsx';
import { mgmpKeys, useMgmpDecisions, useMgmpGroup, useMgmpMeeting } from './mgmp.api.ts';
import { MinutesSection } from './Minutes.tsx';
import { FilesSection } from '../files/FilesSection.tsx';
import { MeetingStatusBadge, MgmpErrorPage } from './parts.tsx';

/** /mgmp/rapat/:meetingId: agenda, attendance (or check-in), minutes and decisions of one meeting. */
export function MgmpMeetingPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMgmpMeeting(meetingId);
  const group = useMgmpGroup(meeting.data?.groupId ?? '');
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <MgmpErrorPage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (group.isPending) return <Loading />;
  if (group.error) return <MgmpErrorPage error={group.error} onRetry={() => void group.refetch()} />;
  return <MeetingView meeting={meeting.data} group={group.data} />;
}

function MeetingView({ meeting, group }: { meeting: MgmpMeeting; group: MgmpGroup }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const manage = group.access === 'manage';
  const lead = group.myRole === 'ketua' || hasRole(me, 'kepala_madrasah', group.madrasahId ?? undefined);
  const cancelled = meeting.status === 'dibatalkan';
  const decisions = useMgmpDecisions(group.id, meeting.agenda.some((a) => a.kind === 'proposal'));
  const agenda = [...meeting.agenda].sort((a, b) => a.ordinal - b.ordinal);

  return (
    <section className="page meeting-page">
      <Link to={`/mgmp/${group.id}`} className="back">
        ← {group.name}
      </Link>
      <div className="page-head">
        <div>
          <h1>{meeting.title}</h1>
          <p className="muted">
            {formatDateTime(meeting.startsAt, locale)}
            {meeting.place && <> · {meeting.place}</>} <MeetingStatusBadge status={meeting.status} />
          </p>
          {meeting.onlineUrl && (
            <p>
              <a href={meeting.onlineUrl} target="_blank" rel="noreferrer">
                {t('mgmp.meeting.online')}
              </a>
            </p>
          )}
          {meeting.cancelReason && <p className="note">{t('mgmp.meeting.cancelReason', { reason: meeting.cancelReason })}</p>}
        </div>
        {manage && <Transition meeting={meeting} />}
      </div>
      {manage && (meeting.status === 'direncanakan' || meeting.status === 'berlangsung') && <CancelMeeting meeting={meeting} />}

      {manage && meeting.checkInCode && (meeting.status === 'direncanakan' || meeting.status === 'berlangsung') && (
        <div className="card checkin-code section">
          <p className="muted small">{t('mgmp.meeting.checkInCode')}</p>
          <p className="code" aria-label={t('mgmp.meeting.checkInCode')}>
            {meeting.checkInCode}
          </p>
          <QrCode
            className="checkin-qr"
            text={`${window.location.origin}/mgmp/rapat/${encodeURIComponent(meeting.id)}?kode=${encodeURIComponent(meeting.checkInCode)}`}
            title={t('mgmp.meeting.checkInQr')}
          />
          <p className="small muted">{t('mgmp.meeting.checkInHint', { from: formatDateTime(meeting.checkInOpensAt, locale), to: formatDateTime(meeting.checkInClosesAt, locale) })}</p>
        </div>
      )}
      {!manage && group.myRole && (meeting.status === 'direncanakan' || meeting.status === 'berlangsung') && <CheckIn meetingId={meeting.id} />}

      <MeetingInvitees meeting={meeting} group={group} manage={manage} />

      <div className="meeting-grid">
        <div className="card section">
          <h2>{t('mgmp.meeting.attendance')}</h2>
          <AttendanceSection meetingId={meeting.id} canMark={manage && !cancelled} />
        </div>
        <div className="card section">
          <h2>{t('mgmp.meeting.agenda')}</h2>
          {agenda.length === 0 && <p className="muted">{t('mgmp.meeting.noAgenda')}</p>}
          <ol className="agenda">
            {agenda.map((item) => (
              <li key={item.id} className="agenda-item">
                <h3>
                  {item.title} {item.kind !== 'biasa' && <span className="badge badge-plan">{t(`mgmp.agendaKind.${item.kind}`)}</span>}
                </h3>
                <MinutesSection agendaItemId={item.id} members={group.members} canEdit={manage && !cancelled} canApprove={lead && !cancelled} />
                {item.kind === 'proposal' && (
                  <DecisionSection
                    groupId={group.id}
                    meetingId={meeting.id}
                    agendaItemId={item.id}
                    decision={decisions.data?.items.find((d) => d.agendaItemId === item.id)}
                    canManage={manage}
                    canLead={lead}
                    isMember={group.myRole !== null}
                    cancelled={cancelled}
                  />
                )}
              </li>
            ))}
          </ol>
          {manage && <AgendaEditor meeting={meeting} />}
        </div>
      </div>
      <FilesSection kind="mgmp_meeting" ownerId={meeting.id} canUpload={manage && !cancelled} intro={t('files.intro')} />
      <MeetingDownloads meeting={meeting} />
    </section>
  );
}

function Transition({ meeting }: { meeting: MgmpMeeting }) {
  const t = useT();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (to: 'berlangsung' | 'selesai') => api<MgmpMeeting>('POST', `/mgmp/meetings/${encodeURIComponent(meeting.id)}/transition`, { body: { to } }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(mgmpKeys.meeting(fresh.id), fresh);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.meetings(fresh.groupId) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.groups }); // the list shows each group's next meeting
    },
  });
  const to = meeting.status === 'direncanakan' ? 'berlangsung' : meeting.status === 'berlangsung' ? 'selesai' : null;
  if (!to) return null;
  return (
    <div className="actions">
      <button type="button" className="btn" disabled={move.isPending} onClick={() => move.mutate(to)}>
        {to === 'berlangsung' ? t('mgmp.meeting.start') : t('mgmp.meeting.finish')}
      </button>
      <ErrorNote error={move.error} />
    </div>
  );
}

function CancelMeeting({ meeting }: { meeting: MgmpMeeting }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft(`mgmp.cancel.${meeting.id}`, { reason: '' });
  const cancel = useMutation({
    mutationFn: () => api<MgmpMeeting>('POST', `/mgmp/meetings/${encodeURIComponent(meeting.id)}/cancel`, { body: { reason: draft.values.reason } }),
    onSuccess: (fresh) => {
      draft.clear();
      queryClient.setQueryData(mgmpKeys.meeting(fresh.id), fresh);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.meetings(fresh.groupId) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(fresh.groupId) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.groups });
    },
  });
  const errors = useFieldErrors(cancel.error);
  return (
    <details className="filters cancel-meeting section" open={draft.restored || undefined}>
      <summary>{t('mgmp.cancel.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate();
        }}
      >
        {meeting.status === 'berlangsung' && <p className="note small">{t('mgmpRecord.cancel.runningHint')}</p>}
        <Field label={t('mgmp.cancel.reason')} required error={errors.reason}>
          {(p) => <textarea {...p} rows={2} value={draft.values.reason} onChange={(e) => draft.set('reason', e.target.value)} />}
        </Field>
        <ErrorNote error={cancel.error} />
        <button type="submit" className="btn btn-danger" disabled={cancel.isPending || draft.values.reason.trim() === ''}>
          {t('mgmp.cancel.submit')}
        </button>
      </form>
    </details>
  );
}

function CheckIn({ meetingId }: { meetingId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  // Scanning the QR code on the sekretaris' screen opens this page with ?kode=… filled in.
  const [searchParams] = useSearchParams();
  const [code, setCode] = useState(searchParams.get('kode') ?? '');
  const checkIn = useMutation({
    mutationFn: () => api<{ checkedInAt: string }>('POST', `/mgmp/meetings/${encodeURIComponent(meetingId)}/check-in`, { body: { code: code.trim() } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mgmpKeys.attendance(meetingId) }),
  });
  return (
    <form
      className="card section checkin-form"
      onSubmit={(e) => {
        e.preventDefault();
        checkIn.mutate();
      }}
    >
      <h2>{t('mgmp.meeting.checkInTitle')}</h2>
      {checkIn.data ? (
        <p className="note note-ok" role="status">
          {t('mgmp.meeting.checkedIn', { time: formatDateTime(checkIn.data.checkedInAt, locale) })}
        </p>
      ) : (
        <>
          <Field label={t('mgmp.meeting.checkInLabel')} required>
            {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <ErrorNote error={checkIn.error} />
          <button type="submit" className="btn btn-primary btn-block btn-big" disabled={checkIn.isPending || code.trim().length < 4}>
            {t('mgmp.meeting.checkInSubmit')}
          </button>
        </>
      )}
    </form>
  );
}
