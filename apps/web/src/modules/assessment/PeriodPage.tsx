import type { Assessment, AssessmentPeriod, AssessmentRaterKind, PeriodTeacher } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { PeriodDates, PeriodName, raterKindKey } from './parts.tsx';
import { penilaianKeys, useAssessments, usePeriod, usePeriodTeachers } from './penilaian.api.ts';
import { useInstrumentList } from '../instruments/instruments.api.ts';

const PKG_INDICATORS = 78;
const PKG_CODE = 'pkg-2009-guru-mapel';

/** /penilaian/periode/:id: the period, every teacher with each rater's status, starting an assessment and naming a peer rater. */
export function PeriodPage() {
  const t = useT();
  const me = useMe();
  const { id = '' } = useParams();
  const period = usePeriod(id);
  const madrasahId = period.data?.madrasahId ?? '';
  const leads = Boolean(madrasahId) && (hasRole(me, 'kepala_madrasah', madrasahId) || hasRole(me, 'pengawas', madrasahId) || hasRole(me, 'operator', madrasahId));
  const teachers = usePeriodTeachers(id, leads);
  const [q, setQ] = useState('');
  // The instrument a new assessment uses: the official PKG one, or a published one of the madrasah.
  const own = useInstrumentList({ madrasahId: madrasahId || undefined, owner: 'madrasah', status: 'published' });
  const ownInstruments = (own.data?.items ?? []).filter((i) => i.status === 'published' && i.madrasahId === madrasahId);
  const [instrumentCode, setInstrumentCode] = useState(PKG_CODE);

  if (period.isPending) return <Loading />;
  if (period.error) return <ErrorNote error={period.error} onRetry={() => void period.refetch()} />;
  const p = period.data;
  const manages = hasRole(me, 'kepala_madrasah', p.madrasahId) || hasRole(me, 'operator', p.madrasahId);
  const items = (teachers.data?.items ?? []).filter((row) => row.teacher.name.toLowerCase().includes(q.trim().toLowerCase()));

  return (
    <section className="page">
      <Link to="/penilaian" className="back">
        ← {t('penilaian.period.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>
            <PeriodName period={p} />
          </h1>
          <PeriodDates period={p} />
        </div>
        <span className={`badge ${p.status === 'open' ? 'badge-ok' : 'badge-muted'}`}>{t(`penilaian.periodStatus.${p.status}`)}</span>
      </div>
      {p.status === 'closed' && <p className="note">{t('penilaian.period.closeHint')}</p>}
      {manages && <PeriodStatusButton period={p} />}
      {me.user.teacherId && <MyOwnInPeriod period={p} />}
      {leads && (
        <>
          <h2 className="section-title subhead">{t('penilaian.period.teachers')}</h2>
          {ownInstruments.length > 0 && (
            <Field label={t('penilaianInstrumen.instrument')} hint={instrumentCode === PKG_CODE ? undefined : t('penilaianInstrumen.instrumentHint')}>
              {(fp) => (
                <select {...fp} value={instrumentCode} onChange={(e) => setInstrumentCode(e.target.value)} data-testid="instrument-choice">
                  <option value={PKG_CODE}>{t('penilaianInstrumen.pkgOfficial')}</option>
                  {ownInstruments.map((i) => (
                    <option key={i.code} value={i.code}>
                      {t('penilaianInstrumen.madrasahOwn', { title: i.title, version: i.version })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('penilaian.period.search')}>{(fp) => <input {...fp} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
          {teachers.isPending ? (
            <Loading />
          ) : teachers.error ? (
            isApiError(teachers.error) && teachers.error.status === 403 ? <p className="note">{t('penilaian.period.noAccess')}</p> : <ErrorNote error={teachers.error} onRetry={() => void teachers.refetch()} />
          ) : (
            <>
              <p className="count muted small">{t('penilaian.period.teacherCount', { count: items.length })}</p>
              <ul className="pk-list">
                {items.map((row) => (
                  <TeacherRow key={row.teacher.id} row={row} period={p} peers={teachers.data.items} instrumentCode={instrumentCode} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function PeriodStatusButton({ period }: { period: AssessmentPeriod }) {
  const t = useT();
  const queryClient = useQueryClient();
  const next = period.status === 'open' ? 'closed' : 'open';
  const change = useMutation({
    mutationFn: () => api<AssessmentPeriod>('PATCH', `/assessment/periods/${period.id}`, { body: { status: next } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: penilaianKeys.all }),
  });
  return (
    <div className="actions">
      {next === 'closed' ? (
        <ConfirmButton label={t('penilaian.period.closePeriod')} message={t('penilaian.period.closeConfirm')} onConfirm={() => change.mutate()} disabled={change.isPending} />
      ) : (
        <button type="button" className="btn" onClick={() => change.mutate()} disabled={change.isPending}>
          {t('penilaian.period.reopenPeriod')}
        </button>
      )}
      <ErrorNote error={change.error} />
    </div>
  );
}

/** For a teacher: their own evaluasi diri in this period and the assessments they rate here. */
function MyOwnInPeriod({ period }: { period: AssessmentPeriod }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mine = useAssessments({ periodId: period.id });
  const rows = (mine.data?.items ?? []).filter((a) => a.rater.userId === me.user.id);
  const hasSelf = rows.some((a) => a.rater.kind === 'self');
  const start = useMutation({
    mutationFn: () => api<Assessment>('POST', '/assessment/assessments', { body: { periodId: period.id, teacherId: me.user.teacherId, raterKind: 'self' } }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.all });
      void navigate(`/penilaian/nilai/${a.id}`);
    },
  });
  if (mine.isPending || (rows.length === 0 && period.status !== 'open')) return null;
  return (
    <div className="card subhead">
      <h2 className="section-title">{t('penilaian.mine.rateTitle')}</h2>
      <ul className="pk-list">
        {rows.map((a) => (
          <li key={a.id} className="pk-row">
            <span className="item-main">
              {a.teacher.name} · {t(raterKindKey(a.rater.kind))}
            </span>
            <Link to={a.status === 'final' ? `/penilaian/hasil/${a.id}` : `/penilaian/nilai/${a.id}`} className="btn btn-small">
              {a.status === 'final' ? t('penilaian.period.view') : t('penilaian.period.continue')}
            </Link>
          </li>
        ))}
      </ul>
      {!hasSelf && period.status === 'open' && me.madrasahs.some((m) => m.id === period.madrasahId) && (
        <button type="button" className="btn" onClick={() => start.mutate()} disabled={start.isPending}>
          {t('penilaian.period.selfStart')}
        </button>
      )}
      <ErrorNote error={start.error} />
    </div>
  );
}

function TeacherRow({ row, period, peers, instrumentCode }: { row: PeriodTeacher; period: AssessmentPeriod; peers: PeriodTeacher[]; instrumentCode: string }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [peerOpen, setPeerOpen] = useState(false);
  const [peer, setPeer] = useState('');
  const isKepala = hasRole(me, 'kepala_madrasah', period.madrasahId);
  const isPengawas = hasRole(me, 'pengawas', period.madrasahId);
  const own = (kind: AssessmentRaterKind) => row.assessments.find((a) => a.rater.kind === kind && a.rater.userId === me.user.id && a.instrument.code === instrumentCode);
  const open = period.status === 'open';
  const start = useMutation({
    mutationFn: (body: { raterKind: AssessmentRaterKind; raterUserId?: string }) => api<Assessment>('POST', '/assessment/assessments', { body: { periodId: period.id, teacherId: row.teacher.id, instrumentCode, ...body } }),
    onSuccess: (a, body) => {
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.all });
      if (body.raterKind === 'peer') {
        setPeerOpen(false);
        setPeer('');
      } else void navigate(`/penilaian/nilai/${a.id}`);
    },
  });
  const candidates = peers.filter((p) => p.teacher.userId && p.teacher.id !== row.teacher.id && !row.assessments.some((a) => a.rater.userId === p.teacher.userId));
  const action = (kind: 'kepala' | 'pengawas', label: string) => {
    const mine = own(kind);
    if (mine) {
      return (
        <Link to={mine.status === 'final' ? `/penilaian/hasil/${mine.id}` : `/penilaian/nilai/${mine.id}`} className="btn btn-small btn-touch">
          {mine.status === 'final' ? t('penilaian.period.view') : t('penilaian.period.continue')}
        </Link>
      );
    }
    return open ? (
      <button type="button" className="btn btn-small btn-primary btn-touch" disabled={start.isPending} onClick={() => start.mutate({ raterKind: kind })}>
        {label}
      </button>
    ) : null;
  };
  return (
    <li className="card">
      <div className="pk-row">
        <strong className="item-main">{row.teacher.name}</strong>
        <div className="row-buttons">
          {isKepala && action('kepala', t('penilaian.period.rateAsKepala'))}
          {isPengawas && action('pengawas', t('penilaian.period.rateAsPengawas'))}
          {(isKepala || isPengawas) && row.assessments.some((a) => a.status === 'final') && (
            <Link to={`/penilaian/periode/${period.id}/guru/${row.teacher.id}`} className="btn btn-small btn-touch">
              {t('penilaian.period.combined')}
            </Link>
          )}
        </div>
      </div>
      <div className="pk-raters">
        {row.assessments.length === 0 && <span className="pk-rater">{t('penilaian.status.none')}</span>}
        {row.assessments.map((a) => {
          const label = `${t(raterKindKey(a.rater.kind))}: ${a.rater.name} · ${a.status === 'final' ? t('penilaian.status.final') : a.instrument.code === PKG_CODE ? t('penilaian.period.progress', { rated: a.rated, total: PKG_INDICATORS }) : t('penilaianInstrumen.progress', { rated: a.rated })}`;
          const extra = [a.acknowledgedAt ? t('penilaian.period.ack') : '', a.revision > 0 ? t('penilaian.period.revised', { n: a.revision }) : ''].filter(Boolean).join(', ');
          return (isKepala || isPengawas) ? (
            <Link key={a.id} to={a.status === 'final' || a.rater.userId !== me.user.id ? `/penilaian/hasil/${a.id}` : `/penilaian/nilai/${a.id}`} className={`pk-rater is-${a.status}`}>
              {label}
              {extra && ` (${extra})`}
            </Link>
          ) : (
            <span key={a.id} className={`pk-rater is-${a.status}`}>
              {label}
            </span>
          );
        })}
      </div>
      {isKepala && open && (
        <>
          {!peerOpen ? (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setPeerOpen(true)}>
              {t('penilaian.period.assignPeer')}
            </button>
          ) : candidates.length === 0 ? (
            <p className="muted small">{t('penilaian.period.peerNone')}</p>
          ) : (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (peer) start.mutate({ raterKind: 'peer', raterUserId: peer });
              }}
            >
              <Field label={t('penilaian.period.peerFor', { name: row.teacher.name })}>
                {(fp) => (
                  <select {...fp} value={peer} onChange={(e) => setPeer(e.target.value)}>
                    <option value="">{t('penilaian.period.peerLabel')}</option>
                    {candidates.map((c) => (
                      <option key={c.teacher.id} value={c.teacher.userId ?? ''}>
                        {c.teacher.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="actions">
                <button type="button" className="btn btn-small" onClick={() => setPeerOpen(false)}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="btn btn-small btn-primary" disabled={!peer || start.isPending}>
                  {t('penilaian.period.assign')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      <ErrorNote error={start.error} />
    </li>
  );
}
