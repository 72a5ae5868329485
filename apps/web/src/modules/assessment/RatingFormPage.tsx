import type { Assessment, AssessmentEvidenceNote } from '@tumbuh/shared';
import { DEFAULT_PKG_BAND_RULE } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { useOnline } from '../../shared/online.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { ObservationNotes, raterKindKey, RuleNote } from './parts.tsx';
import { decimal, penilaianKeys, useAssessment, useAssessmentEvidence, useInstrument, usePeriod, useSettings } from './penilaian.api.ts';
import { afterSent, afterSentEvidence, EVIDENCE_MAX, formIndex, liveResult, loadPending, loadPendingEvidence, ratingBatch, savePending, savePendingEvidence, type FormCompetency, type FormIndex, type Pending, type PendingEvidence } from './penilaian.models.ts';

/** Ratings are sent this long after the last tap, so a burst of taps goes in one request. */
const SEND_DELAY_MS = 800;

/**
 * /penilaian/nilai/:id — the rating form, phone first: 14 competencies as collapsible sections,
 * each indicator's official wording with 0 / 1 / 2 as three big buttons, progress and the live
 * Nilai PKG computed with the shared scoring module. Ratings are kept on the device and sent in
 * bulk when online. `?revisi=1` on a final assessment: an audited revision with a reason.
 */
export function RatingFormPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ErrorNote error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const a = assessment.data;
  if (a.status === 'final' && search.get('revisi') !== '1') return <Navigate to={`/penilaian/hasil/${a.id}`} replace />;
  return <RatingForm key={`${a.id}-${a.status}`} assessment={a} revision={a.status === 'final'} />;
}

function RatingForm({ assessment: a, revision }: { assessment: Assessment; revision: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const online = useOnline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const instrument = useInstrument(a.instrument.code, a.instrument.version);
  const settings = useSettings(a.madrasahId);
  const period = usePeriod(a.periodId);
  const rule = settings.data?.bandRule ?? a.score?.rule ?? DEFAULT_PKG_BAND_RULE;
  const index = useMemo(() => (instrument.data ? formIndex(instrument.data) : null), [instrument.data]);
  const server = useMemo(() => Object.fromEntries(a.ratings.map((r) => [r.indicatorId, r.score])), [a.ratings]);
  const stored = useMemo(() => Object.fromEntries(a.ratings.map((r) => [r.indicatorId, { score: r.score, evidence: r.evidence }])), [a.ratings]);
  const observed = useAssessmentEvidence(a.id);
  const notesOf = useMemo(() => new Map((observed.data?.items ?? []).map((i) => [i.indicatorId, i.notes])), [observed.data]);
  const isRater = a.rater.userId === me.user.id;
  const mayRevise = revision && (isRater || hasRole(me, 'kepala_madrasah', a.madrasahId));

  // Draft: ratings on the device not yet on the server. Revision: changes held until submitted with a reason.
  const [pending, setPending] = useState<Pending>(() => (revision ? {} : loadPending(a.id)));
  useEffect(() => {
    if (!revision) savePending(a.id, pending);
  }, [a.id, pending, revision]);
  // Evidence notes typed on the device, kept like the scores and sent with them.
  const [pendingEvidence, setPendingEvidence] = useState<PendingEvidence>(() => (revision ? {} : loadPendingEvidence(a.id)));
  useEffect(() => {
    if (!revision) savePendingEvidence(a.id, pendingEvidence);
  }, [a.id, pendingEvidence, revision]);
  const merged = useMemo(() => ({ ...server, ...pending }), [server, pending]);
  const evidence = useMemo(() => ({ ...Object.fromEntries(a.ratings.map((r) => [r.indicatorId, r.evidence ?? ''])), ...pendingEvidence }), [a.ratings, pendingEvidence]);
  const live = useMemo(() => (index ? liveResult(index, merged, rule) : null), [index, merged, rule]);
  const batch = useMemo(() => ratingBatch(pending, pendingEvidence, stored), [pending, pendingEvidence, stored]);
  const unsent = batch.length;

  const send = useMutation({
    mutationFn: (snapshot: { scores: Pending; evidence: PendingEvidence }) =>
      api<Assessment>('PUT', `/assessment/assessments/${a.id}/ratings`, { body: { ratings: ratingBatch(snapshot.scores, snapshot.evidence, stored) } }),
    onSuccess: (fresh, snapshot) => {
      queryClient.setQueryData(penilaianKeys.assessment(a.id), fresh);
      setPending((p) => afterSent(p, snapshot.scores));
      // Notes of indicators still without a score were not sent: they stay on the device.
      const rated = new Set(fresh.ratings.map((r) => r.indicatorId));
      setPendingEvidence((p) => afterSentEvidence(p, Object.fromEntries(Object.entries(snapshot.evidence).filter(([k]) => rated.has(k)))));
    },
  });
  const sendRef = useRef(send);
  sendRef.current = send;
  // 4xx answers stop the automatic sending (the person sees the error and may retry); a dropped connection does not.
  const blocked = Boolean(send.error) && !(isApiError(send.error) && (send.error.status === 0 || send.error.status >= 500));
  useEffect(() => {
    if (revision || !online || blocked || unsent === 0 || sendRef.current.isPending) return;
    const timer = setTimeout(() => sendRef.current.mutate({ scores: { ...pending }, evidence: { ...pendingEvidence } }), SEND_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending, pendingEvidence, online, blocked, unsent, revision]);

  const finalise = useMutation({
    mutationFn: () => api<Assessment>('POST', `/assessment/assessments/${a.id}/finalise`),
    onSuccess: (fresh) => {
      queryClient.setQueryData(penilaianKeys.assessment(a.id), fresh);
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.all });
      void navigate(`/penilaian/hasil/${a.id}`);
    },
  });
  const [reason, setReason] = useState('');
  const revise = useMutation({
    mutationFn: () =>
      api<Assessment>('POST', `/assessment/assessments/${a.id}/revisions`, {
        body: { reason, ratings: batch },
      }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(penilaianKeys.assessment(a.id), fresh);
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.all });
      void navigate(`/penilaian/hasil/${a.id}`);
    },
  });

  const rate = useCallback((indicatorId: string, score: number) => {
    send.reset();
    setPending((p) => ({ ...p, [indicatorId]: score }));
  }, [send]);
  const note = useCallback((indicatorId: string, text: string) => {
    send.reset();
    setPendingEvidence((p) => ({ ...p, [indicatorId]: text.slice(0, EVIDENCE_MAX) }));
  }, [send]);
  const [openAll, setOpenAll] = useState<boolean | null>(null);

  if (!revision && !isRater) return <p className="note">{t('penilaian.form.notRater')}</p>;
  if (revision && !mayRevise) return <Navigate to={`/penilaian/hasil/${a.id}`} replace />;
  if (instrument.isPending) return <Loading />;
  if (instrument.error || !index || !live) return <ErrorNote error={instrument.error} onRetry={() => void instrument.refetch()} />;

  const periodLabel = period.data ? `${t(`penilaian.kind.${period.data.kind}`)} ${period.data.academicYear}` : '';
  const complete = live.rated === live.total;
  return (
    <section className="page">
      <Link to={`/penilaian/periode/${a.periodId}`} className="back">
        ← {t('penilaian.result.back')}
      </Link>
      <h1>{revision ? t('penilaian.form.reviseTitle') : t('penilaian.form.title', { name: a.teacher.name })}</h1>
      <p className="muted">{t('penilaian.form.subtitle', { rater: `${t(raterKindKey(a.rater.kind))} (${a.rater.name})`, period: periodLabel })}</p>
      {revision && <p className="note">{t('penilaian.form.reviseIntro')}</p>}
      <div className="pk-sticky" aria-live="polite">
        <span className="pk-progress" data-testid="pk-progress">
          {live.rated}/{live.total}
        </span>
        <span>
          {live.score ? (
            <span className="pk-nilai" data-testid="pk-nilai">
              {t('penilaian.form.nilai')}: {decimal(live.score.nilai, locale)} · {live.score.category}
            </span>
          ) : (
            <span className="muted small">{index.scored ? t('penilaian.form.notYet') : t('penilaianInstrumen.noPkg')}</span>
          )}
        </span>
        {!revision && (
          <span className="save-state" role="status">
            {send.isPending ? t('penilaian.form.saving') : unsent > 0 ? (online ? t('penilaian.form.unsaved', { count: unsent }) : t('penilaian.form.offlineWait')) : t('penilaian.form.allSaved')}
          </span>
        )}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-small" onClick={() => setOpenAll(true)}>
          {t('penilaian.form.expandAll')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpenAll(false)}>
          {t('penilaian.form.collapseAll')}
        </button>
      </div>
      {index.competencies.map((c, ci) => (
        <CompetencySection
          key={`${c.number}-${String(openAll)}`}
          competency={c}
          levels={index.levels}
          scored={index.scored}
          live={live.competencies[ci]}
          ratings={merged}
          server={server}
          evidence={evidence}
          notesOf={notesOf}
          onNote={note}
          defaultOpen={openAll ?? (ci === index.competencies.findIndex((x) => x.indicators.some((i) => merged[i.id] === undefined)))}
          onRate={rate}
          highlightChanges={revision}
        />
      ))}
      {live.score && <RuleNote rule={rule} />}
      {!revision && (
        <div className="sticky-actions actions">
          {unsent > 0 && (
            <button type="button" className="btn" disabled={send.isPending || !online} onClick={() => send.mutate({ scores: { ...pending }, evidence: { ...pendingEvidence } })}>
              {t('penilaian.form.saveNow')}
            </button>
          )}
          <ConfirmButton className="btn btn-primary" label={t('penilaian.form.finalise')} message={t('penilaian.form.finaliseConfirm')} disabled={!complete || unsent > 0 || finalise.isPending} onConfirm={() => finalise.mutate()} />
        </div>
      )}
      {!revision && (!complete || unsent > 0) && <p className="muted small">{t('penilaian.form.finaliseNeedsAll')}</p>}
      <ErrorNote error={send.error} />
      <ErrorNote error={finalise.error} />
      {revision && (
        <form
          className="card subhead"
          onSubmit={(e) => {
            e.preventDefault();
            revise.mutate();
          }}
        >
          <p className="muted small">{t('penilaian.form.revisionChanges', { count: unsent })}</p>
          <Field label={t('penilaian.form.reason')} hint={t('penilaian.form.reasonHint')} required>
            {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ErrorNote error={revise.error} />
          <div className="actions">
            <Link to={`/penilaian/hasil/${a.id}`} className="btn">
              {t('penilaian.form.cancelRevision')}
            </Link>
            <button type="submit" className="btn btn-primary" disabled={unsent === 0 || reason.trim().length < 10 || revise.isPending}>
              {t('penilaian.form.submitRevision')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function CompetencySection({
  competency: c,
  levels,
  scored,
  live,
  ratings,
  server,
  evidence,
  notesOf,
  onNote,
  defaultOpen,
  onRate,
  highlightChanges,
}: {
  competency: FormCompetency;
  levels: FormIndex['levels'];
  scored: boolean;
  live: { rated: number; count: number; percent: number | null; value: number | null } | undefined;
  ratings: Record<string, number>;
  server: Record<string, number>;
  evidence: Record<string, string>;
  notesOf: ReadonlyMap<string, readonly AssessmentEvidenceNote[]>;
  onNote: (indicatorId: string, text: string) => void;
  defaultOpen: boolean;
  onRate: (indicatorId: string, score: number) => void;
  highlightChanges: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  // PKG keeps its short 0/1/2 words; a madrasah instrument shows its own level labels.
  const pkgLabels = [t('penilaian.form.score0'), t('penilaian.form.score1'), t('penilaian.form.score2')];
  const labelOf = (value: number) => (scored ? (pkgLabels[value] ?? '') : (levels.find((l) => l.value === value)?.label ?? ''));
  return (
    <details className="pk-comp" open={defaultOpen}>
      <summary>
        <span className="pk-comp-name">
          {c.number}. {c.name}
        </span>
        <span className="pk-comp-meta">
          {live?.rated ?? 0}/{c.indicators.length}
          {live?.percent !== null && live?.percent !== undefined && live.value !== null ? ` · ${t('penilaian.form.competencyScore', { percent: decimal(live.percent, locale), value: live.value })}` : ''}
        </span>
      </summary>
      <ol className="pk-indicators">
        {c.indicators.map((i) => (
          <li key={i.id} className="pk-indicator" data-indicator={i.position}>
            <p>
              <strong>{i.position}.</strong> {i.text}
            </p>
            <ObservationNotes notes={notesOf.get(i.id)} />
            <div className={`pk-scores${scored ? '' : ' is-scale'}`} role="group" aria-label={i.text} style={scored ? undefined : { gridTemplateColumns: `repeat(${Math.min(levels.length, 4)}, 1fr)` }}>
              {levels.map(({ value: s }) => {
                const on = ratings[i.id] === s;
                const changed = highlightChanges && on && server[i.id] !== s;
                return (
                  <button
                    key={s}
                    type="button"
                    className={`pk-score ${scored ? `s${s}` : 'sx'}${on ? ' on' : ''}${changed ? ' changed' : ''}`}
                    aria-pressed={on}
                    aria-label={t('penilaian.form.scoreAria', { label: `${s} ${labelOf(s)}`, n: i.position })}
                    onClick={() => onRate(i.id, s)}
                  >
                    <strong>{s}</strong>
                    <small>{labelOf(s)}</small>
                  </button>
                );
              })}
            </div>
            {!scored && ratings[i.id] !== undefined && i.descriptors[String(ratings[i.id])] && <p className="muted small pk-descriptor">{i.descriptors[String(ratings[i.id])]}</p>}
            <EvidenceField position={i.position} value={evidence[i.id] ?? ''} rated={ratings[i.id] !== undefined} onChange={(text) => onNote(i.id, text)} />
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The rater's evidence note of one indicator: collapsed by default (one-hand 0/1/2 flow), a marker when there is one. */
function EvidenceField({ position, value, rated, onChange }: { position: number; value: string; rated: boolean; onChange: (text: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const has = value.trim().length > 0;
  const id = `bukti-${position}`;
  return (
    <div className="pk-evidence">
      <button type="button" className={`pk-evidence-toggle${has ? ' has' : ''}`} aria-expanded={open} aria-controls={id} aria-label={t('bukti.toggleAria', { n: position })} onClick={() => setOpen((o) => !o)}>
        {t('bukti.toggle')}
        {has && (
          <span className="pk-evidence-mark" title={t('bukti.hasEvidence')}>
            {' '}●
          </span>
        )}
      </button>
      {open && (
        <div id={id}>
          <label className="sr-only" htmlFor={`${id}-text`}>
            {t('bukti.label', { n: position })}
          </label>
          <textarea id={`${id}-text`} rows={2} maxLength={EVIDENCE_MAX} value={value} onChange={(e) => onChange(e.target.value)} />
          <p className="muted small">{rated ? t('bukti.hint') : t('bukti.needsScore')}</p>
        </div>
      )}
    </div>
  );
}
