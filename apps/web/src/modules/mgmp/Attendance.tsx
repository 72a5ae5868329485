import { LIMITS, MGMP_ATTENDANCE_CODES, type Locale } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { entriesToSend, forgetSent, parsePending, pendingCount, withCode, withNote, type Pending, type SentEntry } from './attendance.pending.ts';
import { mgmpKeys, useAttendance, type Attendance, type AttendanceRow } from './mgmp.api.ts';

const RETRY_MS = 5000;
const DEBOUNCE_MS = 400;

/** Taps and notes not yet accepted by the server, kept on this device so a dropped connection loses nothing. */
function readPending(key: string): Pending {
  try {
    return parsePending(JSON.parse(localStorage.getItem(key) ?? '{}'));
  } catch {
    return {};
  }
}

function writePending(key: string, pending: Pending) {
  try {
    if (pendingCount(pending) === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(pending));
  } catch {
    // No storage: the taps still live in memory until they are saved.
  }
}

function timeOf(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { timeStyle: 'short' }).format(date);
}

/**
 * The daftar hadir. Officers tap H / I / S / A per member and may add a short note per member
 * (the note button opens a text field); taps and notes are sent together with the bulk endpoint
 * shortly after, and kept (on screen and on the device) and sent again until the server accepts
 * them. A note is sent with the member's current code; the server keeps a self check-in when that
 * code is H. Everyone who may read the sheet sees the notes and check-in times.
 */
export function AttendanceSection({ meetingId, canMark }: { meetingId: string; canMark: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const attendance = useAttendance(meetingId);
  const storageKey = `tumbuh.attendance.${meetingId}`;
  const [pending, setPending] = useState<Pending>(() => (canMark ? readPending(storageKey) : {}));
  const [failures, setFailures] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => writePending(storageKey, pending), [storageKey, pending]);

  const save = useMutation({
    mutationFn: (entries: SentEntry[]) => api<Attendance>('PUT', `/mgmp/meetings/${encodeURIComponent(meetingId)}/attendance`, { body: { entries } }),
    onSuccess: (fresh, sent) => {
      queryClient.setQueryData(mgmpKeys.attendance(meetingId), fresh);
      setFailures(0);
      // Forget only what was sent and not changed again meanwhile.
      setPending((current) => forgetSent(current, sent));
    },
    onError: () => setFailures((n) => n + 1),
  });

  const rows = attendance.data?.items;
  const toSend = rows ? entriesToSend(pending, rows) : [];
  const sendable = toSend.length;
  const count = pendingCount(pending);
  const { isPending: sending, mutate } = save;
  useEffect(() => {
    if (!rows || sending) return;
    const entries = entriesToSend(pending, rows);
    if (entries.length === 0) return;
    const timer = setTimeout(() => mutate(entries), failures > 0 ? RETRY_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, rows, sending, failures, mutate]);

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
      {canMark && save.error && sendable > 0 && !sending && <ErrorNote error={save.error} onRetry={() => mutate(toSend)} />}
      <ul className="attendance-list">
        {data.items.map((row) => (
          <AttendanceItem
            key={row.teacherId}
            row={row}
            locale={locale}
            canMark={canMark}
            pending={pending}
            editing={editing === row.teacherId}
            onEdit={(open) => setEditing(open ? row.teacherId : null)}
            onChange={setPending}
          />
        ))}
      </ul>
    </div>
  );
}

function AttendanceItem({
  row,
  locale,
  canMark,
  pending,
  editing,
  onEdit,
  onChange,
}: {
  row: AttendanceRow;
  locale: Locale;
  canMark: boolean;
  pending: Pending;
  editing: boolean;
  onEdit: (open: boolean) => void;
  onChange: (update: (p: Pending) => Pending) => void;
}) {
  const t = useT();
  const mine = pending[row.teacherId];
  const current = mine?.code ?? row.code;
  const note = mine && 'note' in mine ? (mine.note ?? null) : row.note;
  const noteId = `note-${row.teacherId}`;
  return (
    <li className="attendance-row">
      <div className="item-main">
        <strong>{row.name}</strong>
        <span className="muted small">
          {row.role ? t(`mgmp.role.${row.role}`) : row.invited ? t('undangan.guestBadge') : t('mgmp.formerMember')}
          {row.role && !row.invited && <> · <span className="badge badge-warn">{t('undangan.notInvitedBadge')}</span></>}
          {row.checkedInAt && <> · {t(row.source === 'self' ? 'hadir.checkedInSelf' : 'hadir.checkedInOverridden', { time: timeOf(row.checkedInAt, locale) })}</>}
          {mine && <> · {t('mgmp.meeting.notSavedYet')}</>}
          {mine && current === null && <> · {t('hadir.noteWaitsForCode')}</>}
        </span>
        {note && !editing && <span className="attendance-note">{t('hadir.noteShown', { note })}</span>}
      </div>
      {canMark ? (
        <div className="attendance-controls">
          <div className="code-buttons" role="group" aria-label={t('mgmp.meeting.attendanceOf', { name: row.name })}>
            {MGMP_ATTENDANCE_CODES.map((code) => (
              <button
                key={code}
                type="button"
                className={`code-btn code-${code}${current === code ? ' on' : ''}`}
                aria-pressed={current === code}
                aria-label={t('mgmp.meeting.markFor', { code, label: t(`mgmp.attendanceCode.${code}`), name: row.name })}
                onClick={() => onChange((p) => withCode(p, row.teacherId, code))}
              >
                {code}
              </button>
            ))}
          </div>
          <button
            type="button"
            className={`note-toggle${note ? ' has-note' : ''}`}
            aria-expanded={editing}
            aria-controls={editing ? noteId : undefined}
            aria-label={t('hadir.noteToggle', { name: row.name })}
            onClick={() => onEdit(!editing)}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d="M4 20h4L19 9l-4-4L4 16v4zm11.5-16.5 4 4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            </svg>
          </button>
        </div>
      ) : (
        <span className={`code-badge code-${current ?? 'none'}`}>{current ? t(`mgmp.attendanceCode.${current}`) : t('mgmp.meeting.notRecorded')}</span>
      )}
      {canMark && editing && (
        <NoteEditor
          id={noteId}
          name={row.name}
          note={note}
          onSave={(text) => {
            onChange((p) => withNote(p, row.teacherId, text, row.note));
            onEdit(false);
          }}
          onCancel={() => onEdit(false)}
        />
      )}
    </li>
  );
}

function NoteEditor({ id, name, note, onSave, onCancel }: { id: string; name: string; note: string | null; onSave: (text: string | null) => void; onCancel: () => void }) {
  const t = useT();
  const inputId = useId();
  const [text, setText] = useState(note ?? '');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    onSave(text);
  };
  return (
    <form id={id} className="attendance-note-editor" onSubmit={submit}>
      <label htmlFor={inputId} className="small">
        {t('hadir.noteLabel', { name })}
      </label>
      <input
        id={inputId}
        type="text"
        value={text}
        maxLength={LIMITS.attendanceNoteMax}
        placeholder={t('hadir.notePlaceholder')}
        enterKeyHint="done"
        autoComplete="off"
        aria-describedby={`${inputId}-hint`}
        autoFocus
        onChange={(ev) => setText(ev.target.value)}
        onKeyDown={(ev) => {
          if (ev.key === 'Escape') onCancel();
        }}
      />
      <small id={`${inputId}-hint`} className="muted">
        {t('hadir.noteHint', { max: LIMITS.attendanceNoteMax })}
      </small>
      <div className="actions">
        <button type="submit" className="btn btn-primary btn-small">
          {t('hadir.noteSave')}
        </button>
        {note && (
          <button type="button" className="btn btn-small" onClick={() => onSave(null)}>
            {t('hadir.noteClear')}
          </button>
        )}
        <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
          {t('hadir.noteCancel')}
        </button>
      </div>
    </form>
  );
}
