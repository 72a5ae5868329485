import type { FeedbackResults, FeedbackRound } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, CopyButton, ErrorNote, Loading } from '../../shared/ui.tsx';
import { canManageFeedback, feedbackKeys, useResults, useRound } from './feedback.api.ts';
import { Face, SCALE_COLORS } from './Faces.tsx';
import { QrCode } from '../../shared/QrCode.tsx';
import './feedback.css';

/**
 * /umpan-balik/:id: for the kepala / operator the student link and a QR code big enough for a
 * projector, the live answer count and "close"; for readers of results (kepala, pengawas, the
 * teacher) the results once the threshold is reached, the free text for the kepala only.
 */
export function FeedbackRoundPage() {
  const t = useT();
  const { id = '' } = useParams();
  const round = useRound(id);
  if (round.isPending) return <Loading />;
  if (round.error) return <ErrorNote error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  return (
    <section className="page">
      <p className="back">
        <Link to="/umpan-balik">← {t('feedback.round.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t('feedback.round.heading', { class: r.className, teacher: r.teacher.name })}</h1>
          <p className="muted">
            {r.subject?.name ? `${r.subject.name} · ` : ''}
            <span className={`badge ${r.status === 'open' ? 'badge-ok' : 'badge-muted'}`}>{t(`feedback.status.${r.status}`)}</span>
          </p>
        </div>
      </div>
      <LinkPanel round={r} />
      <Results round={r} />
    </section>
  );
}

function LinkPanel({ round }: { round: FeedbackRound }) {
  const t = useT();
  const me = useMe();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [big, setBig] = useState(false);
  const close = useMutation({
    mutationFn: () => api<FeedbackRound>('POST', `/feedback/rounds/${encodeURIComponent(round.id)}/close`),
    onSuccess: (next) => {
      queryClient.setQueryData(feedbackKeys.round(round.id), next);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.rounds });
    },
  });
  // The server's public address (TUMBUH_PUBLIC_URL) when it has one, else the address this browser uses.
  const link = round.publicUrl ?? (round.publicPath ? `${window.location.origin}${round.publicPath}` : null);
  return (
    <div className="card section fb-link-panel">
      <p className="fb-live" aria-live="polite">
        {t('feedback.round.answers')}: <strong className="fb-count" data-testid="answer-count">{round.answerCount}</strong>
        {round.status === 'open' && <span className="muted small"> · {t('feedback.round.answersLive', { count: round.answerCount })}</span>}
      </p>
      {round.closesAt && round.status === 'open' && <p className="muted small">{t('feedback.round.closesAt', { time: formatDateTime(round.closesAt, locale) })}</p>}
      {round.closedAt && <p className="muted small">{t('feedback.round.closedAt', { time: formatDateTime(round.closedAt, locale) })}</p>}
      {link && round.status === 'open' && (
        <>
          <h2>{t('feedback.round.link')}</h2>
          <div className="copy-row">
            <code className="mono fb-url" data-testid="student-link">
              {link}
            </code>
            <CopyButton text={link} />
          </div>
          <p className="muted small">{t('feedback.round.qrHint')}</p>
          <button type="button" className={`fb-qr-button${big ? ' fb-qr-big' : ''}`} onClick={() => setBig(!big)} aria-label={big ? t('feedback.round.exitFullscreen') : t('feedback.round.fullscreen')}>
            <QrCode text={link} title={t('feedback.round.qrTitle')} className="fb-qr" />
            {big && <span className="fb-qr-count">{round.answerCount}</span>}
          </button>
        </>
      )}
      {canManageFeedback(me, round.madrasahId) && round.status === 'open' && (
        <div className="actions">
          <ConfirmButton label={t('feedback.round.close')} message={t('feedback.round.closeConfirm')} onConfirm={() => close.mutate()} className="btn btn-danger-outline" disabled={close.isPending} />
        </div>
      )}
      <ErrorNote error={close.error} />
    </div>
  );
}

function Results({ round }: { round: FeedbackRound }) {
  const t = useT();
  const results = useResults(round);
  const me = useMe();
  const readsResults = round.resultsAvailable || me.user.teacherId === round.teacher.id || me.roles.some((g) => g.role === 'kepala_madrasah' || g.role === 'pengawas');
  if (!round.resultsAvailable) {
    return <p className="note fb-not-enough">{readsResults ? t('feedback.round.notEnough', { count: round.answerCount, min: round.minAnswers }) : t('feedback.round.noResultsAccess')}</p>;
  }
  if (results.isPending) return <Loading />;
  if (results.error) return <ErrorNote error={results.error} onRetry={() => void results.refetch()} />;
  return <ResultCharts results={results.data} />;
}

function ResultCharts({ results }: { results: FeedbackResults }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="card section fb-results" data-testid="feedback-results">
      <h2>
        {t('feedback.results.title')} · {t('feedback.results.answers', { count: results.answers })}
      </h2>
      <figure className="fb-chart">
        <figcaption>{t('feedback.results.focus')}</figcaption>
        <svg viewBox="0 0 320 96" className="fb-svg" role="img" aria-label={t('feedback.results.focusDesc')}>
          {results.focus.map((f, i) => {
            const y = 4 + i * 30;
            const w = (f.mean / 4) * 180;
            return (
              <g key={f.focus}>
                <text x="0" y={y + 15} className="fb-svg-label">
                  {t(`feedback.focus.${f.focus}`)}
                </text>
                <rect x="130" y={y + 3} width="180" height="16" rx="3" fill="#eef1ef" />
                <rect x="130" y={y + 3} width={w} height="16" rx="3" fill="#0f6b4f" />
                <text x="314" y={y + 15} textAnchor="end" className="fb-svg-value">
                  {f.mean.toFixed(2)}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      <figure className="fb-chart">
        <figcaption>{t('feedback.results.items')}</figcaption>
        <p className="muted small">{t('feedback.results.itemsDesc')}</p>
        <p className="fb-legend">
          {([1, 2, 3, 4] as const).map((v) => (
            <span key={v}>
              <Face value={v} size={18} /> {t(`feedback.scale.v${v}`)}
            </span>
          ))}
        </p>
        <ol className="fb-items">
          {results.items.map((item) => {
            const total = item.distribution.reduce((a, b) => a + b, 0) || 1;
            let x = 0;
            return (
              <li key={item.id}>
                <span className="fb-item-text">{locale === 'en' ? item.textEn : item.textId}</span>
                <svg viewBox="0 0 300 18" className="fb-svg fb-stack" role="img" aria-label={`${item.distribution.join(' / ')} · ${t('feedback.results.mean', { mean: item.mean.toFixed(2) })}`}>
                  {item.distribution.map((n, k) => {
                    const w = (n / total) * 250;
                    const rect = <rect key={k} x={x} y="1" width={w} height="16" fill={SCALE_COLORS[k]} />;
                    x += w;
                    return rect;
                  })}
                  <text x="298" y="14" textAnchor="end" className="fb-svg-value">
                    {item.mean.toFixed(2)}
                  </text>
                </svg>
              </li>
            );
          })}
        </ol>
      </figure>
      {results.comments !== null && (
        <div className="fb-comments">
          <h3>{t('feedback.results.comments')}</h3>
          <p className="muted small">{t('feedback.results.commentsHint')}</p>
          {results.comments.length === 0 ? (
            <p className="empty">{t('feedback.results.noComments')}</p>
          ) : (
            <ul data-testid="feedback-comments">
              {results.comments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
