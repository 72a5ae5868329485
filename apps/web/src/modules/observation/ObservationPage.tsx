import type { InstrumentDetail, Observation, ObservationNote } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ConfirmButton, ErrorNote, Field, Loading, useErrorText } from '../../shared/ui.tsx';
import { FilesSection } from '../files/FilesSection.tsx';
import { indicatorsOf, newNoteId, observationKeys, useInstrument, useNoteQueue, useObservation, useObservationGroups } from './observation.api.ts';
import './observation.css';

type Tab = 'during' | 'after' | 'reflection';
type Indicator = ReturnType<typeof indicatorsOf>[number];

function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** /observasi/:id — the plan, then the "during" screen (notes), the "after" screen (ratings with evidence, goals) and the reflection. */
export function ObservationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const obs = useObservation(id);
  if (obs.isPending) return <Loading />;
  if (obs.error) {
    return (
      <section className="page">
        <Link to="/observasi" className="back">
          ← {t('observation.back')}
        </Link>
        <ErrorNote error={obs.error} onRetry={() => void obs.refetch()} />
      </section>
    );
  }
  return <ObservationView obs={obs.data} />;
}

function useUpdate(id: string) {
  const queryClient = useQueryClient();
  return (fresh: Observation) => {
    queryClient.setQueryData(observationKeys.one(id), fresh);
    void queryClient.invalidateQueries({ queryKey: ['observation', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['observation', 'goals'] });
  };
}

function ObservationView({ obs }: { obs: Observation }) {
  const t = useT();
  const { locale } = useLocale();
  const instrument = useInstrument(obs.instrument.code, obs.instrument.version);
  const [tab, setTab] = useState<Tab>(obs.status === 'reflected' || obs.status === 'closed' ? 'after' : 'during');
  const update = useUpdate(obs.id);
  const move = useMutation({
    mutationFn: (to: 'in_progress' | 'reflected' | 'closed') => api<Observation>('POST', `/observations/${obs.id}/transition`, { body: { to } }),
    onSuccess: update,
  });
  const canEdit = obs.can.edit;

  return (
    <section className="page obs-page">
      <Link to="/observasi" className="back">
        ← {t('observation.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{obs.teacher.name}</h1>
          <p className="muted">
            {formatDateTime(obs.scheduledAt, locale)} · {obs.rombel} · {obs.subjectName}
          </p>
          <p className="muted small">
            {obs.topic} · {t(`observation.observerKind.${obs.observer.kind}`)}: {obs.observer.name}
          </p>
        </div>
        <span className={`badge obs-status obs-${obs.status}`} data-testid="obs-status">
          {t(`observation.status.${obs.status}`)}
        </span>
      </div>
      {obs.focus.length > 0 && (
        <ul className="chips">
          {obs.focus.map((f) => (
            <li key={f} className="chip">
              {t(`observation.focus.${f}`)}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="actions obs-actions">
          {obs.status === 'planned' && (
            <button type="button" className="btn" disabled={move.isPending} onClick={() => move.mutate('in_progress')}>
              {t('observation.detail.start')}
            </button>
          )}
          {obs.status === 'in_progress' && (
            <ConfirmButton label={t('observation.detail.share')} className="btn btn-primary" message={t('observation.detail.shareConfirm')} disabled={move.isPending} onConfirm={() => move.mutate('reflected')} />
          )}
          {obs.status === 'reflected' && (
            <ConfirmButton label={t('observation.detail.close')} className="btn" message={t('observation.detail.closeConfirm')} disabled={move.isPending} onConfirm={() => move.mutate('closed')} />
          )}
        </div>
      )}
      <ErrorNote error={move.error} />
      {obs.status === 'closed' && <p className="note">{t('observation.detail.closedNote')}</p>}
      {!obs.evidenceVisible ? (
        <p className="note">{t('observation.detail.hiddenNote')}</p>
      ) : (
        <>
          <div className="obs-tabs" role="tablist">
            {(['during', 'after', 'reflection'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={`obs-tab${tab === k ? ' on' : ''}`} onClick={() => setTab(k)}>
                {t(k === 'during' ? 'observation.detail.tabDuring' : k === 'after' ? 'observation.detail.tabAfter' : 'observation.detail.tabReflection')}
              </button>
            ))}
          </div>
          {instrument.isPending ? (
            <Loading />
          ) : instrument.error ? (
            <ErrorNote error={instrument.error} onRetry={() => void instrument.refetch()} />
          ) : tab === 'during' ? (
            <>
              <During obs={obs} instrument={instrument.data} />
              <FilesSection kind="observation" ownerId={obs.id} canUpload={obs.can.edit && obs.status !== 'closed'} title={t('observation.during.photos')} intro={t('observation.during.photosIntro')} />
            </>
          ) : tab === 'after' ? (
            <>
              <Ratings obs={obs} instrument={instrument.data} />
              <Goals obs={obs} />
            </>
          ) : (
            <Reflection obs={obs} />
          )}
        </>
      )}
    </section>
  );
}

// ---------- during ----------

interface SpeechResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }>>;
}
interface SpeechRecognitionLike {
  lang: string;
  interimResults: boolean;
  onresult: ((e: SpeechResultEvent) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

/** The Web Speech API where the browser has it (Chrome on Android); the keyboard microphone works everywhere else. */
function speechRecognition(): (new () => SpeechRecognitionLike) | undefined {
  const w = window as unknown as { SpeechRecognition?: new () => SpeechRecognitionLike; webkitSpeechRecognition?: new () => SpeechRecognitionLike };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

function IndicatorChips({ indicators, selected, onToggle }: { indicators: Indicator[]; selected: string[]; onToggle: (id: string) => void }) {
  return (
    <div className="obs-chips" role="group">
      {indicators.map((i) => (
        <button key={i.id} type="button" className={`obs-chip${selected.includes(i.id) ? ' on' : ''}`} aria-pressed={selected.includes(i.id)} title={i.text} onClick={() => onToggle(i.id)}>
          {i.position}. {shortText(i.text, 48)}
        </button>
      ))}
    </div>
  );
}

function During({ obs, instrument }: { obs: Observation; instrument: InstrumentDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const all = indicatorsOf(instrument);
  const focused = all.filter((i) => obs.focusIndicatorIds.includes(i.id) || (obs.focusIndicatorIds.length === 0 && obs.focus.length > 0 && i.focus.some((f) => obs.focus.includes(f))));
  const [showAll, setShowAll] = useState(focused.length === 0 || focused.length === all.length);
  const shown = showAll ? all : focused;
  const draft = useDraft<{ text: string; tags: string[] }>(`observation-note-${obs.id}`, { text: '', tags: [] });
  const [listening, setListening] = useState(false);
  const recognizer = useRef<SpeechRecognitionLike | null>(null);
  const Speech = speechRecognition();
  const onSent = (note: ObservationNote) => {
    queryClient.setQueryData<Observation>(observationKeys.one(obs.id), (old) =>
      old ? { ...old, status: old.status === 'planned' ? 'in_progress' : old.status, notes: [...old.notes.filter((n) => n.id !== note.id), note].sort((a, b) => a.notedAt.localeCompare(b.notedAt)) } : old,
    );
  };
  const { queue, enqueue, rejected, clearRejected } = useNoteQueue(obs.id, onSent);
  const pendingIds = new Set(queue.map((q) => q.noteId));
  const toggle = (id: string) => draft.set('tags', draft.values.tags.includes(id) ? draft.values.tags.filter((x) => x !== id) : [...draft.values.tags, id]);
  useEffect(() => () => recognizer.current?.stop(), []);

  const dictate = () => {
    if (!Speech) return;
    if (listening) {
      recognizer.current?.stop();
      return;
    }
    const r = new Speech();
    r.lang = locale === 'en' ? 'en-US' : 'id-ID';
    r.interimResults = false;
    r.onresult = (e) => {
      const said = Array.from(e.results)
        .map((res) => res[0]?.transcript ?? '')
        .join(' ');
      draft.set('text', `${draft.values.text}${draft.values.text ? ' ' : ''}${said}`);
    };
    r.onend = () => setListening(false);
    recognizer.current = r;
    setListening(true);
    r.start();
  };

  const notes = [...obs.notes, ...queue.filter((q) => !obs.notes.some((n) => n.id === q.noteId)).map((q) => ({ id: q.noteId, notedAt: q.body.notedAt, text: q.body.text, indicatorIds: q.body.indicatorIds, author: obs.observer, updatedAt: q.body.notedAt }))].sort((a, b) =>
    b.notedAt.localeCompare(a.notedAt),
  );
  const label = (id: string) => {
    const i = all.find((x) => x.id === id);
    return i ? `${i.position}. ${shortText(i.text, 32)}` : id;
  };

  return (
    <div className="obs-during">
      {obs.can.edit && (
        <form
          className="card obs-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = draft.values.text.trim();
            if (!text) return;
            enqueue({ noteId: newNoteId(), body: { notedAt: new Date().toISOString(), text, indicatorIds: draft.values.tags } });
            draft.clear();
          }}
        >
          <label htmlFor="obs-note" className="sr-only">
            {t('observation.during.note')}
          </label>
          <textarea id="obs-note" name="note" className="obs-note-box" rows={5} maxLength={4000} placeholder={t('observation.during.notePlaceholder')} value={draft.values.text} onChange={(e) => draft.set('text', e.target.value)} />
          <div className="obs-tag-head">
            <strong>{t('observation.during.tags')}</strong>
            {focused.length > 0 && focused.length < all.length && (
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setShowAll((s) => !s)}>
                {showAll ? t('observation.during.focusOnly') : t('observation.during.allIndicators')}
              </button>
            )}
          </div>
          <IndicatorChips indicators={shown} selected={draft.values.tags} onToggle={toggle} />
          <div className="obs-note-actions">
            {Speech && (
              <button type="button" className="btn" onClick={dictate} aria-pressed={listening}>
                {listening ? t('observation.during.stopDictate') : t('observation.during.dictate')}
              </button>
            )}
            <button type="submit" className="btn btn-primary btn-big">
              {t('observation.during.add')}
            </button>
          </div>
        </form>
      )}
      {queue.length > 0 && (
        <p className="note" role="status">
          {t('observation.during.queuedCount', { count: queue.length })}
        </p>
      )}
      {rejected !== null && (
        <p className="note note-error" role="alert">
          {t('observation.during.rejected', { message: errorText(rejected) })}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={clearRejected}>
            ×
          </button>
        </p>
      )}
      <h2 className="section-title">{t('observation.during.notes', { count: notes.length })}</h2>
      {notes.length === 0 ? (
        <p className="empty">{t('observation.during.noNotes')}</p>
      ) : (
        <ul className="obs-notes">
          {notes.map((n) => (
            <NoteItem key={n.id} obs={obs} note={n} pending={pendingIds.has(n.id)} label={label} indicators={all} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NoteItem({ obs, note, pending, label, indicators }: { obs: Observation; note: Pick<ObservationNote, 'id' | 'notedAt' | 'text' | 'indicatorIds'>; pending: boolean; label: (id: string) => string; indicators: Indicator[] }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.indicatorIds);
  const save = useMutation({
    mutationFn: () => api<ObservationNote>('PUT', `/observations/${obs.id}/notes/${note.id}`, { body: { notedAt: note.notedAt, text, indicatorIds: tags } }),
    onSuccess: (fresh) => {
      setEditing(false);
      queryClient.setQueryData<Observation>(observationKeys.one(obs.id), (old) => (old ? { ...old, notes: old.notes.map((n) => (n.id === fresh.id ? fresh : n)) } : old));
    },
  });
  const remove = useMutation({
    mutationFn: () => api('DELETE', `/observations/${obs.id}/notes/${note.id}`),
    onSuccess: () => queryClient.setQueryData<Observation>(observationKeys.one(obs.id), (old) => (old ? { ...old, notes: old.notes.filter((n) => n.id !== note.id) } : old)),
  });
  return (
    <li className="card obs-note">
      <div className="obs-note-head">
        <time className="mono small" dateTime={note.notedAt}>
          {formatDateTime(note.notedAt, locale)}
        </time>
        {pending && <span className="badge badge-warn">{t('observation.during.queued')}</span>}
      </div>
      {editing ? (
        <>
          <textarea className="obs-note-box" rows={4} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} aria-label={t('observation.during.note')} />
          <IndicatorChips indicators={indicators} selected={tags} onToggle={(id) => setTags(tags.includes(id) ? tags.filter((x) => x !== id) : [...tags, id])} />
          <div className="obs-note-actions">
            <button type="button" className="btn" onClick={() => setEditing(false)}>
              {t('observation.during.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={save.isPending} onClick={() => save.mutate()}>
              {t('observation.during.save')}
            </button>
          </div>
          <ErrorNote error={save.error} />
        </>
      ) : (
        <>
          <p className="obs-note-text">{note.text}</p>
          {note.indicatorIds.length > 0 && (
            <ul className="chips">
              {note.indicatorIds.map((id) => (
                <li key={id} className="chip">
                  {label(id)}
                </li>
              ))}
            </ul>
          )}
          {obs.can.edit && !pending && (
            <div className="item-actions">
              <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
                {t('observation.during.edit')}
              </button>
              <ConfirmButton label={t('observation.during.delete')} className="btn btn-small btn-danger-outline" message={t('observation.during.deleteConfirm')} disabled={remove.isPending} onConfirm={() => remove.mutate()} />
            </div>
          )}
          <ErrorNote error={remove.error} />
        </>
      )}
    </li>
  );
}

// ---------- after ----------

function Ratings({ obs, instrument }: { obs: Observation; instrument: InstrumentDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdate(obs.id);
  const indicators = indicatorsOf(instrument);
  const [values, setValues] = useState<Record<string, { value: number | null; comment: string }>>(() =>
    Object.fromEntries(indicators.map((i) => {
      const r = obs.ratings.find((x) => x.indicatorId === i.id);
      return [i.id, { value: r?.value ?? null, comment: r?.comment ?? '' }];
    })),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<Observation>('PUT', `/observations/${obs.id}/ratings`, {
        body: {
          ratings: Object.entries(values)
            .filter(([, v]) => v.value !== null)
            .map(([indicatorId, v]) => ({ indicatorId, value: v.value, comment: v.comment })),
        },
      }),
    onSuccess: (fresh) => {
      setSaved(true);
      update(fresh);
    },
  });
  const editable = obs.can.edit && obs.status !== 'planned';
  const evidence = (id: string) => obs.notes.filter((n) => n.indicatorIds.includes(id)).sort((a, b) => a.notedAt.localeCompare(b.notedAt));
  const levels = instrument.scale.levels;
  // With focus chosen, the focus indicators come first; the rest follow.
  const ordered = [...indicators].sort((a, b) => Number(obs.focusIndicatorIds.includes(b.id)) - Number(obs.focusIndicatorIds.includes(a.id)) || a.position - b.position);

  return (
    <div className="obs-after">
      <h2 className="section-title">{t('observation.after.ratings')}</h2>
      <ol className="obs-ratings">
        {ordered.map((i) => {
          const v = values[i.id] ?? { value: null, comment: '' };
          const ev = evidence(i.id);
          return (
            <li key={i.id} className="card obs-rating" data-indicator={i.position}>
              <p className="obs-indicator">
                <strong>{i.position}.</strong> {i.text}
              </p>
              <div className="obs-rating-grid">
                <div className="obs-evidence">
                  <strong className="small">{t('observation.after.evidence')}</strong>
                  {ev.length === 0 ? (
                    <p className="muted small">{t('observation.after.noEvidence')}</p>
                  ) : (
                    <ul>
                      {ev.map((n) => (
                        <li key={n.id} className="small">
                          <time className="mono">{formatDateTime(n.notedAt, locale)}</time> {n.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <fieldset className="obs-scale" disabled={!editable}>
                  <legend className="sr-only">{i.text}</legend>
                  {levels.map((l) => (
                    <label key={l.value} className={`obs-level${v.value === l.value ? ' on' : ''}`}>
                      <input
                        type="radio"
                        name={`rating-${i.id}`}
                        value={l.value}
                        checked={v.value === l.value}
                        onChange={() => {
                          setSaved(false);
                          setValues({ ...values, [i.id]: { ...v, value: l.value } });
                        }}
                      />
                      {l.label}
                    </label>
                  ))}
                  {v.value === null && <span className="muted small">{t('observation.after.notRated')}</span>}
                  <input
                    type="text"
                    className="obs-comment"
                    aria-label={t('observation.after.comment')}
                    placeholder={t('observation.after.comment')}
                    maxLength={1000}
                    value={v.comment}
                    onChange={(e) => {
                      setSaved(false);
                      setValues({ ...values, [i.id]: { ...v, comment: e.target.value } });
                    }}
                  />
                </fieldset>
              </div>
            </li>
          );
        })}
      </ol>
      {editable && (
        <div className="sticky-actions">
          <button type="button" className="btn btn-primary" disabled={save.isPending || Object.values(values).every((x) => x.value === null)} onClick={() => save.mutate()}>
            {t('observation.after.saveRatings')}
          </button>
          {saved && (
            <span className="save-state" role="status">
              {t('observation.after.saved')}
            </span>
          )}
        </div>
      )}
      <ErrorNote error={save.error} />
    </div>
  );
}

function Goals({ obs }: { obs: Observation }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdate(obs.id);
  const draft = useDraft<{ what: string; dueDate: string }>(`observation-goal-${obs.id}`, { what: '', dueDate: '' });
  const editable = obs.can.edit && obs.status !== 'planned';
  const groups = useObservationGroups(obs.id, editable && obs.goals.some((g) => g.sent === null));
  const add = useMutation({
    mutationFn: () => api<Observation>('POST', `/observations/${obs.id}/goals`, { body: draft.values }),
    onSuccess: (fresh) => {
      draft.clear();
      update(fresh);
    },
  });
  return (
    <div className="obs-goals">
      <h2 className="section-title">{t('observation.goals.title')}</h2>
      {obs.goals.length === 0 ? (
        <p className="empty">{t('observation.goals.empty')}</p>
      ) : (
        <ul className="obs-goal-list">
          {obs.goals.map((g) => (
            <li key={g.id} className="card obs-goal">
              <p>
                <strong>{g.what}</strong> <span className="muted small">{t('observation.goals.due_on', { date: formatDate(g.dueDate, locale) })}</span>
              </p>
              {g.sent ? (
                <p className="note note-ok small">{t(g.sent.as === 'agenda' ? 'observation.goals.sentAgenda' : 'observation.goals.sentFollowUp', { group: g.sent.groupName })}</p>
              ) : (
                editable && <SendGoal obs={obs} goalId={g.id} groups={groups.data?.items} loading={groups.isPending} error={groups.error} />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="card inline-form obs-goal-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Field label={t('observation.goals.what')} required wide>
            {(p) => <input {...p} name="goalWhat" maxLength={500} value={draft.values.what} onChange={(e) => draft.set('what', e.target.value)} />}
          </Field>
          <Field label={t('observation.goals.due')} required>
            {(p) => <input {...p} type="date" name="goalDue" value={draft.values.dueDate} onChange={(e) => draft.set('dueDate', e.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t('observation.goals.add')}
          </button>
          <ErrorNote error={add.error} />
        </form>
      )}
    </div>
  );
}

function SendGoal({ obs, goalId, groups, loading, error }: { obs: Observation; goalId: string; groups: { id: string; name: string; nextMeeting: { startsAt: string } | null }[] | undefined; loading: boolean; error: unknown }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdate(obs.id);
  const [groupId, setGroupId] = useState('');
  const send = useMutation({
    // The group is passed at click time: the state set in the same click is not in this closure yet.
    mutationFn: (target: string) => api<Observation>('POST', `/observations/${obs.id}/goals/${goalId}/send-to-mgmp`, { body: { groupId: target } }),
    onSuccess: update,
  });
  if (loading) return <Loading />;
  if (error) return <ErrorNote error={error} />;
  if (!groups || groups.length === 0) return <p className="muted small">{t('observation.goals.noGroup')}</p>;
  const chosen = groupId || groups[0]?.id || '';
  return (
    <div className="obs-send">
      <label className="sr-only" htmlFor={`send-${goalId}`}>
        {t('observation.goals.chooseGroup')}
      </label>
      <select id={`send-${goalId}`} value={chosen} onChange={(e) => setGroupId(e.target.value)}>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name} — {g.nextMeeting ? t('observation.goals.nextMeeting', { date: formatDate(g.nextMeeting.startsAt, locale) }) : t('observation.goals.noMeeting')}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn"
        disabled={send.isPending}
        onClick={() => {
          setGroupId(chosen);
          send.mutate(chosen);
        }}
      >
        {t('observation.goals.sendTo')}
      </button>
      <ErrorNote error={send.error} />
    </div>
  );
}

// ---------- reflection ----------

function Reflection({ obs }: { obs: Observation }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdate(obs.id);
  const draft = useDraft<{ text: string }>(`observation-reflection-${obs.id}`, { text: '' });
  const send = useMutation({
    mutationFn: () => api<Observation>('POST', `/observations/${obs.id}/reflections`, { body: draft.values }),
    onSuccess: (fresh) => {
      draft.clear();
      update(fresh);
    },
  });
  return (
    <div className="obs-reflection">
      <h2 className="section-title">{t('observation.reflection.title')}</h2>
      {obs.reflections.length === 0 ? (
        <p className="empty">{t('observation.reflection.empty')}</p>
      ) : (
        <ul className="obs-turns">
          {obs.reflections.map((r) => (
            <li key={r.id} className={`card obs-turn obs-turn-${r.role}`}>
              <p className="small muted">
                {t(r.role === 'teacher' ? 'observation.reflection.teacher' : 'observation.reflection.observer')} · {r.author.name} · {formatDateTime(r.createdAt, locale)}
              </p>
              <p className="obs-note-text">{r.text}</p>
            </li>
          ))}
        </ul>
      )}
      {obs.can.reflect ? (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <label htmlFor="obs-reflection" className="sr-only">
            {t('observation.reflection.write')}
          </label>
          <textarea id="obs-reflection" className="obs-note-box" rows={4} maxLength={4000} placeholder={t('observation.reflection.write')} value={draft.values.text} onChange={(e) => draft.set('text', e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={send.isPending || !draft.values.text.trim()}>
            {t('observation.reflection.send')}
          </button>
          <ErrorNote error={send.error} />
        </form>
      ) : (
        obs.status !== 'closed' && <p className="muted small">{t('observation.reflection.waiting')}</p>
      )}
    </div>
  );
}

