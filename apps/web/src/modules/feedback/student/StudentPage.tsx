import type { PublicFeedbackRound } from '@tumbuh/shared';
import { useCallback, useEffect, useState } from 'react';
import { feedbackEn } from '../../../i18n/sections/feedback.en.ts';
import { feedbackId } from '../../../i18n/sections/feedback.id.ts';
import { Face } from '../Faces.tsx';

/**
 * /u/:token — the student's form, outside the signed-in app. One statement per screen with four
 * big face buttons and words, then an optional comment. Answers are kept in this phone's storage
 * until the server has them. The device key is a random value kept per round in localStorage; the
 * server stores only a keyed hash of it (one answer per phone). Nothing about the student is asked.
 */

type Lang = 'id' | 'en';
type Texts = typeof feedbackId;
const TEXTS: Record<Lang, Texts> = { id: feedbackId, en: feedbackEn as Texts };
const VALUES = [1, 2, 3, 4] as const;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
}

const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Private mode or full storage: the form still works for this visit.
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing to remove.
    }
  },
};

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface Draft {
  values: Record<string, number>;
  comment: string;
  step: number;
}

type Phase = 'loading' | 'intro' | 'items' | 'comment' | 'sending' | 'offline' | 'thanks' | 'already' | 'closed' | 'notFound' | 'error';

export function StudentPage() {
  const token = decodeURIComponent(window.location.pathname.replace(/^\/u\//, '').split('/')[0] ?? '');
  const keyOf = (what: string) => `tumbuh.umpan-balik.${token}.${what}`;
  const [lang, setLang] = useState<Lang>(() => (store.get('tumbuh.locale') === 'en' ? 'en' : 'id'));
  const t = TEXTS[lang];
  const [round, setRound] = useState<PublicFeedbackRound | null>(null);
  const [phase, setPhase] = useState<Phase>(() => (store.get(keyOf('sent')) ? 'already' : 'loading'));
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const raw = store.get(keyOf('draft'));
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (parsed && typeof parsed === 'object' && 'values' in parsed) return { values: {}, comment: '', step: 0, ...(parsed as Partial<Draft>) };
    } catch {
      // An unreadable draft starts over.
    }
    return { values: {}, comment: '', step: 0 };
  });

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.student.title;
  }, [lang, t]);

  const saveDraft = useCallback(
    (next: Draft) => {
      setDraft(next);
      store.set(keyOf('draft'), JSON.stringify(next));
    },
    [token],
  );

  const load = useCallback(async () => {
    setPhase('loading');
    try {
      const res = await fetch(`/api/v1/public/feedback/${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' }, credentials: 'omit' });
      if (res.status === 404) return setPhase('notFound');
      if (res.status === 409) return setPhase('closed');
      if (!res.ok) return setPhase('error');
      const body = (await res.json()) as PublicFeedbackRound;
      setRound(body);
      const answered = Object.keys(draft.values).length;
      setPhase(answered === 0 ? 'intro' : answered >= body.items.length ? 'comment' : 'items');
    } catch {
      setPhase('error');
    }
  }, [token]);

  useEffect(() => {
    if (phase === 'loading') void load();
  }, []);

  const send = useCallback(async () => {
    if (!round) return;
    let deviceKey = store.get(keyOf('device'));
    if (!deviceKey) {
      deviceKey = randomKey();
      store.set(keyOf('device'), deviceKey);
    }
    setPhase('sending');
    try {
      const res = await fetch(`/api/v1/public/feedback/${encodeURIComponent(token)}/answers`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': lang },
        body: JSON.stringify({ deviceKey, answers: round.items.map((i) => ({ itemId: i.id, value: draft.values[i.id] })), comment: draft.comment.trim() || null }),
      });
      if (res.ok) {
        store.set(keyOf('sent'), '1');
        store.remove(keyOf('draft'));
        return setPhase('thanks');
      }
      const code = ((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code;
      if (code === 'feedback.already_answered') {
        store.set(keyOf('sent'), '1');
        store.remove(keyOf('draft'));
        return setPhase('already');
      }
      if (code === 'feedback.round_closed') return setPhase('closed');
      if (code === 'feedback.round_not_found') return setPhase('notFound');
      if (res.status === 429 || res.status >= 500) return setPhase('offline');
      return setPhase('error');
    } catch {
      setPhase('offline');
    }
  }, [round, draft, lang, token]);

  // Back online: send what is waiting.
  useEffect(() => {
    if (phase !== 'offline') return;
    const retry = () => void send();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [phase, send]);

  const total = round?.items.length ?? 0;
  const step = Math.min(draft.step, Math.max(0, total - 1));
  const item = round?.items[step];

  const choose = (value: number) => {
    if (!item) return;
    const next: Draft = { ...draft, values: { ...draft.values, [item.id]: value }, step: step + 1 };
    saveDraft(next);
    if (step + 1 >= total) setPhase('comment');
  };

  return (
    <main className="u-page">
      <header className="u-top">
        <strong className="u-brand">Tumbuh</strong>
        <button type="button" className="u-lang" onClick={() => { const next = lang === 'id' ? 'en' : 'id'; setLang(next); store.set('tumbuh.locale', next); }}>
          {t.student.language}
        </button>
      </header>

      {phase === 'loading' && <p className="u-note">{t.student.loading}</p>}
      {phase === 'notFound' && <Message tone="warn" text={t.student.notFound} />}
      {phase === 'closed' && <Message tone="info" text={t.student.closed} />}
      {phase === 'already' && <Message tone="ok" text={t.student.already} />}
      {phase === 'error' && (
        <>
          <Message tone="warn" text={t.student.error} />
          <button type="button" className="u-btn u-primary" onClick={() => void (round ? send() : load())}>
            {t.student.retry}
          </button>
        </>
      )}
      {phase === 'thanks' && (
        <section className="u-card u-center" aria-live="polite">
          <Face value={4} size={96} />
          <h1>{t.student.thanks}</h1>
          <p>{t.student.thanksBody}</p>
        </section>
      )}

      {round && phase === 'intro' && (
        <section className="u-card">
          <h1>{t.student.title}</h1>
          <p className="u-about">{round.subjectName ? fill(t.student.about, { teacher: round.teacherName, subject: round.subjectName, class: round.className }) : fill(t.student.aboutNoSubject, { teacher: round.teacherName, class: round.className })}</p>
          <p className="u-note">{t.student.anonymous}</p>
          <button type="button" className="u-btn u-primary" onClick={() => setPhase('items')}>
            {t.student.start}
          </button>
        </section>
      )}

      {round && phase === 'items' && item && (
        <section className="u-card" aria-labelledby="u-statement">
          <p className="u-progress">{fill(t.student.progress, { n: step + 1, total })}</p>
          <div className="u-bar" aria-hidden="true">
            <span style={{ width: `${((step + 1) / total) * 100}%` }} />
          </div>
          <h1 id="u-statement" className="u-statement">
            {lang === 'id' ? item.textId : item.textEn}
          </h1>
          <p className="u-note">{t.student.choose}</p>
          <div className="u-choices" role="group" aria-labelledby="u-statement">
            {VALUES.map((v) => (
              <button key={v} type="button" className={`u-choice${draft.values[item.id] === v ? ' u-chosen' : ''}`} aria-pressed={draft.values[item.id] === v} onClick={() => choose(v)}>
                <Face value={v} size={56} />
                <span>{t.scale[`v${v}`]}</span>
              </button>
            ))}
          </div>
          {step > 0 && (
            <button type="button" className="u-btn" onClick={() => saveDraft({ ...draft, step: step - 1 })}>
              {t.student.back}
            </button>
          )}
        </section>
      )}

      {round && (phase === 'comment' || phase === 'sending' || phase === 'offline') && (
        <section className="u-card">
          <label htmlFor="u-comment" className="u-statement">
            {t.student.commentTitle}
          </label>
          <p className="u-note">{fill(t.student.commentHint, { max: round.commentMax })}</p>
          <textarea id="u-comment" rows={4} maxLength={round.commentMax} value={draft.comment} onChange={(e) => saveDraft({ ...draft, comment: e.target.value })} />
          {phase === 'offline' && <Message tone="warn" text={t.student.offline} />}
          <button type="button" className="u-btn u-primary" disabled={phase === 'sending'} onClick={() => void send()}>
            {phase === 'sending' ? t.student.sending : phase === 'offline' ? t.student.retry : t.student.send}
          </button>
          <button type="button" className="u-btn" disabled={phase === 'sending'} onClick={() => { saveDraft({ ...draft, step: total - 1 }); setPhase('items'); }}>
            {t.student.back}
          </button>
        </section>
      )}
    </main>
  );
}

function Message({ tone, text }: { tone: 'ok' | 'info' | 'warn'; text: string }) {
  return (
    <p className={`u-message u-${tone}`} role={tone === 'warn' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
