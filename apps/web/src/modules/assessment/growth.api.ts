import type { Distribution, DistributionGrouping, Movement, TeacherGrowth } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api.ts';

export const growthKeys = {
  growth: (teacherId: string) => ['growth', 'teacher', teacherId] as const,
  distribution: (by: DistributionGrouping, madrasahId: string) => ['growth', 'distribution', by, madrasahId] as const,
  movement: (from: string, to: string, madrasahId: string) => ['growth', 'movement', from, to, madrasahId] as const,
};

/** A teacher's growth across periods (`GET /teachers/:id/growth`). */
export function useTeacherGrowth(teacherId: string) {
  return useQuery({ queryKey: growthKeys.growth(teacherId), queryFn: ({ signal }) => api<TeacherGrowth>('GET', `/teachers/${teacherId}/growth`, { signal }) });
}

/** Category distribution per period (`GET /assessment/distribution`). */
export function useDistribution(by: DistributionGrouping, madrasahId: string) {
  return useQuery({
    queryKey: growthKeys.distribution(by, madrasahId),
    queryFn: ({ signal }) => api<Distribution>('GET', '/assessment/distribution', { query: { by, madrasahId }, signal }),
  });
}

/** A period across madrasahs, as `2026/2027|formatif`. */
export function periodKey(p: { academicYear: string; kind: string }): string {
  return `${p.academicYear}|${p.kind}`;
}

/** Who improved or declined between two periods (`GET /assessment/movement`). */
export function useMovement(from: string, to: string, madrasahId: string) {
  const [fromYear, fromKind] = from.split('|');
  const [toYear, toKind] = to.split('|');
  return useQuery({
    enabled: Boolean(from && to && from !== to),
    queryKey: growthKeys.movement(from, to, madrasahId),
    queryFn: ({ signal }) => api<Movement>('GET', '/assessment/movement', { query: { fromYear, fromKind, toYear, toKind, madrasahId, limit: 200 }, signal }),
  });
}

/** Download links (the session cookie goes along: same origin). */
export const rekapPdfUrl = (assessmentId: string) => apiUrl(`/assessment/assessments/${assessmentId}/rekap.pdf`);
export const rekapXlsxUrl = (periodId: string) => apiUrl(`/assessment/periods/${periodId}/rekap.xlsx`);
export const recapXlsxUrl = (p: { academicYear: string; kind: string }, madrasahId: string) => apiUrl('/assessment/rekap.xlsx', { academicYear: p.academicYear, kind: p.kind, madrasahId });
