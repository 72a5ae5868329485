import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../db/database.ts';
import { assessmentPeriods } from '../modules/assessment/assessment-cycle.tables.ts';
import { instrumentIndicators, instruments } from '../modules/assessment/instruments.tables.ts';
import { createMgmpRepository } from '../modules/mgmp/mgmp.repository.ts';
import { mgmpGroups, mgmpMeetings } from '../modules/mgmp/mgmp.tables.ts';
import { goalAgendaTitle } from '../modules/observation/observation.models.ts';
import { observationGoals, observationNoteIndicators, observationNotes, observationRatings, observationReflections, observations } from '../modules/observation/observation.tables.ts';
import { users } from '../modules/tenancy/tenancy.tables.ts';

/**
 * Demo classroom observations of MTs Contoh by the kepala with the PMM instrument, across the two
 * PKG periods of 2025/2026 (linked to the periods when the assessment demo made them): Khoirul Anam
 * (ketua MGMP MIPA, koordinator@) and Ahmad Fauzi (guru1@) observed in each period, with notes
 * tagged to indicators, ratings that improve between the periods on the classroom-management
 * indicators, reflections and goals; the sumatif goal of Khoirul Anam is on the agenda of MGMP
 * MIPA's next planned meeting. One more lesson is in progress and one is planned (three days from
 * `now`). Nur Hasanah's lesson ten days before `now` is observed with the PKG instrument, its notes
 * tagged to PKG indicators (the evidence beside them in the rating form). Deterministic apart from
 * those dates; a few bulk inserts.
 */

interface NoteDef {
  minute: number;
  text: string;
  /** Indicator positions (1–8 of the PMM instrument). */
  tags: number[];
}
interface ObsDef {
  teacher: number;
  period: 'formatif' | 'sumatif' | null;
  at: string;
  rombel: string;
  subject: string;
  topic: string;
  status: 'planned' | 'in_progress' | 'reflected' | 'closed';
  focus: string[];
  notes: NoteDef[];
  /** PMM values (1–3) for indicators 1–8; empty when not rated yet. */
  ratings: number[];
  feedback?: string;
  reflection?: string;
  goal?: { what: string; dueDate: string; toMipa?: boolean };
}

const OBSERVATIONS: ObsDef[] = [
  {
    teacher: 9,
    period: 'formatif',
    at: '2025-08-12T01:30:00Z',
    rombel: 'VIII-B',
    subject: 'Matematika',
    topic: 'Persamaan linear satu variabel',
    status: 'closed',
    focus: ['pengelolaan-kelas', 'proses-pembelajaran'],
    notes: [
      { minute: 3, text: 'Kelas ramai saat guru masuk; butuh 5 menit sampai siswa siap.', tags: [1] },
      { minute: 12, text: 'Guru menjelaskan di papan, hanya siswa di depan yang menjawab pertanyaan.', tags: [6, 8] },
      { minute: 25, text: 'Dua siswa di belakang bermain ponsel; guru menegur dengan suara keras.', tags: [1, 2] },
      { minute: 38, text: 'Latihan soal individu, guru berkeliling dan memberi petunjuk kepada beberapa siswa.', tags: [3, 7] },
    ],
    ratings: [1, 1, 2, 2, 2, 1, 2, 2],
    feedback: 'Penjelasan materi runtut. Awal pelajaran dan keterlibatan siswa di belakang perlu diperhatikan.',
    reflection: 'Saya sadar pertanyaan saya hanya dijawab siswa depan. Saya ingin mencoba kartu giliran.',
    goal: { what: 'Memakai kartu giliran agar semua siswa mendapat kesempatan menjawab', dueDate: '2025-10-31' },
  },
  {
    teacher: 0,
    period: 'formatif',
    at: '2025-08-19T02:15:00Z',
    rombel: 'VII-A',
    subject: 'Akidah Akhlak',
    topic: 'Akhlak terpuji kepada orang tua',
    status: 'closed',
    focus: ['proses-pembelajaran'],
    notes: [
      { minute: 5, text: 'Guru membuka dengan salam, doa dan cerita pendek tentang bakti kepada orang tua.', tags: [5, 8] },
      { minute: 20, text: 'Diskusi kelompok berjalan, tetapi dua kelompok tidak tahu tugasnya.', tags: [6, 7] },
      { minute: 35, text: 'Guru memuji jawaban siswa dan menambahkan contoh dari kehidupan sehari-hari.', tags: [3, 4] },
    ],
    ratings: [2, 2, 3, 3, 2, 2, 1, 2],
    feedback: 'Suasana hangat dan umpan balik baik. Instruksi kerja kelompok belum jelas untuk semua kelompok.',
    reflection: 'Lain kali saya akan menulis langkah kerja kelompok di papan.',
    goal: { what: 'Menuliskan langkah kerja kelompok di papan sebelum diskusi dimulai', dueDate: '2025-10-15' },
  },
  {
    teacher: 9,
    period: 'sumatif',
    at: '2026-05-05T01:30:00Z',
    rombel: 'VIII-B',
    subject: 'Matematika',
    topic: 'Sistem persamaan linear dua variabel',
    status: 'reflected',
    focus: ['pengelolaan-kelas', 'proses-pembelajaran'],
    notes: [
      { minute: 2, text: 'Siswa sudah duduk dan menyiapkan buku saat bel; guru langsung memulai.', tags: [1] },
      { minute: 10, text: 'Kartu giliran dipakai: siswa di belakang ikut menjawab.', tags: [6, 4] },
      { minute: 27, text: 'Seorang siswa mengganggu temannya; guru mendekat dan berbicara pelan, siswa kembali bekerja.', tags: [2] },
      { minute: 40, text: 'Guru memberi soal berbeda untuk siswa yang sudah selesai dan yang masih kesulitan.', tags: [7, 5] },
    ],
    ratings: [3, 3, 2, 3, 2, 3, 2, 3],
    feedback: 'Awal pelajaran dan keterlibatan siswa jauh lebih baik sejak semester lalu. Umpan balik tertulis di buku siswa masih singkat.',
    reflection: 'Kartu giliran membantu. Saya ingin belajar memberi umpan balik tertulis yang lebih berguna, mungkin bersama MGMP.',
    goal: { what: 'Berbagi praktik kartu giliran dan menyusun contoh umpan balik tertulis bersama MGMP', dueDate: '2026-12-15', toMipa: true },
  },
  {
    teacher: 0,
    period: 'sumatif',
    at: '2026-05-12T02:15:00Z',
    rombel: 'VII-A',
    subject: 'Akidah Akhlak',
    topic: 'Adab bergaul dengan teman',
    status: 'closed',
    focus: ['proses-pembelajaran'],
    notes: [
      { minute: 6, text: 'Langkah kerja kelompok ditulis di papan; semua kelompok langsung bekerja.', tags: [7, 8] },
      { minute: 30, text: 'Kelompok mempresentasikan hasil; guru meminta kelompok lain menanggapi.', tags: [6, 3] },
    ],
    ratings: [2, 2, 3, 3, 3, 3, 2, 3],
    feedback: 'Instruksi kelompok sudah jelas dan diskusi hidup.',
    reflection: 'Alhamdulillah kelompok lebih tertib. Waktu presentasi masih kurang.',
    goal: { what: 'Membatasi presentasi kelompok 3 menit dengan pengatur waktu', dueDate: '2026-08-31' },
  },
  {
    teacher: 11,
    period: 'sumatif',
    at: '2026-05-20T03:00:00Z',
    rombel: 'IX-C',
    subject: 'IPA',
    topic: 'Rangkaian listrik sederhana',
    status: 'in_progress',
    focus: ['pengelolaan-kelas'],
    notes: [
      { minute: 4, text: 'Alat praktikum dibagikan per kelompok; pembagian memakan waktu 10 menit.', tags: [1] },
      { minute: 18, text: 'Guru menanyakan alasan lampu tidak menyala dan menunggu jawaban siswa.', tags: [5, 6] },
    ],
    ratings: [],
  },
];

/** Notes of the PKG-instrument lesson of Nur Hasanah; tags are PKG indicator positions (1–78). */
const PKG_NOTES: NoteDef[] = [
  { minute: 4, text: 'Guru membuka dengan cerita Baitul Hikmah; hampir semua siswa memperhatikan.', tags: [10] },
  { minute: 15, text: 'Pertanyaan guru hanya dijawab tiga siswa di barisan depan.', tags: [2, 35] },
  { minute: 31, text: 'Guru memindahkan kelompok yang ramai ke dekat papan dan membagi peran.', tags: [3, 23] },
];

const MINUTE = 60_000;
const DAY = 86_400_000;

export async function seedObservationDemo(db: Database, input: { tenantId: string; madrasahId: string; teacherIds: readonly string[]; now?: Date }): Promise<void> {
  const { tenantId, madrasahId, teacherIds } = input;
  const now = input.now ?? new Date();
  await withTenant(db, tenantId, async (tx) => {
    const [kepala] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.email, 'kepala@contoh.sch.id'))).limit(1);
    if (!kepala) return;
    const pmm = await tx
      .select({ id: instrumentIndicators.id, position: instrumentIndicators.sortOrder, code: instruments.code, version: instruments.version })
      .from(instrumentIndicators)
      .innerJoin(instruments, eq(instruments.id, instrumentIndicators.instrumentId))
      .where(eq(instruments.code, 'pmm-2024-observasi'))
      .orderBy(asc(instrumentIndicators.sortOrder));
    const indicator = (position: number) => pmm.find((i) => i.position === position)?.id ?? '';
    const version = pmm[0]?.version ?? 1;
    const periods = await tx.select({ id: assessmentPeriods.id, kind: assessmentPeriods.kind }).from(assessmentPeriods).where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentPeriods.madrasahId, madrasahId), eq(assessmentPeriods.academicYear, '2025/2026')));
    const periodOf = (kind: string | null) => periods.find((p) => p.kind === kind)?.id ?? null;

    const obsRows: (typeof observations.$inferInsert)[] = [];
    const noteRows: (typeof observationNotes.$inferInsert)[] = [];
    const tagRows: (typeof observationNoteIndicators.$inferInsert)[] = [];
    const ratingRows: (typeof observationRatings.$inferInsert)[] = [];
    const turnRows: (typeof observationReflections.$inferInsert)[] = [];
    const goalRows: (typeof observationGoals.$inferInsert)[] = [];
    let mipaGoal: { id: string; what: string; dueDate: string } | undefined;

    const all: ObsDef[] = [
      ...OBSERVATIONS,
      { teacher: 12, period: null, at: new Date(Math.floor((now.getTime() + 3 * DAY) / DAY) * DAY + 2 * 3_600_000).toISOString(), rombel: 'VIII-A', subject: 'Bahasa Inggris', topic: 'Descriptive text', status: 'planned', focus: ['pengelolaan-kelas'], notes: [], ratings: [] },
    ];
    for (const def of all) {
      const id = uuidv7();
      const at = new Date(def.at);
      const teacherId = teacherIds[def.teacher] ?? '';
      const started = def.status === 'planned' ? null : at;
      const reflectedAt = def.status === 'reflected' || def.status === 'closed' ? new Date(at.getTime() + DAY) : null;
      const closedAt = def.status === 'closed' ? new Date(at.getTime() + 3 * DAY) : null;
      obsRows.push({
        tenantId,
        id,
        madrasahId,
        teacherId,
        observerUserId: kepala.id,
        observerKind: 'kepala',
        scheduledAt: at,
        rombel: def.rombel,
        subjectName: def.subject,
        topic: def.topic,
        focus: def.focus,
        focusIndicatorIds: [],
        instrumentCode: 'pmm-2024-observasi',
        instrumentVersion: version,
        periodId: periodOf(def.period),
        status: def.status,
        startedAt: started,
        reflectedAt,
        closedAt,
        createdBy: kepala.id,
        createdAt: new Date(at.getTime() - 7 * DAY),
        updatedAt: closedAt ?? reflectedAt ?? started ?? new Date(at.getTime() - 7 * DAY),
      });
      for (const n of def.notes) {
        const noteId = uuidv7();
        const notedAt = new Date(at.getTime() + n.minute * MINUTE);
        noteRows.push({ tenantId, id: noteId, observationId: id, notedAt, text: n.text, authorUserId: kepala.id, createdAt: notedAt, updatedAt: notedAt });
        for (const p of n.tags) tagRows.push({ tenantId, noteId, indicatorId: indicator(p) });
      }
      def.ratings.forEach((value, i) => ratingRows.push({ tenantId, observationId: id, indicatorId: indicator(i + 1), value, comment: null, updatedAt: reflectedAt ?? at }));
      if (def.feedback && reflectedAt) turnRows.push({ tenantId, id: uuidv7(), observationId: id, authorRole: 'observer', authorUserId: kepala.id, text: def.feedback, createdAt: reflectedAt });
      if (def.reflection && reflectedAt) {
        const [teacherUser] = await tx.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.teacherId, teacherId))).limit(1);
        // Without an account the teacher's reflection is written down by the kepala in the conversation.
        turnRows.push({ tenantId, id: uuidv7(), observationId: id, authorRole: teacherUser ? 'teacher' : 'observer', authorUserId: teacherUser?.id ?? kepala.id, text: def.reflection, createdAt: new Date(reflectedAt.getTime() + 2 * 3_600_000) });
      }
      if (def.goal) {
        const goalId = uuidv7();
        goalRows.push({ tenantId, id: goalId, observationId: id, what: def.goal.what, dueDate: def.goal.dueDate, createdBy: kepala.id, createdAt: reflectedAt ?? at });
        if (def.goal.toMipa) mipaGoal = { id: goalId, what: def.goal.what, dueDate: def.goal.dueDate };
      }
    }
    // A lesson of Nur Hasanah observed with the PKG instrument ten days before `now` (this academic
    // year): notes tagged to PKG indicators, shown beside those indicators in the kepala's rating
    // form once a PKG period of this year is opened (issue 4).
    const pkg = await tx
      .select({ id: instrumentIndicators.id, position: instrumentIndicators.sortOrder, version: instruments.version })
      .from(instrumentIndicators)
      .innerJoin(instruments, eq(instruments.id, instrumentIndicators.instrumentId))
      .where(eq(instruments.code, 'pkg-2009-guru-mapel'))
      .orderBy(asc(instruments.version), asc(instrumentIndicators.sortOrder));
    const pkgVersion = pkg[0]?.version;
    if (pkgVersion !== undefined && teacherIds[3]) {
      const pkgIndicator = (position: number) => pkg.find((i) => i.version === pkgVersion && i.position === position)?.id ?? '';
      const id = uuidv7();
      const at = new Date(Math.floor((now.getTime() - 10 * DAY) / DAY) * DAY + 2 * 3_600_000);
      const reflectedAt = new Date(at.getTime() + DAY);
      obsRows.push({
        tenantId,
        id,
        madrasahId,
        teacherId: teacherIds[3],
        observerUserId: kepala.id,
        observerKind: 'kepala',
        scheduledAt: at,
        rombel: 'VIII-C',
        subjectName: 'Sejarah Kebudayaan Islam',
        topic: 'Dinasti Abbasiyah',
        focus: ['proses-pembelajaran'],
        focusIndicatorIds: [],
        instrumentCode: 'pkg-2009-guru-mapel',
        instrumentVersion: pkgVersion,
        periodId: null,
        status: 'reflected',
        startedAt: at,
        reflectedAt,
        closedAt: null,
        createdBy: kepala.id,
        createdAt: new Date(at.getTime() - 7 * DAY),
        updatedAt: reflectedAt,
      });
      for (const n of PKG_NOTES) {
        const noteId = uuidv7();
        const notedAt = new Date(at.getTime() + n.minute * MINUTE);
        noteRows.push({ tenantId, id: noteId, observationId: id, notedAt, text: n.text, authorUserId: kepala.id, createdAt: notedAt, updatedAt: notedAt });
        for (const p of n.tags) tagRows.push({ tenantId, noteId, indicatorId: pkgIndicator(p) });
      }
      turnRows.push({ tenantId, id: uuidv7(), observationId: id, authorRole: 'observer', authorUserId: kepala.id, text: 'Cerita pembuka menarik. Pertanyaan sebaiknya juga diarahkan ke siswa yang diam.', createdAt: reflectedAt });
    }

    await tx.insert(observations).values(obsRows);
    if (noteRows.length) await tx.insert(observationNotes).values(noteRows);
    if (tagRows.length) await tx.insert(observationNoteIndicators).values(tagRows);
    if (ratingRows.length) await tx.insert(observationRatings).values(ratingRows);
    if (turnRows.length) await tx.insert(observationReflections).values(turnRows);
    if (goalRows.length) await tx.insert(observationGoals).values(goalRows);

    // The sumatif goal of Khoirul Anam goes on the agenda of MGMP MIPA's next planned meeting.
    if (!mipaGoal) return;
    const [mipa] = await tx.select({ id: mgmpGroups.id }).from(mgmpGroups).where(and(eq(mgmpGroups.tenantId, tenantId), eq(mgmpGroups.name, 'MGMP MIPA'))).limit(1);
    if (!mipa) return;
    const [next] = await tx
      .select({ id: mgmpMeetings.id })
      .from(mgmpMeetings)
      .where(and(eq(mgmpMeetings.tenantId, tenantId), eq(mgmpMeetings.groupId, mipa.id), eq(mgmpMeetings.status, 'direncanakan')))
      .orderBy(asc(mgmpMeetings.startsAt))
      .limit(1);
    if (!next) return;
    const mgmp = createMgmpRepository();
    const [teacher] = await mgmp.findTeachers(tx, tenantId, [teacherIds[9] ?? '']);
    const agendaItemId = uuidv7();
    const ordinal = await mgmp.nextAgendaOrdinal(tx, tenantId, next.id);
    await mgmp.insertAgendaItems(tx, [{ tenantId, id: agendaItemId, meetingId: next.id, ordinal, title: goalAgendaTitle(mipaGoal, teacher?.name ?? ''), kind: 'biasa' }]);
    await tx
      .update(observationGoals)
      .set({ mgmpGroupId: mipa.id, mgmpMeetingId: next.id, mgmpAgendaItemId: agendaItemId, sentAt: now, sentBy: kepala.id })
      .where(and(eq(observationGoals.tenantId, tenantId), eq(observationGoals.id, mipaGoal.id)));
  });
}
