import type { Assessment } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { ObservationNotes, raterKindKey, RuleNote } from './parts.tsx';
import { decimal, penilaianKeys, shortDate, useAssessment, useAssessmentEvidence, useInstrument, usePeriod, useRevisions } from './penilaian.api.ts';
import { angkaKreditFromFields, formIndex, loadRankFields, saveRankFields, type FormIndex, type RankFields } from './penilaian.models.ts';

/** /penilaian/hasil/:id — the result: competency table, Nilai PKG, category, % angka kredit, band rule; acknowledgement; revisions. */
export function ResultPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  const a = assessment.data;
  const instrument = useInstrument(a?.instrument.code, a?.instrument.version);
  const period = usePeriod(a?.periodId ?? '');
  const revisions = useRevisions(id, Boolean(a && a.status === 'final'));
  const index = useMemo(() => (instrument.data ? formIndex(instrument.data) : null), [instrument.data]);

  if (assessment.isPending) return <Loading />;
  if (assessment.error || !a) return <ErrorNote error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const ownResult = me.user.teacherId === a.teacher.id;
  const leads = hasRole(me, 'kepala_madrasah', a.madrasahId) || hasRole(me, 'pengawas', a.madrasahId);
  const mayRevise = a.status === 'final' && (a.rater.userId === me.user.id || hasRole(me, 'kepala_madrasah', a.madrasahId));
  const names = new Map((index?.competencies ?? []).map((c) => [c.number, c.name]));
  const byPosition = new Map((index?.competencies ?? []).flatMap((c) => c.indicators.map((i) => [i.id, i.position] as const)));
  const s = a.score;

  return (
    <section className="page">
      <Link to={ownResult && !leads ? '/penilaian/saya' : `/penilaian/periode/${a.periodId}`} className="back">
        ← {ownResult && !leads ? t('penilaian.result.backMine') : t('penilaian.result.back')}
      </Link>
      <h1>{t('penilaian.result.title', { name: a.teacher.name })}</h1>
      <p className="muted">
        {t(raterKindKey(a.rater.kind))} · {a.rater.name}
        {period.data ? ` · ${t(`penilaian.kind.${period.data.kind}`)} ${period.data.academicYear}` : ''}
      </p>
      {a.status === 'draft' ? (
        <div className="note">
          <p>{t('penilaian.result.draft')}</p>
          {a.rater.userId === me.user.id && (
            <Link to={`/penilaian/nilai/${a.id}`} className="btn btn-primary">
              {t('penilaian.result.openForm')}
            </Link>
          )}
        </div>
      ) : (
        <>
          <p className="muted small">
            {t('penilaian.result.finalisedAt', { date: shortDate(a.finalisedAt, locale) })}
            {a.revisedAt ? ` · ${t('penilaian.result.revisedAt', { date: shortDate(a.revisedAt, locale), n: a.revision })}` : ''}
          </p>
          {s && (
            <>
              <dl className="pk-result" data-testid="pk-result">
                <div className="stat">
                  <dt className="stat-label">{t('penilaian.result.total')}</dt>
                  <dd className="stat-value">
                    {s.total}/{s.maxTotal}
                  </dd>
                </div>
                <div className="stat">
                  <dt className="stat-label">{t('penilaian.result.nilai100')}</dt>
                  <dd className="stat-value">{decimal(s.nilai, locale)}</dd>
                </div>
                <div className="stat">
                  <dt className="stat-label">{t('penilaian.result.category')}</dt>
                  <dd className="stat-value">{s.category}</dd>
                </div>
                <div className="stat">
                  <dt className="stat-label">{t('penilaian.result.credit')}</dt>
                  <dd className="stat-value">{s.creditPercent}%</dd>
                </div>
              </dl>
              <RuleNote rule={s.rule} />
              {(ownResult || leads) && <AngkaKreditCalculator teacherId={a.teacher.id} npk={s.creditPercent} />}
              <div className="scroll-x">
                <table className="table compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('penilaian.result.competency')}</th>
                      <th scope="col" className="pk-num">
                        {t('penilaian.result.score')}
                      </th>
                      <th scope="col" className="pk-num">
                        {t('penilaian.result.percent')}
                      </th>
                      <th scope="col" className="pk-num">
                        {t('penilaian.result.value')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.competencies.map((c) => (
                      <tr key={c.number}>
                        <th scope="row">
                          {c.number}. {names.get(c.number) ?? ''}
                        </th>
                        <td className="pk-num">
                          {c.score}/{c.max}
                        </td>
                        <td className="pk-num">{decimal(c.percent, locale)}</td>
                        <td className="pk-num">{c.value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {a.levelSummary && <LevelSummary assessment={a} />}
          <h2 className="section-title subhead">{t('penilaian.result.teacherComment')}</h2>
          {a.acknowledgedAt ? (
            <p>
              {t('penilaian.result.acknowledged', { date: shortDate(a.acknowledgedAt, locale) })}
              {a.teacherComment ? ` — ${a.teacherComment}` : ''}
            </p>
          ) : ownResult ? (
            <AcknowledgeForm assessment={a} />
          ) : (
            <p className="muted">{t('penilaian.result.notAcknowledged')}</p>
          )}
          <div className="actions subhead">
            {mayRevise && (
              <Link to={`/penilaian/nilai/${a.id}?revisi=1`} className="btn">
                {t('penilaian.result.revise')}
              </Link>
            )}
            {(leads || ownResult) && (
              <Link to={`/penilaian/periode/${a.periodId}/guru/${a.teacher.id}`} className="btn">
                {t('penilaian.result.combined')}
              </Link>
            )}
          </div>
          <h2 className="section-title subhead">{t('penilaian.result.history')}</h2>
          {revisions.isPending ? (
            <Loading />
          ) : revisions.error ? (
            <ErrorNote error={revisions.error} />
          ) : revisions.data.items.length === 0 ? (
            <p className="muted">{t('penilaian.result.historyEmpty')}</p>
          ) : (
            <ol className="pk-list">
              {revisions.data.items.map((r) => (
                <li key={r.id} className="card">
                  <strong>{t('penilaian.result.historyItem', { n: r.revision, date: shortDate(r.revisedAt, locale), name: r.revisedBy.name })}</strong>
                  <p>{t('penilaian.result.historyReason', { reason: r.reason })}</p>
                  {r.previous.score && <p className="muted small">{t('penilaian.result.historyOld', { nilai: decimal(r.previous.score.nilai, locale), category: r.previous.score.category })}</p>}
                  <ul className="small">
                    {r.changes.map((c) => (
                      <li key={c.indicatorId}>{t('penilaian.result.historyChange', { n: byPosition.get(c.indicatorId) ?? '?', before: c.before.score, after: c.after.score })}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <EvidenceSection assessment={a} index={index} />
    </section>
  );
}

/** Evidence per indicator: the rater's note and the observation notes tagged to it (indicators with either). */
function EvidenceSection({ assessment: a, index }: { assessment: Assessment; index: FormIndex | null }) {
  const t = useT();
  const observed = useAssessmentEvidence(a.id);
  const notesOf = new Map((observed.data?.items ?? []).map((i) => [i.indicatorId, i.notes]));
  const ratingOf = new Map(a.ratings.map((r) => [r.indicatorId, r]));
  const rows = (index?.competencies ?? []).flatMap((c) => c.indicators).filter((i) => (ratingOf.get(i.id)?.evidence ?? '').trim() !== '' || (notesOf.get(i.id)?.length ?? 0) > 0);
  return (
    <>
      <h2 className="section-title subhead">{t('bukti.resultTitle')}</h2>
      <p className="muted small">{t('bukti.resultIntro')}</p>
      {observed.isPending && !index ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="muted">{observed.isPending ? t('bukti.notesLoading') : t('bukti.resultEmpty')}</p>
      ) : (
        <ol className="pk-evidence-list" data-testid="pk-evidence">
          {rows.map((i) => {
            const r = ratingOf.get(i.id);
            return (
              <li key={i.id} data-indicator={i.position}>
                <p>
                  <strong>{t('bukti.indicator', { n: i.position })}</strong>
                  {r ? ` · ${t('bukti.scoreShort', { score: r.score })}` : ''} — <span className="muted">{i.text}</span>
                </p>
                {r?.evidence && (
                  <p>
                    <strong>{t('bukti.raterEvidence')}:</strong> {r.evidence}
                  </p>
                )}
                <ObservationNotes notes={notesOf.get(i.id)} />
              </li>
            );
          })}
        </ol>
      )}
      <ErrorNote error={observed.error} />
    </>
  );
}

function AcknowledgeForm({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const ack = useMutation({
    mutationFn: () => api<Assessment>('POST', `/assessment/assessments/${assessment.id}/acknowledge`, { body: { comment } }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(penilaianKeys.assessment(assessment.id), fresh);
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.all });
    },
  });
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        ack.mutate();
      }}
    >
      <Field label={t('penilaian.result.comment')}>{(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}</Field>
      <ErrorNote error={ack.error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={ack.isPending}>
        {t('penilaian.result.acknowledge')}
      </button>
    </form>
  );
}

/** The result of an assessment with a madrasah instrument: per competency the average level and the count per level (no Nilai PKG). */
function LevelSummary({ assessment: a }: { assessment: Assessment }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = a.levelSummary ?? [];
  const levels = rows[0]?.counts ?? [];
  return (
    <section data-testid="level-summary">
      <h2 className="section-title subhead">{t('penilaianInstrumen.summaryTitle')}</h2>
      <p className="note">{t('penilaianInstrumen.summaryNote')}</p>
      <div className="scroll-x">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('penilaianInstrumen.competency')}</th>
              <th scope="col" className="pk-num">
                {t('penilaianInstrumen.average')}
              </th>
              {levels.map((l) => (
                <th scope="col" className="pk-num" key={l.value} title={l.label}>
                  {l.value} {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.competencyId}>
                <th scope="row">
                  {c.number}. {c.name}
                  <br />
                  <span className="muted small">{t('penilaianInstrumen.rated', { rated: c.rated, count: c.indicatorCount })}</span>
                </th>
                <td className="pk-num">{c.average === null ? '–' : decimal(c.average, locale)}</td>
                {c.counts.map((n) => (
                  <td className="pk-num" key={n.value}>
                    {n.count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The annual angka kredit of this result (Permenneg PAN-RB 16/2009): the teacher's rank data is
 * not kept by Tumbuh, so it is typed here (and remembered on this device per teacher); the
 * answer uses the result's % angka kredit (NPK) and the same formula as the server's calculator.
 */
function AngkaKreditCalculator({ teacherId, npk }: { teacherId: string; npk: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [fields, setFields] = useState<RankFields>(() => loadRankFields(teacherId));
  const answer = angkaKreditFromFields(fields, npk);
  const set = (key: keyof RankFields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const next = { ...fields, [key]: e.target.value };
    setFields(next);
    saveRankFields(teacherId, next);
  };
  const input = (key: keyof RankFields, label: string, hint: string) => (
    <Field label={label} hint={hint}>
      {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={fields[key]} onChange={set(key)} data-testid={`ak-${key}`} />}
    </Field>
  );
  return (
    <details className="card ak-calc">
      <summary>{t('penilaian.ak.title')}</summary>
      <p className="muted small">{t('penilaian.ak.intro', { npk })}</p>
      <div className="form-grid">
        {input('akk', t('penilaian.ak.akk'), t('penilaian.ak.akkHint'))}
        {input('akpkb', t('penilaian.ak.akpkb'), t('penilaian.ak.akpkbHint'))}
        {input('akp', t('penilaian.ak.akp'), t('penilaian.ak.akpHint'))}
        {input('teachingHours', t('penilaian.ak.jm'), t('penilaian.ak.jmHint'))}
      </div>
      <p aria-live="polite" data-testid="ak-answer">
        {answer.kind === 'ok' && (
          <strong>{t('penilaian.ak.perYear', { value: answer.perYear.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 3 }), factor: answer.hoursFactor.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 4 }), npk: answer.npk })}</strong>
        )}
        {answer.kind === 'incomplete' && <span className="muted">{t('penilaian.ak.incomplete')}</span>}
        {answer.kind === 'invalid' && <span className="field-error">{t(answer.reason === 'credits_exceed_akk' ? 'penilaian.ak.exceeds' : 'penilaian.ak.invalid')}</span>}
      </p>
    </details>
  );
}
