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
};

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
