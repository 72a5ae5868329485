import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../db/database.ts';
import { feedbackAnswers, feedbackAnswerValues, feedbackItems, feedbackRounds } from '../modules/feedback/feedback.tables.ts';
import { deviceHash, newDeviceSecret, newRoundToken } from '../modules/feedback/feedback.models.ts';
import { subjects } from '../modules/people/people.tables.ts';
import { users } from '../modules/tenancy/tenancy.tables.ts';

/**
 * Student-feedback demo of MTs Contoh, relative to `now`. Two closed rounds (about four months
 * apart) for three MGMP MIPA members — Khoirul Anam, Lailatul Qadriyah, Imam Syafi'i — whose
 * classes rate pengelolaan kelas clearly higher in the second round (the MIPA group worked on
 * classroom management), and for Ahmad Fauzi (not in MIPA), whose figures barely move. One open
 * round of Dewi Lestari has only 3 answers: below the threshold, its results stay hidden.
 * Deterministic: answers come from a seeded generator.
 */

interface RoundPlan {
  teacher: number;
  subject: string;
  className: string;
  /** Days before now the round opened; it closed two days later unless `open`. */
  daysAgo: number;
  answers: number;
  /** Target mean (1–4) per focus dimension. */
  means: Record<'proses-pembelajaran' | 'pengelolaan-kelas' | 'penanganan-masalah', number>;
  comments?: string[];
  open?: boolean;
}

const PLANS: RoundPlan[] = [
  // MGMP MIPA: pengelolaan kelas improves between the rounds.
  { teacher: 9, subject: 'MAT', className: 'VIII-A', daysAgo: 130, answers: 26, means: { 'proses-pembelajaran': 2.9, 'pengelolaan-kelas': 2.2, 'penanganan-masalah': 2.6 }, comments: ['Kelas sering ramai waktu mengerjakan soal.', 'Penjelasannya enak dipahami.', 'Mohon tugas kelompoknya dibagi lebih adil.'] },
  { teacher: 9, subject: 'MAT', className: 'VIII-A', daysAgo: 14, answers: 28, means: { 'proses-pembelajaran': 3.2, 'pengelolaan-kelas': 3.3, 'penanganan-masalah': 3.0 }, comments: ['Sekarang kelas lebih tertib.', 'Suka belajar kelompok dengan kartu soal.'] },
  { teacher: 10, subject: 'MAT', className: 'VIII-B', daysAgo: 128, answers: 22, means: { 'proses-pembelajaran': 2.7, 'pengelolaan-kelas': 2.1, 'penanganan-masalah': 2.5 }, comments: ['Yang duduk di belakang jarang ditanya.'] },
  { teacher: 10, subject: 'MAT', className: 'VIII-B', daysAgo: 12, answers: 24, means: { 'proses-pembelajaran': 3.0, 'pengelolaan-kelas': 3.1, 'penanganan-masalah': 2.9 }, comments: ['Semua dapat giliran menjawab.'] },
  { teacher: 11, subject: 'IPA', className: 'IX-A', daysAgo: 126, answers: 20, means: { 'proses-pembelajaran': 3.0, 'pengelolaan-kelas': 2.4, 'penanganan-masalah': 2.7 } },
  { teacher: 11, subject: 'IPA', className: 'IX-A', daysAgo: 10, answers: 23, means: { 'proses-pembelajaran': 3.2, 'pengelolaan-kelas': 3.2, 'penanganan-masalah': 3.0 }, comments: ['Praktikumnya seru dan teratur.'] },
  // Not in MGMP MIPA: little movement.
  { teacher: 0, subject: 'QH', className: 'VII-A', daysAgo: 125, answers: 25, means: { 'proses-pembelajaran': 2.9, 'pengelolaan-kelas': 2.8, 'penanganan-masalah': 2.9 } },
  { teacher: 0, subject: 'QH', className: 'VII-A', daysAgo: 9, answers: 24, means: { 'proses-pembelajaran': 3.0, 'pengelolaan-kelas': 2.8, 'penanganan-masalah': 2.9 }, comments: ['Hafalan dicek satu-satu, jadi lama menunggu.'] },
  // Below the threshold: open, 3 answers.
  { teacher: 7, subject: 'BIG', className: 'IX-B', daysAgo: 1, answers: 3, means: { 'proses-pembelajaran': 3.1, 'pengelolaan-kelas': 2.9, 'penanganan-masalah': 3.0 }, open: true },
];

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value 1–4 around `mean`: the mean's two neighbours with the right weights, and some spread. */
function valueAround(mean: number, rnd: () => number): number {
  const spread = rnd() < 0.15 ? (rnd() < 0.5 ? -1 : 1) : 0;
  const low = Math.floor(mean);
  const v = rnd() < mean - low ? low + 1 : low;
  return Math.min(4, Math.max(1, v + spread));
}

export async function seedFeedbackDemo(db: Database, input: { tenantId: string; madrasahId: string; teacherIds: readonly string[]; now?: Date }): Promise<void> {
  const { tenantId, madrasahId, teacherIds } = input;
  const now = input.now ?? new Date();
  const day = 24 * 60 * 60 * 1000;
  await withTenant(db, tenantId, async (tx) => {
    const [kepala] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), sql`lower(${users.email}) = 'kepala@contoh.sch.id'`)).limit(1);
    if (!kepala) throw new Error('demo kepala missing');
    const subjectRows = await tx.select({ id: subjects.id, code: subjects.code }).from(subjects).where(and(eq(subjects.tenantId, tenantId), eq(subjects.madrasahId, madrasahId)));
    const items = await tx.select().from(feedbackItems).where(and(eq(feedbackItems.setCode, 'umpan-balik-siswa'), eq(feedbackItems.setVersion, 1)));
    const rounds: (typeof feedbackRounds.$inferInsert)[] = [];
    const answers: (typeof feedbackAnswers.$inferInsert)[] = [];
    const values: (typeof feedbackAnswerValues.$inferInsert)[] = [];
    PLANS.forEach((plan, p) => {
      const rnd = generator(2026 + p);
      const id = uuidv7();
      const openedAt = new Date(now.getTime() - plan.daysAgo * day);
      const closedAt = plan.open ? null : new Date(openedAt.getTime() + 2 * day);
      const secret = newDeviceSecret();
      rounds.push({
        tenantId,
        id,
        madrasahId,
        teacherId: teacherIds[plan.teacher] ?? '',
        subjectId: subjectRows.find((s) => s.code === plan.subject)?.id ?? null,
        className: plan.className,
        itemSetCode: 'umpan-balik-siswa',
        itemSetVersion: 1,
        token: newRoundToken(),
        deviceSecret: plan.open ? secret : null,
        status: plan.open ? 'open' : 'closed',
        closesAt: null,
        closedAt,
        createdBy: kepala.id,
        createdAt: openedAt,
        updatedAt: closedAt ?? openedAt,
      });
      for (let a = 0; a < plan.answers; a++) {
        const answerId = uuidv7();
        const comment = plan.comments?.[a] ?? null;
        answers.push({ tenantId, id: answerId, roundId: id, deviceHash: deviceHash(secret, `demo-device-${p}-${a}`), comment });
        for (const item of items) values.push({ tenantId, answerId, itemId: item.id, value: valueAround(plan.means[item.focus as keyof RoundPlan['means']], rnd) });
      }
    });
    await tx.insert(feedbackRounds).values(rounds);
    await tx.insert(feedbackAnswers).values(answers);
    await tx.insert(feedbackAnswerValues).values(values);
  });
}
