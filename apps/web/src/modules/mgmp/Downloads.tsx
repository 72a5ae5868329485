import type { MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { apiUrl } from '../../shared/api.ts';
import { academicYearOf } from './mgmp.api.ts';

/**
 * Download links for the printed MGMP records. Plain anchors with `download`: the browser (also on
 * a phone) saves the file the server names (Content-Disposition), with the session cookie.
 */
function DownloadLink({ href, label, testId }: { href: string; label: string; testId: string }) {
  return (
    <a className="btn" href={href} download data-testid={testId}>
      {label}
    </a>
  );
}

/** Daftar hadir, notulen and laporan kegiatan of one meeting. */
export function MeetingDownloads({ meeting }: { meeting: Pick<MgmpMeeting, 'id' | 'status'> }) {
  const t = useT();
  if (meeting.status === 'dibatalkan') return null;
  const base = `/mgmp/meetings/${encodeURIComponent(meeting.id)}`;
  return (
    <div className="card section downloads">
      <h2>{t('cetak.meetingTitle')}</h2>
      <p className="muted small">{t('cetak.meetingHint')}</p>
      <div className="actions">
        <DownloadLink href={apiUrl(`${base}/daftar-hadir.pdf`)} label={t('cetak.daftarHadir')} testId="unduh-daftar-hadir" />
        <DownloadLink href={apiUrl(`${base}/notulen.pdf`)} label={t('cetak.notulen')} testId="unduh-notulen" />
        <DownloadLink href={apiUrl(`${base}/laporan.pdf`)} label={t('cetak.laporan')} testId="unduh-laporan" />
      </div>
    </div>
  );
}

/** The academic years offered for the program kerja: last, this and next. */
export function academicYearChoices(today: Date): string[] {
  const current = academicYearOf(today);
  const start = Number(current.slice(0, 4));
  return [start - 1, start, start + 1].map((y) => `${y}/${y + 1}`);
}

/** Program kerja (PDF, by academic year), attendance matrix and follow-ups (XLSX) of a group. */
export function GroupDownloads({ group }: { group: Pick<MgmpGroup, 'id' | 'access'> }) {
  const t = useT();
  const choices = academicYearChoices(new Date());
  const [year, setYear] = useState(choices[1] ?? '');
  if (group.access === 'exists') return null;
  const base = `/mgmp/groups/${encodeURIComponent(group.id)}`;
  return (
    <div className="card section downloads">
      <h2>{t('cetak.groupTitle')}</h2>
      <p className="muted small">{t('cetak.groupHint')}</p>
      <div className="actions">
        <label className="small">
          {t('cetak.academicYear')}{' '}
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <DownloadLink href={apiUrl(`${base}/program-kerja.pdf`, { academicYear: year })} label={t('cetak.programKerja', { year })} testId="unduh-program-kerja" />
      </div>
      <div className="actions">
        <DownloadLink href={apiUrl(`${base}/attendance.xlsx`)} label={t('cetak.attendance')} testId="unduh-kehadiran" />
        <DownloadLink href={apiUrl(`${base}/follow-ups.xlsx`)} label={t('cetak.followUps')} testId="unduh-tindak-lanjut" />
      </div>
    </div>
  );
}
