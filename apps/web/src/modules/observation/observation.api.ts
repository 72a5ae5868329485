import type { InstrumentDetail, Observation, ObservationGoal, ObservationMgmpGroups, ObservationNote, ObservationSummary, PutObservationNoteInput } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../shared/api.ts';
import type { ListResult } from '../../shared/people.api.ts';

export const observationKeys = {
  all: ['observation'] as const,
  list: (teacherId: string) => ['observation', 'list', teacherId] as const,
  one: (id: string) => ['observation', 'one', id] as const,
  groups: (id: string) => ['observation', 'groups', id] as const,
  goals: (teacherId: string) => ['observation', 'goals', teacherId] as const,
  instrument: (code: string, version: number) => ['observation', 'instrument', code, version] as const,
};

const enc = encodeURIComponent;

export function useObservations(teacherId = '') {
  return useQuery({
    queryKey: observationKeys.list(teacherId),
    queryFn: ({ signal }) => api<ListResult<ObservationSummary>>('GET', '/observations', { query: { limit: 200, teacherId: teacherId || undefined }, signal }),
  });
}

export function useObservation(id: string) {
  return useQuery({ queryKey: observationKeys.one(id), queryFn: ({ signal }) => api<Observation>('GET', `/observations/${enc(id)}`, { signal }) });
}

export function useObservationGroups(id: string, enabled: boolean) {
  return useQuery({ queryKey: observationKeys.groups(id), enabled, queryFn: ({ signal }) => api<ObservationMgmpGroups>('GET', `/observations/${enc(id)}/mgmp-groups`, { signal }) });
}

export type TeacherGoal = ObservationGoal & { scheduledAt: string; observerName: string };
export function useTeacherGoals(teacherId: string) {
  return useQuery({
    queryKey: observationKeys.goals(teacherId),
    queryFn: ({ signal }) => api<ListResult<TeacherGoal>>('GET', '/observations/goals', { query: { teacherId }, signal }),
  });
}

export function useInstrument(code: string, version?: number) {
  return useQuery({
    queryKey: observationKeys.instrument(code, version ?? 0),
    staleTime: Infinity,
    queryFn: ({ signal }) => api<InstrumentDetail>('GET', `/instruments/${enc(code)}`, { query: { version }, signal }),
  });
}

/** An instrument's indicators in order, with a short label (its number across the instrument). */
export function indicatorsOf(detail: InstrumentDetail | undefined) {
  if (!detail) return [];
  return detail.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.map((i) => ({ ...i, competency: c.name }))));
}

// ---------- notes queued on the device ----------

export interface QueuedNote {
  noteId: string;
  body: PutObservationNoteInput;
}

const QUEUE_PREFIX = 'tumbuh.observationQueue.';

function readQueue(observationId: string): QueuedNote[] {
  try {
    const raw = localStorage.getItem(QUEUE_PREFIX + observationId);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedNote[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(observationId: string, queue: readonly QueuedNote[]): void {
  try {
    if (queue.length === 0) localStorage.removeItem(QUEUE_PREFIX + observationId);
    else localStorage.setItem(QUEUE_PREFIX + observationId, JSON.stringify(queue));
  } catch {
    // Storage unavailable: the note is still sent while online.
  }
}

/** A note id made on the device (UUID): the server treats a resent note with the same id as the same note. */
export function newNoteId(): string {
  return crypto.randomUUID();
}

/**
 * The notes of one observation waiting to be sent: kept in localStorage, sent in order (PUT by
 * device id, so a resend after a lost answer does not double a note), retried when the browser
 * comes back online and every 10 seconds. A refusal (4xx) drops the note and reports it.
 */
export function useNoteQueue(observationId: string, onSent: (note: ObservationNote) => void) {
  const [queue, setQueue] = useState<QueuedNote[]>(() => readQueue(observationId));
  const [rejected, setRejected] = useState<unknown>(null);
  const flushing = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (;;) {
        const next = readQueue(observationId)[0];
        if (!next) break;
        try {
          const saved = await api<ObservationNote>('PUT', `/observations/${enc(observationId)}/notes/${enc(next.noteId)}`, { body: next.body });
          onSentRef.current(saved);
        } catch (e) {
          if (isApiError(e) && (e.status === 0 || e.status >= 500 || e.status === 429)) break;
          setRejected(e);
        }
        const rest = readQueue(observationId).filter((q) => q.noteId !== next.noteId);
        writeQueue(observationId, rest);
        setQueue(rest);
      }
    } finally {
      flushing.current = false;
      setQueue(readQueue(observationId));
    }
  }, [observationId]);

  const enqueue = useCallback(
    (note: QueuedNote) => {
      const next = [...readQueue(observationId).filter((q) => q.noteId !== note.noteId), note];
      writeQueue(observationId, next);
      setQueue(next);
      void flush();
    },
    [observationId, flush],
  );

  useEffect(() => {
    void flush();
    const again = () => void flush();
    window.addEventListener('online', again);
    const timer = window.setInterval(again, 10_000);
    return () => {
      window.removeEventListener('online', again);
      window.clearInterval(timer);
    };
  }, [flush]);

  return { queue, enqueue, rejected, clearRejected: () => setRejected(null) };
}
