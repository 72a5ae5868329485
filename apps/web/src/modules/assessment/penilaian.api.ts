import type {
  Assessment,
  AssessmentEvidence,
  AssessmentPeriod,
  AssessmentRevision,
  AssessmentSettings,
  AssessmentSummary,
  CombinedView,
  InstrumentDetail,
  PeriodTeacherList,
} from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { ListResult } from '../../shared/people.api.ts';

/** Query keys of the assessment-cycle pages (all under 'penilaian', so one invalidation refreshes them). */
export const penilaianKeys = {
  all: ['penilaian'] as const,
  periods: ['penilaian', 'periods'] as const,
  period: (id: string) => ['penilaian', 'period', id] as const,
  teachers: (periodId: string) => ['penilaian', 'teachers', periodId] as const,
  assessment: (id: string) => ['penilaian', 'assessment', id] as const,
  assessments: (filter: Record<string, string>) => ['penilaian', 'assessments', filter] as const,
  revisions: (id: string) => ['penilaian', 'revisions', id] as const,
  evidence: (id: string) => ['penilaian', 'evidence', id] as const,
  combined: (periodId: string, teacherId: string) => ['penilaian', 'combined', periodId, teacherId] as const,
  settings: (madrasahId: string) => ['penilaian', 'settings', madrasahId] as const,
  instrument: (code: string, version: number) => ['instrument', code, version] as const,
};

export function usePeriods() {
  return useQuery({ queryKey: penilaianKeys.periods, queryFn: () => api<ListResult<AssessmentPeriod>>('GET', '/assessment/periods', { query: { limit: 100 } }) });
}

export function usePeriod(id: string) {
  return useQuery({ queryKey: penilaianKeys.period(id), queryFn: () => api<AssessmentPeriod>('GET', `/assessment/periods/${encodeURIComponent(id)}`) });
}

export function usePeriodTeachers(periodId: string, enabled = true) {
  return useQuery({ queryKey: penilaianKeys.teachers(periodId), enabled, queryFn: () => api<PeriodTeacherList>('GET', `/assessment/periods/${encodeURIComponent(periodId)}/teachers`) });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: penilaianKeys.assessment(id), queryFn: () => api<Assessment>('GET', `/assessment/assessments/${encodeURIComponent(id)}`) });
}

/** Assessments the user may read, filtered (a guru: their own and those they rate). */
export function useAssessments(filter: Record<string, string>) {
  return useQuery({ queryKey: penilaianKeys.assessments(filter), queryFn: () => api<ListResult<AssessmentSummary>>('GET', '/assessment/assessments', { query: { limit: 100, ...filter } }) });
}

export function useRevisions(id: string, enabled = true) {
  return useQuery({ queryKey: penilaianKeys.revisions(id), enabled, queryFn: () => api<ListResult<AssessmentRevision>>('GET', `/assessment/assessments/${encodeURIComponent(id)}/revisions`) });
}

export function useCombined(periodId: string, teacherId: string) {
  return useQuery({
    queryKey: penilaianKeys.combined(periodId, teacherId),
    queryFn: () => api<CombinedView>('GET', `/assessment/periods/${encodeURIComponent(periodId)}/teachers/${encodeURIComponent(teacherId)}/combined`),
  });
}

export function useSettings(madrasahId: string | undefined) {
  return useQuery({
    queryKey: penilaianKeys.settings(madrasahId ?? ''),
    enabled: Boolean(madrasahId),
    queryFn: () => api<AssessmentSettings>('GET', '/assessment/settings', { query: { madrasahId } }),
  });
}

/** An instrument version (frozen once published, so it is cached for the session). */
export function useInstrument(code: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: penilaianKeys.instrument(code ?? '', version ?? 0),
    enabled: Boolean(code && version),
    staleTime: Infinity,
    queryFn: () => api<InstrumentDetail>('GET', `/instruments/${encodeURIComponent(code ?? '')}`, { query: { version } }),
  });
}

/** 'YYYY-MM-DD' or an ISO time as a short date in the person's language. */
export function shortDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A number with the decimal comma in Indonesian. */
export function decimal(value: number, locale: string): string {
  return value.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });
}

/** The observation notes beside each indicator of an assessment (read-only; same visibility as the assessment). */
export function useAssessmentEvidence(id: string, enabled = true) {
  return useQuery({ queryKey: penilaianKeys.evidence(id), enabled, queryFn: () => api<AssessmentEvidence>('GET', `/assessment/assessments/${encodeURIComponent(id)}/evidence`) });
}
