import { randomInt } from 'node:crypto';
import type { MgmpAttendanceCode, MgmpFollowUp, MgmpMemberRole, MgmpProgrammeType, MgmpVoteChoice } from '@tumbuh/shared';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../db/database.ts';
import { createMgmpRepository } from '../modules/mgmp/mgmp.repository.ts';
import {
  mgmpAgendaItems,
  mgmpAttendance,
  mgmpDecisions,
  mgmpFollowUpOwners,
  mgmpFollowUps,
  mgmpGroups,
  mgmpMeetingInvitees,
  mgmpMeetings,
  mgmpMembers,
  mgmpMinutes,
  mgmpProgrammeItems,
  mgmpTopics,
  mgmpVotes,
} from '../modules/mgmp/mgmp.tables.ts';

/**
 * MGMP demo data of MTs Contoh, relative to `now`: four groups (Rumpun PAI, Bahasa, MIPA, IPS),
 * each with a semester of meetings — five held (selesai, with attendance H/I/S/A and approved
 * minutes), one upcoming (direncanakan) — a decision by mufakat and one by vote, follow-ups in
 * every state (one overdue), and a programme of planned vs held activities. Teacher #10 (Khoirul
 * Anam, koordinator@) chairs MIPA; teacher #1 (Ahmad Fauzi, guru1@) is a member of Rumpun PAI.
 * Direct inserts in one transaction under the tenant's RLS context: well under a second.
 */

type Member = [teacherIndex: number, role: MgmpMemberRole];
interface GroupDef {
  name: string;
  members: Member[];
  topics: string[];
}

// Indices into the demo teachers of MTs Contoh (0 = teacher #1).
const GROUPS: GroupDef[] = [
  { name: 'MGMP Rumpun PAI', members: [[1, 'ketua'], [2, 'sekretaris'], [23, 'bendahara'], [0, 'anggota'], [3, 'anggota'], [20, 'anggota'], [22, 'anggota']], topics: ['modul-ajar', 'asesmen', 'diskusi-permasalahan', 'model-pembelajaran', 'pengelolaan-kelas'] },
  { name: 'MGMP Bahasa', members: [[5, 'ketua'], [7, 'sekretaris'], [4, 'anggota'], [6, 'anggota'], [8, 'anggota']], topics: ['asesmen', 'model-pembelajaran', 'lesson-study', 'modul-ajar', 'diskusi-permasalahan'] },
  { name: 'MGMP MIPA', members: [[9, 'ketua'], [10, 'sekretaris'], [11, 'anggota'], [12, 'anggota'], [24, 'anggota']], topics: ['lesson-study', 'asesmen', 'ptk', 'modul-ajar', 'pengelolaan-kelas'] },
  { name: 'MGMP IPS', members: [[14, 'ketua'], [13, 'sekretaris'], [15, 'anggota']], topics: ['modul-ajar', 'diskusi-permasalahan', 'asesmen', 'model-pembelajaran', 'ptk'] },
];

/** Days from today of the held meetings, and of the upcoming one. */
const PAST_DAYS = [-140, -110, -80, -50, -20];
const UPCOMING_DAYS = 10;
const DAY = 86_400_000;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const yearMonth = (d: Date) => d.toISOString().slice(0, 7);
/** Tahun pelajaran of a date: July to June. */
const academicYear = (d: Date) => (d.getUTCMonth() >= 6 ? `${d.getUTCFullYear()}/${d.getUTCFullYear() + 1}` : `${d.getUTCFullYear() - 1}/${d.getUTCFullYear()}`);
/** 13.00 WIB (06.00 UTC) on the day `days` from `now`. */
function meetingStart(now: Date, days: number): Date {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(6, 0, 0, 0);
  return d;
}

/** Attendance pattern: mostly present, a few izin / sakit / alpa, varied by meeting and member. */
function attendanceCode(meeting: number, member: number): MgmpAttendanceCode {
  const k = (meeting * 3 + member * 5) % 11;
  if (k === 4) return 'I';
  if (k === 7) return 'S';
  if (k === 9 && member > 2) return 'A';
  return 'H';
}

export async function seedMgmpDemo(db: Database, input: { tenantId: string; madrasahId: string; teacherIds: readonly string[]; now?: Date }): Promise<void> {
  const { tenantId, madrasahId, teacherIds } = input;
  const now = input.now ?? new Date();
  const teacher = (i: number) => teacherIds[i] ?? '';
  await withTenant(db, tenantId, async (tx) => {
    await createMgmpRepository().ensureDefaultTopics(tx, tenantId, uuidv7);
    const topicRows = await tx.select({ id: mgmpTopics.id, code: mgmpTopics.code }).from(mgmpTopics).where(eq(mgmpTopics.tenantId, tenantId));
    const topicId = (code: string) => topicRows.find((t) => t.code === code)?.id ?? null;

    const groups: (typeof mgmpGroups.$inferInsert)[] = [];
    const members: (typeof mgmpMembers.$inferInsert)[] = [];
    const meetings: (typeof mgmpMeetings.$inferInsert)[] = [];
    const invitees: (typeof mgmpMeetingInvitees.$inferInsert)[] = [];
    const programme: (typeof mgmpProgrammeItems.$inferInsert)[] = [];
    const agenda: (typeof mgmpAgendaItems.$inferInsert)[] = [];
    const attendance: (typeof mgmpAttendance.$inferInsert)[] = [];
    const minutes: (typeof mgmpMinutes.$inferInsert)[] = [];
    const decisions: (typeof mgmpDecisions.$inferInsert)[] = [];
    const votes: (typeof mgmpVotes.$inferInsert)[] = [];
    const followUps: (typeof mgmpFollowUps.$inferInsert)[] = [];
    const owners: (typeof mgmpFollowUpOwners.$inferInsert)[] = [];
    const termStart = `${academicYear(now).slice(0, 4)}-07-01`;
    const termYear = Number(academicYear(now).slice(0, 4));

    for (const [g, def] of GROUPS.entries()) {
      const groupId = uuidv7();
      // Terms: two academic years, starting the July before the first held meeting.
      const firstMeeting = meetingStart(now, (PAST_DAYS[0] ?? 0) - g);
      const start = firstMeeting.toISOString() < termStart ? `${termYear - 1}-07-01` : termStart;
      groups.push({ tenantId, id: groupId, madrasahId, name: def.name, termStart: start, termEnd: `${Number(start.slice(0, 4)) + 2}-06-30`, quorum: { kind: 'majority' } });
      const memberIds = def.members.map(([i]) => teacher(i));
      for (const [i, role] of def.members) members.push({ tenantId, groupId, teacherId: teacher(i), role });
      const ketua = memberIds[0] ?? '';
      const sekretaris = memberIds[1] ?? '';
      const anggota = memberIds.slice(2);
      const days = [...PAST_DAYS.map((d) => d - g), UPCOMING_DAYS + g];

      let voteDecision: string | null = null;
      let mufakatDecision: string | null = null;
      for (const [m, offset] of days.entries()) {
        const startsAt = meetingStart(now, offset);
        const held = offset < 0;
        const meetingId = uuidv7();
        const code = def.topics[m % def.topics.length] ?? 'modul-ajar';
        const title = `Pertemuan ${m + 1}: ${code.replace(/-/g, ' ')}`;
        // Invited: every member of the group (the default when a meeting is planned).
        for (const teacherId of memberIds) invitees.push({ tenantId, meetingId, teacherId });
        meetings.push({
          tenantId,
          id: meetingId,
          groupId,
          title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
          place: g % 2 === 0 ? 'Ruang guru MTs Contoh' : 'Laboratorium',
          onlineUrl: null,
          status: held ? 'selesai' : 'direncanakan',
          cancelReason: null,
          checkInCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        });
        programme.push({ tenantId, id: uuidv7(), groupId, academicYear: academicYear(startsAt), type: (m === 2 ? 'pengembangan' : 'rutin') satisfies MgmpProgrammeType, topicId: topicId(code), title, targetMonth: yearMonth(startsAt), personInChargeId: memberIds[m % memberIds.length] ?? ketua, meetingId });
        const discussion = uuidv7();
        agenda.push({ tenantId, id: discussion, meetingId, ordinal: 1, title: `Diskusi ${code.replace(/-/g, ' ')}`, kind: 'biasa', followUpId: null, decisionId: null });
        if (!held) continue;

        const present: string[] = [];
        for (const [k, teacherId] of memberIds.entries()) {
          const c = attendanceCode(m + g, k);
          if (c === 'H') present.push(teacherId);
          attendance.push({ tenantId, meetingId, teacherId, code: c, note: c === 'I' ? 'Tugas dinas' : c === 'S' ? 'Sakit' : null, checkedInAt: c === 'H' ? new Date(startsAt.getTime() - 5 * 60_000) : null, source: c === 'H' && k % 2 === 0 ? 'self' : 'sekretaris' });
        }
        const approvedAt = new Date(startsAt.getTime() + 3 * DAY);
        minutes.push({
          tenantId,
          id: uuidv7(),
          agendaItemId: discussion,
          revision: 1,
          summary: `Anggota membahas ${code.replace(/-/g, ' ')} dan berbagi praktik dari kelas masing-masing.`,
          problems: m % 2 === 0 ? 'Waktu tatap muka terbatas; contoh soal HOTS masih sedikit.' : null,
          contributions: present.slice(0, 2).map((teacherId, k) => ({ teacherId, text: k === 0 ? 'Memaparkan contoh dari kelasnya' : 'Mengusulkan format bersama' })),
          status: 'approved',
          approvedAt,
          createdAt: startsAt,
          updatedAt: approvedAt,
        });

        // Meeting 2: a decision by mufakat; meeting 3: a decision by vote among those present.
        if (m === 1 || m === 2) {
          const item = uuidv7();
          const decisionId = uuidv7();
          const byVote = m === 2;
          agenda.push({ tenantId, id: item, meetingId, ordinal: 2, title: byVote ? 'Usulan jadwal asesmen bersama' : 'Usulan format modul ajar bersama', kind: 'proposal', followUpId: null, decisionId });
          const closedAt = new Date(startsAt.getTime() + 90 * 60_000);
          // The mufakat is due for review (date passed, not reviewed); the vote was reviewed.
          decisions.push({
            tenantId,
            id: decisionId,
            groupId,
            meetingId,
            agendaItemId: item,
            proposal: byVote ? 'Asesmen sumatif bersama pada pekan kedua setiap bulan' : 'Semua anggota memakai satu format modul ajar',
            status: 'closed',
            outcome: byVote ? 'vote' : 'mufakat',
            adopted: true,
            statement: byVote ? 'Asesmen sumatif bersama dilaksanakan pekan kedua setiap bulan.' : 'Format modul ajar bersama dipakai mulai bulan depan.',
            rationale: byVote ? 'Mayoritas anggota yang hadir setuju; keberatan tentang jadwal dijawab dengan memajukan jam.' : 'Disepakati bulat dalam musyawarah.',
            reviewDate: isoDate(new Date(now.getTime() + (byVote ? -15 : -5) * DAY)),
            reviewedAt: byVote ? new Date(now.getTime() - 3 * DAY) : null,
            closedAt,
            createdAt: startsAt,
          });
          if (byVote) {
            voteDecision = decisionId;
            const choices: MgmpVoteChoice[] = ['setuju', 'setuju', 'abstain', 'tidak_setuju', 'setuju', 'setuju', 'setuju'];
            for (const [k, teacherId] of present.entries()) votes.push({ tenantId, decisionId, teacherId, choice: choices[k % choices.length] ?? 'setuju', castAt: new Date(startsAt.getTime() + 60 * 60_000) });
          } else mufakatDecision = decisionId;
        }
      }
      // Two planned activities not yet scheduled: planned vs held.
      for (const [k, code] of ['ptk', 'lesson-study'].entries()) {
        const target = new Date(now.getTime() + (40 + 30 * k) * DAY);
        programme.push({ tenantId, id: uuidv7(), groupId, academicYear: academicYear(target), type: k === 0 ? 'pengembangan' : 'penunjang', topicId: topicId(code), title: k === 0 ? 'Workshop penelitian tindakan kelas' : 'Lesson study terbuka', targetMonth: yearMonth(target), personInChargeId: sekretaris, meetingId: null });
      }

      // Follow-ups in every state; one overdue.
      const fu: { what: string; due: number; status: MgmpFollowUp['status']; owners: string[]; decisionId: string | null; evidence?: string }[] = [
        { what: 'Menyusun modul ajar dengan format bersama', due: -30, status: 'selesai', owners: [anggota[0] ?? ketua], decisionId: mufakatDecision, evidence: 'Modul ajar diunggah ke folder MGMP' },
        { what: 'Menyiapkan kisi-kisi asesmen bersama', due: 14, status: 'sedang', owners: [sekretaris, anggota[1] ?? ketua], decisionId: voteDecision, evidence: 'Draf kisi-kisi 60%' },
        { what: 'Mengumpulkan contoh soal HOTS', due: -7, status: 'belum', owners: [anggota.at(-1) ?? ketua], decisionId: null },
        { what: 'Mendata kebutuhan alat peraga', due: 30, status: 'belum', owners: [ketua], decisionId: null },
        { what: 'Kunjungan ke MGMP kabupaten', due: -40, status: 'batal', owners: [ketua], decisionId: null },
      ];
      for (const f of fu) {
        const id = uuidv7();
        followUps.push({
          tenantId,
          id,
          groupId,
          decisionId: f.decisionId,
          agendaItemId: null,
          what: f.what,
          dueDate: isoDate(new Date(now.getTime() + f.due * DAY)),
          status: f.status,
          evidence: f.evidence ?? null,
          completedAt: f.status === 'selesai' ? new Date(now.getTime() + (f.due - 2) * DAY) : null,
        });
        for (const teacherId of new Set(f.owners)) owners.push({ tenantId, followUpId: id, teacherId });
      }
    }

    await tx.insert(mgmpGroups).values(groups);
    await tx.insert(mgmpMembers).values(members);
    await tx.insert(mgmpMeetings).values(meetings);
    await tx.insert(mgmpMeetingInvitees).values(invitees);
    await tx.insert(mgmpProgrammeItems).values(programme);
    await tx.insert(mgmpAgendaItems).values(agenda);
    await tx.insert(mgmpAttendance).values(attendance);
    await tx.insert(mgmpMinutes).values(minutes);
    await tx.insert(mgmpDecisions).values(decisions);
    if (votes.length > 0) await tx.insert(mgmpVotes).values(votes);
    await tx.insert(mgmpFollowUps).values(followUps);
    await tx.insert(mgmpFollowUpOwners).values(owners);
  });
}
