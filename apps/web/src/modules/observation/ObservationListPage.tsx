import { FOCUS_DIMENSIONS, type FocusDimension, type Observation, type ObserverKind } from '@tumbuh/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { useTeacherList } from '../../shared/people.api.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, useFieldErrors } from '../../shared/ui.tsx';
import { indicatorsOf, observationKeys, useInstrument, useObservations } from './observation.api.ts';
import { useInstrumentList } from '../instruments/instruments.api.ts';
import './observation.css';

/** Whether the user may plan observations (kepala madrasah or pengawas somewhere). */
export function usePlansObservations(): boolean {
  const me = useMe();
  return hasRole(me, 'kepala_madrasah') || hasRole(me, 'pengawas');
}

/** /observasi: the observations the user may see, newest lesson first (optionally of one teacher: ?guru=ID). */
export function ObservationListPage() {
  const t = useT();
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const teacherId = params.get('guru') ?? '';
  const list = useObservations(teacherId);
  const plans = usePlansObservations();
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('observation.title')}</h1>
          <p className="muted">{t('observation.intro')}</p>
        </div>
        {plans && (
          <div className="actions">
            <Link className="btn btn-primary" to={`/observasi/baru${teacherId ? `?guru=${encodeURIComponent(teacherId)}` : ''}`}>
              {t('observation.plan')}
            </Link>
          </div>
        )}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('observation.empty')}</p>
      ) : (
        <ul className="obs-list">
          {list.data.items.map((o) => (
            <li key={o.id} className="card obs-item">
              <Link to={`/observasi/${o.id}`} className="obs-link">
                <strong>{o.teacher.name}</strong>
                <span className={`badge obs-status obs-${o.status}`}>{t(`observation.status.${o.status}`)}</span>
              </Link>
              <p className="muted small">
                {formatDateTime(o.scheduledAt, locale)} · {o.rombel} · {o.subjectName} · {o.topic}
              </p>
              <p className="muted small">
                {t(`observation.observerKind.${o.observer.kind}`)}: {o.observer.name}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface PlanDraft {
  teacherId: string;
  observerKind: ObserverKind;
  observerUserId: string;
  scheduledAt: string;
  rombel: string;
  subjectName: string;
  topic: string;
  focus: FocusDimension[];
  focusIndicatorIds: string[];
  instrumentCode: string;
  periodId: string;
}

function localNow(): string {
  const d = new Date(Date.now() + 3_600_000);
  d.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** /observasi/baru: the plan (before the lesson). Kept on the device until it is saved. */
export function ObservationPlanPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const madrasahId = me.madrasahs[0]?.id;
  const draft = useDraft<PlanDraft>('observation-plan', {
    teacherId: params.get('guru') ?? '',
    observerKind: hasRole(me, 'kepala_madrasah') ? 'kepala' : 'pengawas',
    observerUserId: '',
    scheduledAt: localNow(),
    rombel: '',
    subjectName: '',
    topic: '',
    focus: [],
    focusIndicatorIds: [],
    instrumentCode: 'pmm-2024-observasi',
    periodId: '',
  });
  const v = draft.values;
  const teachers = useTeacherList({ limit: 200, offset: 0, active: 'true' });
  const periods = useQuery({
    queryKey: ['observation', 'periods', madrasahId ?? ''],
    queryFn: ({ signal }) => api<{ items: { id: string; academicYear: string; kind: string; madrasahId: string }[] }>('GET', '/assessment/periods', { query: { limit: 50 }, signal }),
  });
  const peers = useQuery({
    queryKey: ['observation', 'peers', v.teacherId],
    enabled: v.observerKind === 'peer' && v.teacherId !== '',
    queryFn: ({ signal }) => api<{ items: { userId: string; name: string }[] }>('GET', '/observations/peer-candidates', { query: { teacherId: v.teacherId }, signal }),
  });
  const instrument = useInstrument(v.instrumentCode);
  const indicators = indicatorsOf(instrument.data);
  // The madrasah's own published observation instruments (newest version of each code) join the official two.
  const ownInstruments = useInstrumentList({ owner: 'madrasah', status: 'published' });
  const own = [...new Map((ownInstruments.data?.items ?? []).filter((i) => i.kind === 'observation').sort((a, b) => a.version - b.version).map((i) => [i.code, i])).values()];
  const save = useMutation({
    mutationFn: () => {
      const scheduled = new Date(v.scheduledAt);
      return api<Observation>('POST', '/observations', {
        body: {
          teacherId: v.teacherId,
          observerKind: v.observerKind,
          ...(v.observerKind === 'peer' ? { observerUserId: v.observerUserId || undefined } : {}),
          scheduledAt: Number.isNaN(scheduled.getTime()) ? v.scheduledAt : scheduled.toISOString(),
          rombel: v.rombel,
          subjectName: v.subjectName,
          topic: v.topic,
          focus: v.focus,
          focusIndicatorIds: v.focusIndicatorIds.filter((id) => indicators.some((i) => i.id === id)),
          instrumentCode: v.instrumentCode,
          periodId: v.periodId || null,
        },
      });
    },
    onSuccess: (created) => {
      draft.clear();
      queryClient.setQueryData(observationKeys.one(created.id), created);
      void queryClient.invalidateQueries({ queryKey: observationKeys.all });
      void navigate(`/observasi/${created.id}`);
    },
  });
  const errors = useFieldErrors(save.error);
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return (
    <section className="page">
      <Link to="/observasi" className="back">
        ← {t('observation.back')}
      </Link>
      <h1>{t('observation.form.title')}</h1>
      {draft.restored && <p className="note">{t('observation.restored')}</p>}
      <form
        className="card form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('observation.form.teacher')} error={errors.teacherId} required>
          {(p) => (
            <select {...p} name="teacherId" value={v.teacherId} onChange={(e) => draft.set('teacherId', e.target.value)}>
              <option value="">{t('observation.form.chooseTeacher')}</option>
              {(teachers.data?.items ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('observation.form.observerKind')} error={errors.observerKind}>
          {(p) => (
            <select {...p} name="observerKind" value={v.observerKind} onChange={(e) => draft.set('observerKind', e.target.value === 'pengawas' ? 'pengawas' : e.target.value === 'peer' ? 'peer' : 'kepala')}>
              {hasRole(me, 'kepala_madrasah') && <option value="kepala">{t('observation.observerKind.kepala')}</option>}
              {hasRole(me, 'kepala_madrasah') && <option value="peer">{t('observation.observerKind.peer')}</option>}
              {hasRole(me, 'pengawas') && <option value="pengawas">{t('observation.observerKind.pengawas')}</option>}
            </select>
          )}
        </Field>
        {v.observerKind === 'peer' && (
          <Field label={t('observation.form.peer')} error={errors.observerUserId} required>
            {(p) => (
              <select {...p} name="observerUserId" value={v.observerUserId} onChange={(e) => draft.set('observerUserId', e.target.value)}>
                <option value="">{t('observation.form.choosePeer')}</option>
                {(peers.data?.items ?? []).map((x) => (
                  <option key={x.userId} value={x.userId}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('observation.form.scheduledAt')} error={errors.scheduledAt} required>
          {(p) => <input {...p} type="datetime-local" name="scheduledAt" value={v.scheduledAt} onChange={(e) => draft.set('scheduledAt', e.target.value)} />}
        </Field>
        <Field label={t('observation.form.rombel')} hint={t('observation.form.rombelHint')} error={errors.rombel} required>
          {(p) => <input {...p} name="rombel" value={v.rombel} maxLength={40} onChange={(e) => draft.set('rombel', e.target.value)} />}
        </Field>
        <Field label={t('observation.form.subject')} error={errors.subjectName} required>
          {(p) => <input {...p} name="subjectName" value={v.subjectName} maxLength={200} onChange={(e) => draft.set('subjectName', e.target.value)} />}
        </Field>
        <Field label={t('observation.form.topic')} error={errors.topic} required>
          {(p) => <input {...p} name="topic" value={v.topic} maxLength={200} onChange={(e) => draft.set('topic', e.target.value)} />}
        </Field>
        <Field label={t('observation.form.instrument')} error={errors.instrumentCode}>
          {(p) => (
            <select {...p} name="instrumentCode" value={v.instrumentCode} onChange={(e) => draft.set('instrumentCode', e.target.value)}>
              <option value="pmm-2024-observasi">{t('observation.form.instrumentPmm')}</option>
              <option value="pkg-2009-guru-mapel">{t('observation.form.instrumentPkg')}</option>
              {own.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('observation.form.period')} error={errors.periodId}>
          {(p) => (
            <select {...p} name="periodId" value={v.periodId} onChange={(e) => draft.set('periodId', e.target.value)}>
              <option value="">{t('observation.form.noPeriod')}</option>
              {(periods.data?.items ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.academicYear} · {x.kind}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field field-wide obs-fieldset">
          <legend>{t('observation.form.focus')}</legend>
          <div className="obs-chips">
            {FOCUS_DIMENSIONS.map((f) => (
              <label key={f} className={`obs-chip${v.focus.includes(f) ? ' on' : ''}`}>
                <input type="checkbox" checked={v.focus.includes(f)} onChange={() => draft.set('focus', toggle(v.focus, f))} />
                {t(`observation.focus.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <details className="field field-wide">
          <summary>{t('observation.form.focusIndicators')}</summary>
          <div className="obs-chips">
            {indicators
              .filter((i) => v.focus.length === 0 || i.focus.some((f) => v.focus.includes(f)))
              .map((i) => (
                <label key={i.id} className={`obs-chip${v.focusIndicatorIds.includes(i.id) ? ' on' : ''}`} title={i.text}>
                  <input type="checkbox" checked={v.focusIndicatorIds.includes(i.id)} onChange={() => draft.set('focusIndicatorIds', toggle(v.focusIndicatorIds, i.id))} />
                  {i.position}. {i.text.length > 60 ? `${i.text.slice(0, 59)}…` : i.text}
                </label>
              ))}
          </div>
        </details>
        <ErrorNote error={save.error} />
        <div className="form-actions field-wide">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('observation.form.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
