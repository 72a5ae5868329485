import type { FeedbackRound, FeedbackSettings } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { useSubjects, useTeacherList } from '../../shared/people.api.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, useFieldErrors } from '../../shared/ui.tsx';
import { canManageFeedback, feedbackKeys, useFeedbackSettings, useRounds } from './feedback.api.ts';
import './feedback.css';

/**
 * /umpan-balik: the feedback rounds the user may see (a guru: rounds about themself), and for the
 * kepala / operator the form that opens a round and the threshold setting.
 */
export function FeedbackListPage() {
  const t = useT();
  const me = useMe();
  const rounds = useRounds();
  const manager = canManageFeedback(me);
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('feedback.title')}</h1>
          <p className="muted">{t('feedback.intro')}</p>
        </div>
      </div>
      {manager && <OpenRoundForm />}
      {rounds.isPending ? (
        <Loading />
      ) : rounds.error ? (
        <ErrorNote error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.items.length === 0 ? (
        <p className="empty">{t('feedback.empty')}</p>
      ) : (
        <ul className="fb-rounds">
          {rounds.data.items.map((r) => (
            <RoundRow key={r.id} round={r} />
          ))}
        </ul>
      )}
      {manager && <ThresholdSetting />}
    </section>
  );
}

function RoundRow({ round }: { round: FeedbackRound }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <li className="card fb-round-row">
      <Link to={`/umpan-balik/${round.id}`} className="row-link">
        <strong>{round.className}</strong> · {round.teacher.name}
        {round.subject ? ` · ${round.subject.name}` : ''}
      </Link>
      <span className={`badge ${round.status === 'open' ? 'badge-ok' : 'badge-muted'}`}>{t(`feedback.status.${round.status}`)}</span>
      <span className="muted small">
        {t('feedback.list.answers')}: <strong className="fb-count">{round.answerCount}</strong> · {t('feedback.list.created')} {formatDateTime(round.createdAt, locale)}
      </span>
    </li>
  );
}

/** Opens a round; what was typed is kept on the device until it is sent. */
function OpenRoundForm() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const teachers = useTeacherList({ active: 'true', limit: 200, offset: 0 });
  const draft = useDraft('feedback.round.new', { teacherId: '', subjectId: '', className: '', closesAt: '' });
  const v = draft.values;
  const teacher = teachers.data?.items.find((x) => x.id === v.teacherId);
  const subjects = useSubjects(teacher?.madrasahId ?? me.madrasahs[0]?.id);
  const open = useMutation({
    mutationFn: () =>
      api<FeedbackRound>('POST', '/feedback/rounds', {
        body: { teacherId: v.teacherId, subjectId: v.subjectId || null, className: v.className.trim(), closesAt: v.closesAt ? new Date(v.closesAt).toISOString() : null },
      }),
    onSuccess: (round) => {
      draft.clear();
      queryClient.setQueryData(feedbackKeys.round(round.id), round);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.rounds });
      void navigate(`/umpan-balik/${round.id}`);
    },
  });
  const errors = useFieldErrors(open.error);
  return (
    <details className="card section" open>
      <summary>
        <h2>{t('feedback.open.title')}</h2>
      </summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate();
        }}
      >
        {draft.restored && <p className="note small">{t('feedback.open.restored')}</p>}
        <Field label={t('feedback.open.teacher')} error={errors.teacherId} required>
          {(p) => (
            <select {...p} value={v.teacherId} onChange={(e) => draft.set('teacherId', e.target.value)}>
              <option value="">{t('feedback.open.chooseTeacher')}</option>
              {(teachers.data?.items ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('feedback.open.subject')} error={errors.subjectId}>
          {(p) => (
            <select {...p} value={v.subjectId} onChange={(e) => draft.set('subjectId', e.target.value)}>
              <option value="">{t('feedback.open.noSubject')}</option>
              {(subjects.data?.items ?? [])
                .filter((s) => s.active)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('feedback.open.className')} hint={t('feedback.open.classHint')} error={errors.className} required>
          {(p) => <input {...p} value={v.className} maxLength={40} autoComplete="off" onChange={(e) => draft.set('className', e.target.value)} />}
        </Field>
        <Field label={t('feedback.open.closesAt')} error={errors.closesAt}>
          {(p) => <input {...p} type="datetime-local" value={v.closesAt} onChange={(e) => draft.set('closesAt', e.target.value)} />}
        </Field>
        <ErrorNote error={open.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={open.isPending || !v.teacherId || !v.className.trim()}>
          {t('feedback.open.submit')}
        </button>
      </form>
    </details>
  );
}

function ThresholdSetting() {
  const t = useT();
  const settings = useFeedbackSettings();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<FeedbackSettings>('PUT', '/feedback/settings', { body: { minAnswers: Number(value ?? settings.data?.minAnswers ?? 5) } }),
    onSuccess: (next) => {
      queryClient.setQueryData(feedbackKeys.settings, next);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
      setValue(null);
    },
  });
  if (!settings.data) return null;
  return (
    <details className="card section">
      <summary>
        <h2>{t('feedback.settings.title')}</h2>
      </summary>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('feedback.settings.title')} hint={t('feedback.settings.hint')}>
          {(p) => <input {...p} type="number" min={5} max={1000} value={value ?? String(settings.data.minAnswers)} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <button type="submit" className="btn" disabled={save.isPending}>
          {t('feedback.settings.save')}
        </button>
        {save.isSuccess && <span className="muted small">{t('feedback.settings.saved')}</span>}
        <ErrorNote error={save.error} />
      </form>
    </details>
  );
}
