import { and, eq } from 'drizzle-orm';
import type { BuilderDomainInput } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../db/database.ts';
import { recordAudit } from '../modules/audit/audit.repository.ts';
import { treeRowsOf } from '../modules/instruments/instruments.models.ts';
import { createMadrasahInstrumentsRepository } from '../modules/instruments/instruments.repository.ts';
import { observationRatings, observationReflections, observations } from '../modules/observation/observation.tables.ts';
import { users } from '../modules/tenancy/tenancy.tables.ts';

/**
 * A madrasah-built instrument of MTs Contoh, published: "Supervisi Akademik Pembelajaran" (version
 * 1, a 4-level scale, three ranah, descriptors on some indicators, focus tags), written through the
 * same repository and numbering as the builder (draft → tree → published, as the freeze trigger
 * wants), and one lesson of Siti Aminah (Akidah Akhlak) observed with it twenty days before `now`, rated and
 * shared. Deterministic apart from that date; the code is fixed.
 */

export const DEMO_INSTRUMENT_CODE = 'supervisi-akademik-mts-contoh';

const SCALE = {
  levels: [
    { value: 1, label: 'Kurang', description: 'Belum tampak dalam pembelajaran.' },
    { value: 2, label: 'Cukup', description: 'Tampak sebagian atau belum konsisten.' },
    { value: 3, label: 'Baik', description: 'Tampak dan berjalan sesuai rencana.' },
    { value: 4, label: 'Sangat baik', description: 'Tampak konsisten dan menjadi contoh bagi rekan.' },
  ],
};

const TREE: BuilderDomainInput[] = [
  {
    name: 'Perencanaan pembelajaran',
    competencies: [
      {
        name: 'Modul ajar',
        indicators: [
          {
            text: 'Tujuan pembelajaran dirumuskan jelas dan dapat diukur',
            descriptors: { '1': 'Tujuan tidak tertulis', '2': 'Tujuan tertulis tetapi umum', '3': 'Tujuan jelas', '4': 'Tujuan jelas, terukur dan dikaitkan dengan asesmen' },
            focus: ['proses-pembelajaran'],
          },
          { text: 'Langkah kegiatan dan alokasi waktu disusun runtut', descriptors: {}, focus: ['proses-pembelajaran', 'pengelolaan-kelas'] },
        ],
      },
    ],
  },
  {
    name: 'Pelaksanaan pembelajaran',
    competencies: [
      {
        name: 'Kegiatan pendahuluan',
        indicators: [{ text: 'Guru menyiapkan kelas dan menyampaikan tujuan serta apersepsi', descriptors: {}, focus: ['pengelolaan-kelas', 'proses-pembelajaran'] }],
      },
      {
        name: 'Kegiatan inti',
        indicators: [
          {
            text: 'Semua peserta didik terlibat aktif, termasuk yang duduk di belakang',
            descriptors: { '1': 'Hanya beberapa siswa yang terlibat', '4': 'Semua siswa mendapat giliran dan tugas yang jelas' },
            focus: ['pengelolaan-kelas'],
          },
          { text: 'Guru menangani gangguan dan siswa yang kesulitan tanpa menghentikan kelas', descriptors: {}, focus: ['penanganan-masalah', 'pengelolaan-kelas'] },
          { text: 'Guru memberi umpan balik yang spesifik atas jawaban dan karya siswa', descriptors: {}, focus: ['proses-pembelajaran'] },
        ],
      },
      {
        name: 'Kegiatan penutup',
        indicators: [{ text: 'Guru bersama siswa menyimpulkan dan merefleksikan pembelajaran', descriptors: {}, focus: ['proses-pembelajaran'] }],
      },
    ],
  },
  {
    name: 'Penilaian pembelajaran',
    competencies: [
      {
        name: 'Asesmen',
        indicators: [{ text: 'Asesmen sesuai tujuan dan hasilnya dipakai untuk tindak lanjut', descriptors: {}, focus: ['proses-pembelajaran', 'penanganan-masalah'] }],
      },
    ],
  },
];

/** Ratings of the demo observation, one per indicator in order (1–4). */
const RATINGS = [3, 3, 2, 2, 2, 3, 2, 3];

const DAY = 86_400_000;

export async function seedInstrumentDemo(db: Database, ctx: { tenantId: string; madrasahId: string; teacherIds: string[]; now?: Date }): Promise<void> {
  const { tenantId, madrasahId, teacherIds } = ctx;
  const now = ctx.now ?? new Date();
  const repo = createMadrasahInstrumentsRepository();
  await withTenant(db, tenantId, async (tx) => {
    const [kepala] = await tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.email, 'kepala@contoh.sch.id'))).limit(1);
    if (!kepala) return;
    const id = uuidv7();
    const publishedAt = new Date(Math.floor((now.getTime() - 30 * DAY) / DAY) * DAY);
    await repo.insertInstrument(tx, {
      id,
      tenantId,
      madrasahId,
      code: DEMO_INSTRUMENT_CODE,
      version: 1,
      title: 'Supervisi Akademik Pembelajaran',
      kind: 'observation',
      scoringMethod: 'none',
      source: 'Disusun tim supervisi MTs Contoh dari Permendikbudristek 16/2022 (standar proses) dan pedoman supervisi akademik madrasah.',
      scale: SCALE,
      status: 'draft',
      publishedAt: null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
    const tree = treeRowsOf(TREE, uuidv7);
    await repo.insertTree(tx, tenantId, id, tree);
    await repo.updateInstrument(tx, tenantId, id, { status: 'published', publishedAt, updatedAt: publishedAt });
    const actor = { userId: kepala.id, label: kepala.email };
    await recordAudit(tx, { tenantId, actor, madrasahId, action: 'instrument.create', entityType: 'instrument', entityId: id, after: { code: DEMO_INSTRUMENT_CODE, version: 1, title: 'Supervisi Akademik Pembelajaran' } });
    await recordAudit(tx, { tenantId, actor, madrasahId, action: 'instrument.publish', entityType: 'instrument', entityId: id, before: { status: 'draft' }, after: { status: 'published' } });

    const teacherId = teacherIds[1];
    if (!teacherId) return;
    const observationId = uuidv7();
    const at = new Date(Math.floor((now.getTime() - 20 * DAY) / DAY) * DAY + 3 * 3_600_000);
    const reflectedAt = new Date(at.getTime() + DAY);
    await tx.insert(observations).values({
      tenantId,
      id: observationId,
      madrasahId,
      teacherId,
      observerUserId: kepala.id,
      observerKind: 'kepala',
      scheduledAt: at,
      rombel: 'IX-A',
      subjectName: 'Akidah Akhlak',
      topic: 'Adab bermedia sosial',
      focus: ['pengelolaan-kelas'],
      focusIndicatorIds: [],
      instrumentCode: DEMO_INSTRUMENT_CODE,
      instrumentVersion: 1,
      periodId: null,
      status: 'reflected',
      startedAt: at,
      reflectedAt,
      closedAt: null,
      createdBy: kepala.id,
      createdAt: new Date(at.getTime() - 5 * DAY),
      updatedAt: reflectedAt,
    });
    await tx.insert(observationRatings).values(tree.indicators.map((indicator, i) => ({ tenantId, observationId, indicatorId: indicator.id, value: RATINGS[i] ?? 2, comment: null, updatedAt: reflectedAt })));
    await tx.insert(observationReflections).values({
      tenantId,
      id: uuidv7(),
      observationId,
      authorRole: 'observer',
      authorUserId: kepala.id,
      text: 'Modul ajar rapi dan tujuan jelas. Siswa di barisan belakang belum banyak terlibat; coba kerja berpasangan.',
      createdAt: reflectedAt,
    });
  });
}
