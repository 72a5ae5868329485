import { and, eq } from 'drizzle-orm';
import type { EmploymentStatus, Gender } from '@tumbuh/shared';
import type { Database } from '../db/database.ts';
import { hashPassword } from '../modules/tenancy/passwords.ts';
import { tenants } from '../modules/tenancy/tenancy.tables.ts';
import { buildMadrasah, buildTeachers, buildTenant, buildUser, type TeacherInput } from './builders.ts';
import { seedAssessmentDemo, YAYASAN_PROFILES } from './assessment.seed.ts';
import { seedFeedbackDemo } from './feedback.seed.ts';
import { seedDemoFiles } from './files.seed.ts';
import { seedMgmpDemo } from './mgmp.seed.ts';
import { seedInstrumentDemo } from './instruments.seed.ts';
import { seedObservationDemo } from './observation.seed.ts';

/** Names and numbers of the demo data: what the README and the tests rely on. */
export const DEMO = {
  contoh: { tenant: 'MTs Contoh', madrasah: 'MTs Contoh', npsn: '99999001' },
  yayasan: {
    tenant: 'Yayasan Contoh',
    madrasahs: [
      { name: 'MTs Contoh Nusantara', npsn: '99999002', kepala: { email: 'kepala.nusantara@yayasan.sch.id', name: 'Drs. H. Moh. Syaifullah, M.Pd' } },
      { name: 'MTs Contoh Harapan', npsn: '99999003', kepala: { email: 'kepala.harapan@yayasan.sch.id', name: 'Hj. Siti Fatimah, M.Pd.I' } },
    ],
  },
  accounts: [
    'operator@contoh.sch.id',
    'kepala@contoh.sch.id',
    'guru1@contoh.sch.id',
    'koordinator@contoh.sch.id',
    'sekretaris@contoh.sch.id',
    'peneliti@contoh.sch.id',
    'operator@yayasan.sch.id',
    'pengawas@yayasan.sch.id',
    'kepala.nusantara@yayasan.sch.id',
    'kepala.harapan@yayasan.sch.id',
  ],
} as const;

type Row = [name: string, gender: Gender, status: EmploymentStatus, subjects: string[], duties?: string];

// 25 teachers of MTs Contoh across the MTs clusters (names are invented).
const CONTOH_TEACHERS: Row[] = [
  ['Ahmad Fauzi, S.Pd.I', 'L', 'PNS', ['QH'], 'Wakil Kepala Kurikulum'],
  ['Siti Aminah, S.Ag', 'P', 'PNS', ['AA']],
  ['Moh. Hasan Basri, S.Pd.I', 'L', 'GTY', ['FIK']],
  ['Nur Hasanah, S.Pd', 'P', 'GTY', ['SKI']],
  ['Abdul Wahid, Lc', 'L', 'GTY', ['BAR']],
  ['Fatimatuz Zahro, S.Pd', 'P', 'PPPK', ['BIN']],
  ['Rizky Ramadhan, S.Pd', 'L', 'GTT', ['BIN']],
  ['Dewi Lestari, S.Pd', 'P', 'PNS', ['BIG']],
  ['Yusuf Effendi, S.Pd', 'L', 'GTY', ['BIG']],
  ['Khoirul Anam, S.Pd', 'L', 'PNS', ['MAT'], 'Wali Kelas VIII-A'],
  ['Lailatul Qadriyah, S.Pd', 'P', 'GTY', ['MAT']],
  ['Imam Syafi\'i, S.Si', 'L', 'PPPK', ['IPA']],
  ['Ummu Kultsum, S.Pd', 'P', 'GTY', ['IPA'], 'Kepala Laboratorium'],
  ['Mohammad Holil, S.Pd', 'L', 'GTT', ['IPS']],
  ['Hosniyah, S.Pd', 'P', 'GTY', ['IPS']],
  ['Slamet Riyadi, S.H', 'L', 'HONOR', ['PP', 'PKN']],
  ['Rina Marlina, S.Sn', 'P', 'GTT', ['SBD']],
  ['Agus Salim, S.Pd', 'L', 'GTY', ['PJOK']],
  ['Eko Prasetyo, S.Kom', 'L', 'HONOR', ['INF', 'PRK']],
  ['Zainal Arifin, S.Pd', 'L', 'GTY', ['MLK']],
  ['Hafidz Mubarok, Al-Hafiz', 'L', 'HONOR', ['TAH']],
  ['Maimunah, S.Psi', 'P', 'GTY', ['BK'], 'Guru BK'],
  ['Nurul Hidayati, S.Pd.I', 'P', 'GTT', ['QH', 'AA']],
  ['Sholehuddin, S.Ag', 'L', 'PNS', ['FIK', 'SKI'], 'Pembina OSIM'],
  ['Ainul Yaqin, S.Pd', 'L', 'GTY', ['MAT', 'IPA']],
];

const YAYASAN_TEACHERS: Row[][] = [
  [
    ['Hj. Mardiyah, S.Pd.I', 'P', 'GTY', ['QH']],
    ['Ridwan Hakim, S.Pd', 'L', 'GTY', ['MAT']],
    ['Sri Wahyuni, S.Pd', 'P', 'PPPK', ['BIN']],
    ['Taufiqurrahman, Lc', 'L', 'GTY', ['BAR']],
    ['Nanik Suryani, S.Pd', 'P', 'GTT', ['IPA']],
    ['Bambang Sutrisno, S.Pd', 'L', 'PNS', ['IPS']],
  ],
  [
    ['Aisyah Rahmawati, S.Pd', 'P', 'GTY', ['BIG']],
    ['Fathurrozi, S.Ag', 'L', 'GTY', ['FIK']],
    ['Wulan Sari, S.Pd', 'P', 'GTT', ['MAT']],
    ['Syamsul Arifin, S.Pd', 'L', 'GTY', ['PJOK']],
    ['Latifah Hanum, S.Pd', 'P', 'HONOR', ['SBD']],
  ],
];

function teacherInputs(rows: Row[], subjectIdByCode: Map<string, string>, seed: number): TeacherInput[] {
  return rows.map(([name, gender, status, codes, duties], i) => {
    const n = seed + i;
    const pad = (v: number, len: number) => String(v).padStart(len, '0');
    const year = 1970 + (n % 25);
    const month = 1 + (n % 12);
    const day = 1 + (n % 27);
    return {
      name,
      gender,
      employmentStatus: status,
      // Some identifiers start with 0 on purpose: they must survive as text.
      nuptk: pad(n * 7919, 16),
      // NIP: birth date (8) + TMT year-month (6) + gender (1) + sequence (3) = 18 digits.
      nip: status === 'PNS' || status === 'PPPK' ? `${year}${pad(month, 2)}${pad(day, 2)}200501${gender === 'L' ? 1 : 2}${pad(n, 3)}` : null,
      pegId: pad(n * 104729, 14),
      nik: `3528${pad(n * 31337, 12)}`,
      birthPlace: ['Pamekasan', 'Sumenep', 'Sampang', 'Bangkalan', 'Surabaya'][n % 5] ?? null,
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      ptkType: codes.includes('BK') ? 'Guru BK' : 'Guru Mapel',
      extraDuties: duties ?? null,
      phone: `08123${pad(n * 4441, 7)}`,
      email: null,
      address: 'Desa Polagan, Kec. Galis, Kab. Pamekasan',
      subjectIds: codes.map((c) => subjectIdByCode.get(c)).filter((id): id is string => id !== undefined),
    };
  });
}

/**
 * Loads the demo tenants when they are not there yet: "MTs Contoh" (one madrasah, 25 teachers)
 * and "Yayasan Contoh" (two madrasahs), with the demo accounts. Returns false when already loaded.
 * With `dataDir` (the server, the CLI) it also stores the demo's files there: the madrasah logos
 * and meeting photos (files.seed.ts); without it (tests on a cloned database) no file is written.
 */
export async function seedDemo(db: Database, password: string, options: { dataDir?: string | undefined } = {}): Promise<boolean> {
  const existing = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.demo, true), eq(tenants.name, DEMO.contoh.tenant))).limit(1);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(password);

  const contoh = await buildTenant(db, { name: DEMO.contoh.tenant, kind: 'madrasah', demo: true });
  const mts = await buildMadrasah(db, contoh.id, {
    name: DEMO.contoh.madrasah,
    npsn: DEMO.contoh.npsn,
    nsm: '121235280001',
    address: 'Jl. Raya Polagan No. 1, Desa Polagan, Kec. Galis',
    city: 'Kabupaten Pamekasan',
    province: 'Jawa Timur',
  });
  const teacherIds = await buildTeachers(db, contoh.id, mts.id, teacherInputs(CONTOH_TEACHERS, mts.subjectIdByCode, 1));
  const m = mts.id;
  await buildUser(db, contoh.id, { email: 'operator@contoh.sch.id', name: 'Operator MTs Contoh', passwordHash, roles: [{ role: 'operator', madrasahId: null }] });
  await buildUser(db, contoh.id, { email: 'kepala@contoh.sch.id', name: 'H. Abdurrahman, M.Pd.I', passwordHash, roles: [{ role: 'kepala_madrasah', madrasahId: m }] });
  await buildUser(db, contoh.id, { email: 'guru1@contoh.sch.id', name: CONTOH_TEACHERS[0]?.[0] ?? 'Guru', passwordHash, teacherId: teacherIds[0] ?? null, roles: [{ role: 'guru', madrasahId: m }] });
  await buildUser(db, contoh.id, {
    email: 'koordinator@contoh.sch.id',
    name: CONTOH_TEACHERS[9]?.[0] ?? 'Koordinator',
    passwordHash,
    teacherId: teacherIds[9] ?? null,
    roles: [{ role: 'koordinator_mgmp', madrasahId: m }, { role: 'guru', madrasahId: m }],
  });
  // Teacher #11 (Lailatul Qadriyah): sekretaris of MGMP MIPA (mgmp.seed.ts), an officer without the ketua's powers.
  await buildUser(db, contoh.id, {
    email: 'sekretaris@contoh.sch.id',
    name: CONTOH_TEACHERS[10]?.[0] ?? 'Sekretaris',
    passwordHash,
    teacherId: teacherIds[10] ?? null,
    roles: [{ role: 'koordinator_mgmp', madrasahId: m }, { role: 'guru', madrasahId: m }],
  });
  await buildUser(db, contoh.id, { email: 'peneliti@contoh.sch.id', name: 'Peneliti Contoh', passwordHash, roles: [{ role: 'peneliti', madrasahId: m }] });

  const yayasan = await buildTenant(db, { name: DEMO.yayasan.tenant, kind: 'yayasan', demo: true });
  const madrasahIds: string[] = [];
  const yayasanTeacherIds: string[][] = [];
  for (const [i, def] of DEMO.yayasan.madrasahs.entries()) {
    const built = await buildMadrasah(db, yayasan.id, { name: def.name, npsn: def.npsn, city: 'Kabupaten Sumenep', province: 'Jawa Timur' });
    madrasahIds.push(built.id);
    yayasanTeacherIds.push(await buildTeachers(db, yayasan.id, built.id, teacherInputs(YAYASAN_TEACHERS[i] ?? [], built.subjectIdByCode, 100 + i * 20)));
  }
  await buildUser(db, yayasan.id, { email: 'operator@yayasan.sch.id', name: 'Operator Yayasan Contoh', passwordHash, roles: [{ role: 'operator', madrasahId: null }] });
  await buildUser(db, yayasan.id, { email: 'pengawas@yayasan.sch.id', name: 'Pengawas Madrasah', passwordHash, roles: [{ role: 'pengawas', madrasahId: madrasahIds[0] ?? null }] });
  for (const [i, def] of DEMO.yayasan.madrasahs.entries()) {
    await buildUser(db, yayasan.id, { email: def.kepala.email, name: def.kepala.name, passwordHash, roles: [{ role: 'kepala_madrasah', madrasahId: madrasahIds[i] ?? null }] });
  }
  await seedMgmpDemo(db, { tenantId: contoh.id, madrasahId: mts.id, teacherIds });
  // The pictures (image work, mostly CPU) are made while the other seeds (mostly database) run.
  const files = options.dataDir ? seedDemoFiles(db, { dataDir: options.dataDir, tenants: { [contoh.name]: contoh.id, [yayasan.name]: yayasan.id } }) : Promise.resolve(null);
  void files.catch(() => undefined); // awaited below; this only keeps it from going unhandled if a seed before that fails
  await seedAssessmentDemo(db, { tenantId: contoh.id, madrasahId: mts.id, teacherIds });
  await seedObservationDemo(db, { tenantId: contoh.id, madrasahId: mts.id, teacherIds });
  await seedInstrumentDemo(db, { tenantId: contoh.id, madrasahId: mts.id, teacherIds });
  await seedFeedbackDemo(db, { tenantId: contoh.id, madrasahId: mts.id, teacherIds });
  // Yayasan Contoh: each madrasah's kepala assessed every teacher in both periods; the pengawas rated three teachers of the first.
  for (const [i, def] of DEMO.yayasan.madrasahs.entries()) {
    await seedAssessmentDemo(db, {
      tenantId: yayasan.id,
      madrasahId: madrasahIds[i] ?? '',
      teacherIds: yayasanTeacherIds[i] ?? [],
      kepalaEmail: def.kepala.email,
      profiles: YAYASAN_PROFILES[i] ?? [],
      teacherAccounts: false,
      showCombined: false,
      ...(i === 0 ? { pengawas: { email: 'pengawas@yayasan.sch.id', teachers: [0, 2, 4] } } : {}),
    });
  }
  await files;
  return true;
}
