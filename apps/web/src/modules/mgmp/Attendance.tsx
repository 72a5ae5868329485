import { MGMP_ATTENDANCE_CODES, type MgmpAttendanceCode } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { mgmpKeys, useAttendance, type Attendance } from './mgmp.api.ts';

type Pending = Record<string, MgmpAttendanceCode>;
const RETRY_MS = 5000;
const DEBOUNCE_MS = 400;

function isCode(value: unknown): value is MgmpAttendanceCode {
  return MGMP_ATTENDANCE_CODES.some((c) => c === value);
}

/** Taps not yet accepted by the server, kept on this device so a dropped connection loses nothing. */
function readPending(key: string): Pending {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    const out: Pending = {};
    if (typeof parsed === 'object' && parsed !== null) {
      for (const [id, code] of Object.entries(parsed)) if (isCode(code)) out[id] = code;
    }
    return out;
  } catch {
    return {};
  }
}

function writePending(key: string, pending: Pending) {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(pending));
  } catch {
    // No storage: the taps still live in memory until they are saved.
  }
}

/**
 * The daftar hadir. Officers tap H / I / S / A per member; taps are sent together with the bulk
 * endpoint shortly after, and kept (on screen and on the device) and sent again until the server
 * accepts them.
 */
export function AttendanceSection({ meetingId, canMark }: { meetingId: string; canMark: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const attendance = useAttendance(meetingId);
  const storageKey = `tumbuh.attendance.${meetingId}`;
  const [pending, setPending] = useState<Pending>(() => (canMark ? readPending(storageKey) : {}));
  const [failures, setFailures] = useState(0);

  useEffect(() => writePending(storageKey, pending), [storageKey, pending]);

  const save = useMutation({
    mutationFn: (entries: Pending) =>
      api<Attendance>('PUT', `/mgmp/meetings/${encodeURIComponent(meetingId)}/attendance`, {
        body: { entries: Object.entries(entries).map(([teacherId, code]) => ({ teacherId, code })) },
      }),
    onSuccess: (fresh, sent) => {
      queryClient.setQueryData(mgmpKeys.attendance(meetingId), fresh);
      setFailures(0);
      // Forget only what was sent and not tapped again meanwhile.
      setPending((current) => Object.fromEntries(Object.entries(current).filter(([id, code]) => sent[id] !== code)));
    },
    onError: () => setFailures((n) => n + 1),
  });

  const count = Object.keys(pending).length;
  const { isPending: sending, mutate } = save;
  useEffect(() => {
    if (count === 0 || sending) return;
    const timer = setTimeout(() => mutate(pending), failures > 0 ? RETRY_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, count, sending, failures, mutate]);

  if (attendance.isPending) return <Loading />;
  if (attendance.error) return <ErrorNote error={attendance.error} onRetry={() => void attendance.refetch()} />;
  const data = attendance.data;

  return (
    <div className="attendance">
      <p className="attendance-summary">
        <strong>{t('mgmp.meeting.attendanceSummary', { present: data.present, members: data.members })}</strong>{' '}
        <span className={`badge ${data.quorumMet ? 'badge-ok' : 'badge-warn'}`}>{data.quorumMet ? t('mgmp.meeting.quorumMet') : t('mgmp.meeting.quorumNotMet')}</span>
      </p>
      {canMark && (
        <div className="save-state" role="status" aria-live="polite">
          {sending ? t('common.saving') : count > 0 ? t('mgmp.meeting.unsaved', { count }) : t('mgmp.meeting.allSaved')}
        </div>
      )}
      {canMark && save.error && count > 0 && !sending && <ErrorNote error={save.error} onRetry={() => mutate(pending)} />}
      <ul className="attendance-list">
        {data.items.map((row) => {
          const current = pending[row.teacherId] ?? row.code;
          return (
            <li key={row.teacherId} className="attendance-row">
              <div className="item-main">
                <strong>{row.name}</strong>
                <span className="muted small">
                  {row.role ? t(`mgmp.role.${row.role}`) : t('mgmp.formerMember')}
                  {row.source === 'self' && <> · {t('mgmp.meeting.selfCheckIn')}</>}
                  {pending[row.teacherId] && <> · {t('mgmp.meeting.notSavedYet')}</>}
                </span>
              </div>
              {canMark ? (
                <div className="code-buttons" role="group" aria-label={t('mgmp.meeting.attendanceOf', { name: row.name })}>
                  {MGMP_ATTENDANCE_CODES.map((code) => (
                    <button
                      key={code}
                      type="button"
                      className={`code-btn code-${code}${current === code ? ' on' : ''}`}
                      aria-pressed={current === code}
                      aria-label={t('mgmp.meeting.markFor', { code, label: t(`mgmp.attendanceCode.${code}`), name: row.name })}
                      onClick={() => setPending((p) => ({ ...p, [row.teacherId]: code }))}
                    >
                      {code}
                    </button>
                  ))}
                </div>
              ) : (
                <span className={`code-badge code-${current ?? 'none'}`}>{current ? t(`mgmp.attendanceCode.${current}`) : t('mgmp.meeting.notRecorded')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
