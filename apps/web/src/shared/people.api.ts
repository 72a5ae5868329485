import type {
  Cluster,
  EmploymentStatus,
  Invitation,
  Subject,
  TeacherDetail,
  TeacherSummary,
  User,
} from '@tumbuh/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** `{ items, total }` of every list endpoint. */
export interface ListResult<T> {
  items: T[];
  total: number;
}

export interface TeacherFilters {
  q?: string;
  madrasahId?: string;
  subjectId?: string;
  clusterId?: string;
  employmentStatus?: EmploymentStatus;
  active?: 'true' | 'false' | 'all';
  limit: number;
  offset: number;
}

export const keys = {
  teachers: ['teachers'] as const,
  teacherList: (f: TeacherFilters) => ['teachers', 'list', f] as const,
  teacher: (id: string) => ['teachers', 'detail', id] as const,
  subjects: (madrasahId?: string) => ['subjects', madrasahId ?? 'all'] as const,
  clusters: (madrasahId?: string) => ['clusters', madrasahId ?? 'all'] as const,
  users: ['users'] as const,
  invitations: ['invitations'] as const,
  counts: ['counts'] as const,
};

export function useTeacherList(filters: TeacherFilters) {
  return useQuery({
    queryKey: keys.teacherList(filters),
    queryFn: ({ signal }) => api<ListResult<TeacherSummary>>('GET', '/teachers', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTeacher(id: string) {
  return useQuery({
    queryKey: keys.teacher(id),
    queryFn: ({ signal }) => api<TeacherDetail>('GET', `/teachers/${encodeURIComponent(id)}`, { signal }),
  });
}

/** All subjects of a madrasah (or of the tenant), active and inactive. */
export function useSubjects(madrasahId?: string) {
  return useQuery({
    queryKey: keys.subjects(madrasahId),
    queryFn: ({ signal }) => api<ListResult<Subject>>('GET', '/subjects', { query: { madrasahId, limit: 200 }, signal }),
    staleTime: 60_000,
  });
}

export function useClusters(madrasahId?: string) {
  return useQuery({
    queryKey: keys.clusters(madrasahId),
    queryFn: ({ signal }) => api<ListResult<Cluster>>('GET', '/clusters', { query: { madrasahId, limit: 200 }, signal }),
    staleTime: 60_000,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: keys.users,
    queryFn: ({ signal }) => api<ListResult<User>>('GET', '/users', { query: { limit: 200 }, signal }),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: keys.invitations,
    queryFn: ({ signal }) => api<ListResult<Invitation>>('GET', '/invitations', { query: { limit: 200 }, signal }),
  });
}
