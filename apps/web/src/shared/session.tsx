import type { Locale, Me } from '@tumbuh/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { readStoredLocale, useLocale } from '../i18n/i18n.tsx';
import { api, isApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';

export const ME_KEY = ['me'] as const;

const EXPIRED_KEY = 'tumbuh.sessionExpired';

/** Remembers, for the sign-in page, that a session ended while the app was open. */
export const sessionExpired = {
  mark(): void {
    try {
      sessionStorage.setItem(EXPIRED_KEY, '1');
    } catch {
      // No storage: the sign-in page simply shows no notice.
    }
  },
  /** Reads and forgets the mark. */
  take(): boolean {
    try {
      const was = sessionStorage.getItem(EXPIRED_KEY) === '1';
      sessionStorage.removeItem(EXPIRED_KEY);
      return was;
    } catch {
      return false;
    }
  },
};

/** GET /me; answers null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/me');
  } catch (e) {
    if (isApiError(e, 'auth.unauthenticated')) return null;
    throw e;
  }
}

interface SessionValue {
  me: Me | null;
  /** Stores a fresh `Me` (after login or accepting an invitation). */
  signIn: (me: Me) => void;
  signOut: () => Promise<void>;
  /** Saves the language on the account too. */
  saveLocale: (locale: Locale) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

function useSessionState() {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useLocale();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
  const me = meQuery.data ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      if (queryClient.getQueryData(ME_KEY)) sessionExpired.mark();
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const localeMutation = useMutation({
    mutationFn: (next: Locale) => api<Me>('PATCH', '/me', { body: { locale: next } }),
    onSuccess: (fresh) => queryClient.setQueryData(ME_KEY, fresh),
  });

  const signIn = (fresh: Me) => {
    setCsrfToken(fresh.csrfToken);
    queryClient.setQueryData(ME_KEY, fresh);
    // A language chosen on this device wins and is saved on the account; otherwise adopt the account's.
    const stored = readStoredLocale();
    if (stored && stored !== fresh.user.locale) localeMutation.mutate(stored);
    else if (!stored && fresh.user.locale !== locale) setLocale(fresh.user.locale);
  };

  const signOut = async () => {
    try {
      await api('POST', '/auth/logout');
    } catch {
      // Signed out locally all the same; the cookie expires on the server.
    }
    setCsrfToken(null);
    // Keep the `me` query object (the session observer watches it) and drop every other cached answer.
    queryClient.setQueryData(ME_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  };

  const saveLocale = (next: Locale) => {
    setLocale(next);
    if (me && me.user.locale !== next) localeMutation.mutate(next);
  };

  return { meQuery, value: { me, signIn, signOut, saveLocale } };
}

/** Loads the session once and shares it; shows nothing until we know who is signed in. */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: (error: unknown, retry: () => void) => ReactNode }) {
  const { meQuery, value } = useSessionState();
  if (meQuery.isPending) return <div className="boot" aria-busy="true" />;
  if (meQuery.isError && meQuery.data === undefined) return fallback(meQuery.error, () => void meQuery.refetch());
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe used on a page without a signed-in user');
  return me;
}
