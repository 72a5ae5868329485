import type { MgmpMadrasahOverview } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';

/** `GET /mgmp/overview`: every group the user may read, per group and in total, for a period. */
export function useMadrasahOverview(query: { madrasahId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  return useQuery({
    queryKey: ['mgmp', 'madrasah-overview', query.madrasahId ?? '', query.from ?? '', query.to ?? ''],
    queryFn: ({ signal }) => api<MgmpMadrasahOverview>('GET', '/mgmp/overview', { query: { madrasahId: query.madrasahId, from: query.from, to: query.to }, signal }),
  });
}
