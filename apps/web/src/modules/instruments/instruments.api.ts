import type { CreateMadrasahInstrumentInput, InstrumentDetail, InstrumentList, InstrumentListQuery, MadrasahInstrument, UpdateMadrasahInstrumentInput } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';

/** Query keys of the instruments pages (all under 'instruments', so one invalidation refreshes them). */
export const instrumentKeys = {
  all: ['instruments'] as const,
  list: (query: InstrumentListQuery) => ['instruments', 'list', query] as const,
  madrasah: (id: string) => ['instruments', 'madrasah', id] as const,
  published: (code: string, version: number) => ['instruments', 'published', code, version] as const,
};

const path = (id: string) => `/madrasah-instruments/${encodeURIComponent(id)}`;

/** Official instruments and the madrasah's own (drafts only for who may build them). */
export function useInstrumentList(query: InstrumentListQuery) {
  return useQuery({ queryKey: instrumentKeys.list(query), queryFn: () => api<InstrumentList>('GET', '/instruments', { query: { ...query } }) });
}

/** One version of a madrasah instrument, with every version of its code and what still stops publishing. */
export function useMadrasahInstrument(id: string) {
  return useQuery({ queryKey: instrumentKeys.madrasah(id), queryFn: () => api<MadrasahInstrument>('GET', path(id)) });
}

/** A published version (official or the madrasah's), frozen, so cached for the session. */
export function usePublishedInstrument(code: string, version: number) {
  return useQuery({
    queryKey: instrumentKeys.published(code, version),
    enabled: Boolean(code) && version > 0,
    staleTime: Infinity,
    queryFn: () => api<InstrumentDetail>('GET', `/instruments/${encodeURIComponent(code)}`, { query: { version } }),
  });
}

export const instrumentsApi = {
  create: (body: CreateMadrasahInstrumentInput) => api<MadrasahInstrument>('POST', '/madrasah-instruments', { body }),
  save: (id: string, body: UpdateMadrasahInstrumentInput) => api<MadrasahInstrument>('PUT', path(id), { body }),
  publish: (id: string) => api<MadrasahInstrument>('POST', `${path(id)}/publish`),
  newVersion: (id: string) => api<MadrasahInstrument>('POST', `${path(id)}/new-version`),
  remove: (id: string) => api<unknown>('DELETE', path(id)),
};
