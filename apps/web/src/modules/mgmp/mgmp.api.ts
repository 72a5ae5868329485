import type {
  MgmpAttendanceCode,
  MgmpDecision,
  MgmpFollowUp,
  MgmpFollowUpStatus,
  MgmpGroup,
  MgmpGroupSummary,
  MgmpMeeting,
  MgmpMeetingSummary,
  MgmpMemberRole,
  MgmpMinutes,
  MgmpOverview,
  MgmpProgrammeItem,
  MgmpTopic,
} from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { ListResult } from '../../shared/people.api.ts';

/** One row of a meeting's daftar hadir (`GET /mgmp/meetings/:id/attendance`). */
export interface AttendanceRow {
  teacherId: string;
  name: string;
  role: MgmpMemberRole | null;
  code: MgmpAttendanceCode | null;
  note: string | null;
  checkedInAt: string | null;
  source: 'sekretaris' | 'self' | null;
  /** On the meeting's invitation list (a guest: invited, role null). */
  invited?: boolean;
}
export interface Attendance extends ListResult<AttendanceRow> {
  present: number;
  members: number;
  quorumMet: boolean;
}

export const mgmpKeys = {
  all: ['mgmp'] as const,
  groups: ['mgmp', 'groups'] as const,
  group: (id: string) => ['mgmp', 'group', id] as const,
  overview: (id: string) => ['mgmp', 'overview', id] as const,
  meetings: (groupId: string) => ['mgmp', 'meetings', groupId] as const,
  meeting: (id: string) => ['mgmp', 'meeting', id] as const,
  attendance: (meetingId: string) => ['mgmp', 'attendance', meetingId] as const,
  minutes: (agendaItemId: string) => ['mgmp', 'minutes', agendaItemId] as const,
  decisions: (groupId: string) => ['mgmp', 'decisions', groupId] as const,
  followUps: (groupId: string) => ['mgmp', 'follow-ups', groupId] as const,
  mine: ['mgmp', 'follow-ups', 'mine'] as const,
  programme: (groupId: string, year: string) => ['mgmp', 'programme', groupId, year] as const,
  topics: (madrasahId: string | null) => ['mgmp', 'topics', madrasahId ?? ''] as const,
};

export interface ProgrammeList extends ListResult<MgmpProgrammeItem> {
  planned: number;
  held: number;
}

/** Tahun pelajaran of a day: it starts in July ('2026/2027' from July 2026 to June 2027). */
export function academicYearOf(day: Date): string {
  const y = day.getFullYear();
  return day.getMonth() >= 6 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

/** A `datetime-local` input value as an ISO instant; left as typed when it is not a date (the server explains). */
export function localToIso(value: string): string {
  const d = new Date(value);
  return value === '' || Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const enc = encodeURIComponent;
const MAX = 200;

export function useMgmpGroups() {
  return useQuery({
    queryKey: mgmpKeys.groups,
    queryFn: ({ signal }) => api<ListResult<MgmpGroupSummary>>('GET', '/mgmp/groups', { query: { limit: MAX }, signal }),
  });
}

export function useMgmpGroup(id: string) {
  return useQuery({
    queryKey: mgmpKeys.group(id),
    queryFn: ({ signal }) => api<MgmpGroup>('GET', `/mgmp/groups/${enc(id)}`, { signal }),
    enabled: id !== '',
  });
}

function fetchMeetings(groupId: string, signal: AbortSignal) {
  return api<ListResult<MgmpMeetingSummary>>('GET', `/mgmp/groups/${enc(groupId)}/meetings`, { query: { limit: MAX }, signal });
}

export function useMgmpMeetings(groupId: string) {
  return useQuery({ queryKey: mgmpKeys.meetings(groupId), queryFn: ({ signal }) => fetchMeetings(groupId, signal), enabled: groupId !== '' });
}

export function useMgmpOverview(groupId: string) {
  return useQuery({
    queryKey: mgmpKeys.overview(groupId),
    queryFn: ({ signal }) => api<MgmpOverview>('GET', `/mgmp/groups/${enc(groupId)}/overview`, { signal }),
  });
}

export function useMgmpDecisions(groupId: string, enabled = true) {
  return useQuery({
    queryKey: mgmpKeys.decisions(groupId),
    queryFn: ({ signal }) => api<ListResult<MgmpDecision>>('GET', `/mgmp/groups/${enc(groupId)}/decisions`, { query: { limit: MAX }, signal }),
    enabled: enabled && groupId !== '',
  });
}

export function useMgmpFollowUps(groupId: string) {
  return useQuery({
    queryKey: mgmpKeys.followUps(groupId),
    queryFn: ({ signal }) => api<ListResult<MgmpFollowUp>>('GET', `/mgmp/groups/${enc(groupId)}/follow-ups`, { query: { limit: MAX }, signal }),
  });
}

export function useMgmpProgramme(groupId: string, year: string) {
  return useQuery({
    queryKey: mgmpKeys.programme(groupId, year),
    queryFn: ({ signal }) => api<ProgrammeList>('GET', `/mgmp/groups/${enc(groupId)}/programme-items`, { query: { limit: MAX, academicYear: year }, signal }),
  });
}

export function useMgmpTopics(madrasahId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: mgmpKeys.topics(madrasahId),
    queryFn: ({ signal }) => api<ListResult<MgmpTopic>>('GET', '/mgmp/topics', { query: madrasahId ? { limit: MAX, madrasahId } : { limit: MAX }, signal }),
    enabled,
  });
}

export function useMyFollowUps() {
  return useQuery({
    queryKey: mgmpKeys.mine,
    queryFn: ({ signal }) => api<ListResult<MgmpFollowUp>>('GET', '/mgmp/follow-ups/mine', { query: { limit: MAX }, signal }),
  });
}

export function useMgmpMeeting(id: string) {
  return useQuery({
    queryKey: mgmpKeys.meeting(id),
    queryFn: ({ signal }) => api<MgmpMeeting>('GET', `/mgmp/meetings/${enc(id)}`, { signal }),
  });
}

export function useAttendance(meetingId: string) {
  return useQuery({
    queryKey: mgmpKeys.attendance(meetingId),
    queryFn: ({ signal }) => api<Attendance>('GET', `/mgmp/meetings/${enc(meetingId)}/attendance`, { signal }),
  });
}

export function useMinutes(agendaItemId: string) {
  return useQuery({
    queryKey: mgmpKeys.minutes(agendaItemId),
    queryFn: ({ signal }) => api<ListResult<MgmpMinutes>>('GET', `/mgmp/agenda-items/${enc(agendaItemId)}/minutes`, { signal }),
  });
}

/**
 * The statuses a follow-up may move to (the server checks the same rule): belum ↔ sedang, either
 * → selesai or batal; selesai back to sedang, batal back to belum.
 */
export function nextFollowUpStatuses(from: MgmpFollowUpStatus): MgmpFollowUpStatus[] {
  switch (from) {
    case 'belum':
      return ['belum', 'sedang', 'selesai', 'batal'];
    case 'sedang':
      return ['belum', 'sedang', 'selesai', 'batal'];
    case 'selesai':
      return ['sedang', 'selesai'];
    case 'batal':
      return ['belum', 'batal'];
  }
}
