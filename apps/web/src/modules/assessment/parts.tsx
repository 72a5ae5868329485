import type { AssessmentEvidenceNote, AssessmentPeriod, AssessmentRaterKind, PkgBandRule } from '@tumbuh/shared';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { shortDate } from './penilaian.api.ts';
import './penilaian.css';

/** "PKG formatif 2025/2026" */
export function PeriodName({ period }: { period: Pick<AssessmentPeriod, 'kind' | 'academicYear'> }) {
  const t = useT();
  return (
    <>
      {t(`penilaian.kind.${period.kind}`)} {period.academicYear}
    </>
  );
}

export function PeriodDates({ period }: { period: Pick<AssessmentPeriod, 'startsOn' | 'endsOn'> }) {
  const t = useT();
  const { locale } = useLocale();
  return <span className="muted small">{t('penilaian.periods.dates', { from: shortDate(period.startsOn, locale), to: shortDate(period.endsOn, locale) })}</span>;
}

export function RuleNote({ rule }: { rule: PkgBandRule }) {
  const t = useT();
  return <p className="muted small">{t('penilaian.ruleUsed', { rule: t(`penilaian.rule.${rule}`) })}</p>;
}

export function raterKindKey(kind: AssessmentRaterKind) {
  return `penilaian.rater.${kind}` as const;
}

/** The observation notes of this teacher tagged to the indicator, read-only, with date and observer. */
export function ObservationNotes({ notes }: { notes: readonly AssessmentEvidenceNote[] | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  if (!notes || notes.length === 0) return null;
  return (
    <div className="pk-obs-notes">
      <p className="pk-obs-title">{t('bukti.observationNotes')}</p>
      <ul>
        {notes.map((n) => (
          <li key={n.noteId}>
            <span className="muted small">{t('bukti.noteMeta', { date: shortDate(n.at, locale), observer: n.observer.name })}</span> {n.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
