import { useCallback, useEffect, useRef, useState } from 'react';

/** The value, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

const DRAFT_PREFIX = 'tumbuh.draft.';

function readDraft<T extends object>(key: string, fallback: T): T | null {
  try {
    const raw = localStorage.getItem(DRAFT_PREFIX + key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    // Keep only known fields of the right kind, so an old draft cannot break the form.
    const out = { ...fallback };
    for (const k of Object.keys(fallback)) {
      const v: unknown = Reflect.get(parsed, k);
      const expected: unknown = Reflect.get(fallback, k);
      if (v !== undefined && typeof v === typeof expected && Array.isArray(v) === Array.isArray(expected)) Reflect.set(out, k, v);
    }
    return out;
  } catch {
    return null;
  }
}

export interface Draft<T> {
  values: T;
  set: <K extends keyof T>(field: K, value: T[K]) => void;
  /** True when the values came back from this device's storage rather than from the server. */
  restored: boolean;
  /** Forgets the stored draft (after a successful save, or when the user discards it). */
  clear: (reset?: T) => void;
}

/**
 * Form state that survives a dropped connection or a closed tab: every change is kept in
 * localStorage under `key` and restored the next time the form opens.
 */
export function useDraft<T extends object>(key: string, initial: T): Draft<T> {
  const initialRef = useRef(initial);
  const [state, setState] = useState(() => {
    const stored = readDraft(key, initial);
    return { values: stored ?? initial, restored: stored !== null, dirty: false };
  });

  useEffect(() => {
    if (!state.dirty) return;
    try {
      localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(state.values));
    } catch {
      // Storage full or unavailable: the form still works, only without a draft.
    }
  }, [key, state]);

  const set = useCallback(<K extends keyof T>(field: K, value: T[K]) => {
    setState((s) => ({ ...s, values: { ...s.values, [field]: value }, dirty: true }));
  }, []);

  const clear = useCallback(
    (reset?: T) => {
      try {
        localStorage.removeItem(DRAFT_PREFIX + key);
      } catch {
        // Nothing to clear.
      }
      setState({ values: reset ?? initialRef.current, restored: false, dirty: false });
    },
    [key],
  );

  return { values: state.values, set, restored: state.restored, clear };
}
