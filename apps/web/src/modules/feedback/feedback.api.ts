import type { FeedbackResults, FeedbackRound, FeedbackSettings } from '@tumbuh/shared';
import type { Me } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api.ts';
import type { ListResult } from '../../shared/people.api.ts';
import { hasRole } from '../../shared/roles.ts';

export const feedbackKeys = {
  all: ['feedback'] as const,
  rounds: ['feedback', 'rounds'] as const,
  round: (id: string) => ['feedback', 'round', id] as const,
  results: (id: string) => ['feedback', 'results', id] as const,
  settings: ['feedback', 'settings'] as const,
};

export function useRounds() {
  return useQuery({ queryKey: feedbackKeys.rounds, queryFn: ({ signal }) => api<ListResult<FeedbackRound>>('GET', '/feedback/rounds', { query: { limit: 100 }, signal }) });
}

/** One round; while it is open, its answer count is polled every 5 s (the live count on the projector). */
export function useRound(id: string) {
  return useQuery({
    queryKey: feedbackKeys.round(id),
    queryFn: ({ signal }) => api<FeedbackRound>('GET', `/feedback/rounds/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 5000 : false),
  });
}

/** Results, asked for only when the round says they are available (else the 409 "belum cukup jawaban"). */
export function useResults(round: FeedbackRound | undefined) {
  return useQuery({
    queryKey: [...feedbackKeys.results(round?.id ?? ''), round?.answerCount ?? 0],
    queryFn: ({ signal }) => api<FeedbackResults>('GET', `/feedback/rounds/${encodeURIComponent(round?.id ?? '')}/results`, { signal }),
    enabled: Boolean(round?.resultsAvailable),
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500 && error.status > 0),
  });
}

export function useFeedbackSettings() {
  return useQuery({ queryKey: feedbackKeys.settings, queryFn: ({ signal }) => api<FeedbackSettings>('GET', '/feedback/settings', { signal }) });
}

/** Kepala madrasah or operator: opens and closes rounds (the server checks the same). */
export function canManageFeedback(me: Me, madrasahId?: string): boolean {
  return hasRole(me, 'kepala_madrasah', madrasahId) || hasRole(me, 'operator', madrasahId);
}
