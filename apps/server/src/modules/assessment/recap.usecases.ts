import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { withTenant, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { assessmentErrors } from './assessment.errors.ts';
import { attachmentFileName, imageDataUrl, kopAuthorityLines, placeName, type KopInput } from '../documents/documents.models.ts';
import { renderPdf } from '../documents/documents.render.ts';
import { canReadAssessment, canSeePeriodSummary, indexInstrument } from './assessment-cycle.models.ts';
import type { RecapRow } from './assessment-results.repository.ts';
import { backfillResults, persistAssessmentResult } from './assessment-results.usecases.ts';
import { aggregateScope, type GrowthDeps } from './growth.usecases.ts';
import { findEntry } from './instruments.models.ts';
import { rekapDocument, type RekapInput } from './rekap.documents.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows read per query while writing the recap (keyset pages in teacher-name order). */
const RECAP_PAGE = 2000;

/** Header of the period recap: identifiers, name, madrasah, K1…K14, Jumlah, Nilai PKG (100), Sebutan, % AK, rule. */
export function recapHeader(competencies: number): string[] {
  return ['No', 'NUPTK', 'NIP', 'Nama', 'Madrasah', ...Array.from({ length: competencies }, (_, i) => `K${i + 1}`), 'Jumlah', 'Nilai PKG (100)', 'Sebutan', '% AK', 'Aturan pembulatan'];
}

/** One recap line (pure). */
export function recapLine(n: number, r: RecapRow): (string | number | null)[] {
  return [n, r.nuptk, r.nip, r.name, r.madrasahName, ...r.competencyValues, r.total, r.nilai, r.category, r.creditPercent, r.bandRule];
}

/** A safe ASCII file name part. */
function filePart(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Writes the recap workbook of the final kepala results of `periodIds`, reading keyset pages inside the caller's transaction. */
async function writeRecap(tx: Tx, tenantId: string, periodIds: readonly string[], deps: GrowthDeps): Promise<{ body: Buffer; rows: number }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Tumbuh';
  const sheet = workbook.addWorksheet('Rekap PKG', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headerRow = sheet.addRow(recapHeader(14));
  headerRow.font = { bold: true };
  headerRow.commit();
  let n = 0;
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const page: RecapRow[] = periodIds.length === 0 ? [] : await deps.assessmentResultsRepository.recapPage(tx, tenantId, periodIds, after, RECAP_PAGE);
    for (const r of page) sheet.addRow(recapLine(++n, r)).commit();
    const last = page[page.length - 1];
    if (!last || page.length < RECAP_PAGE) break;
    after = { name: last.name, id: last.teacherId };
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return { body: Buffer.concat(chunks), rows: n };
}

/**
 * The XLSX recap of every teacher of a period (their final kepala results): written with exceljs'
 * streaming writer while the rows are read in keyset pages inside one transaction. Kepala, operator
 * and pengawas of the madrasah. @throws assessment.period_not_found, auth.forbidden
 */
export async function periodRecapXlsx(actor: Actor, periodId: string, deps: GrowthDeps): Promise<{ fileName: string; body: Buffer; rows: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx: Tx) => {
    const period = await deps.assessmentCycleRepository.findPeriod(tx, actor.tenantId, periodId);
    if (!period || !canSeeMadrasah(actor, period.madrasahId)) throw assessmentErrors['assessment.period_not_found']();
    if (!canSeePeriodSummary(actor, period.madrasahId)) throw commonErrors['auth.forbidden']();
    await backfillResults(tx, actor.tenantId, { periodIds: [period.id] }, deps);
    const written = await writeRecap(tx, actor.tenantId, [period.id], deps);
    return { fileName: `rekap-pkg-${period.academicYear.replace('/', '-')}-${period.kind}-${filePart(period.id.slice(0, 8))}.xlsx`, ...written };
  });
}

/**
 * The XLSX recap of a period (academic year + kind) across every madrasah in scope (a district or
 * yayasan), or one madrasah. Same columns as the period recap, in teacher-name order.
 * @throws people.madrasah_not_found, auth.forbidden
 */
export async function tenantRecapXlsx(actor: Actor, query: { academicYear: string; kind: string; madrasahId?: string | undefined }, deps: GrowthDeps): Promise<{ fileName: string; body: Buffer; rows: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx: Tx) => {
    const madrasahIds = await aggregateScope(tx, actor, query.madrasahId, deps);
    const periodIds = await deps.assessmentResultsRepository.periodIds(tx, actor.tenantId, { madrasahIds, academicYear: query.academicYear, kind: query.kind });
    await backfillResults(tx, actor.tenantId, { periodIds }, deps);
    const written = await writeRecap(tx, actor.tenantId, periodIds, deps);
    return { fileName: `rekap-pkg-${query.academicYear.replace('/', '-')}-${query.kind}.xlsx`, ...written };
  });
}

const RATER_LABEL: Record<string, string> = { kepala: 'Kepala Madrasah', pengawas: 'Pengawas', peer: 'Teman sejawat', self: 'Evaluasi diri' };

/**
 * The Lampiran 1C "Rekap Hasil PKG" of one final assessment as a PDF (documents kit: kop,
 * signatures). Whoever may read the assessment; a draft answers 409.
 * @throws assessment.not_found, assessment.not_final
 */
export async function assessmentRekapPdf(actor: Actor, assessmentId: string, deps: GrowthDeps): Promise<{ fileName: string; body: Buffer }> {
  const input = await withTenant(deps.db, actor.tenantId, async (tx: Tx) => {
    const row = await deps.assessmentCycleRepository.findAssessment(tx, actor.tenantId, assessmentId);
    const a = row?.assessment;
    if (!a || !canReadAssessment(actor, { madrasahId: a.madrasahId, teacherId: a.teacherId, raterUserId: a.raterUserId, raterKind: raterKindOf(a.raterKind), status: a.status === 'final' ? 'final' : 'draft' })) {
      throw assessmentErrors['assessment.not_found']();
    }
    if (a.status !== 'final') throw assessmentErrors['assessment.not_final']();
    // Lampiran 1C is a PKG form: an assessment with a madrasah's own instrument has no Nilai PKG to print.
    const pkgEntry = findEntry(await deps.instrumentCatalogue.entries(), a.instrumentCode, a.instrumentVersion);
    if (!pkgEntry || !indexInstrument(pkgEntry.detail)) throw assessmentErrors['assessment.scoring_not_supported']();
    const repo = deps.assessmentResultsRepository;
    if (!(await repo.findResult(tx, actor.tenantId, a.id))) await persistAssessmentResult(tx, actor.tenantId, a.id, deps);
    const result = await repo.findResult(tx, actor.tenantId, a.id);
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, a.teacherId);
    const madrasah = await deps.peopleRepository.findMadrasah(tx, actor.tenantId, a.madrasahId);
    const period = await deps.assessmentCycleRepository.findPeriod(tx, actor.tenantId, a.periodId);
    const entry = findEntry(await deps.instrumentCatalogue.entries(), a.instrumentCode, a.instrumentVersion);
    if (!result || !teacher || !madrasah || !period || !entry) throw new Error(`rekap of assessment ${a.id}: its result, teacher, madrasah, period or instrument is missing`);
    const tenant = await repo.findTenant(tx, actor.tenantId);
    const rater = await repo.signatory(tx, actor.tenantId, { userId: a.raterUserId });
    const kepala = await repo.signatory(tx, actor.tenantId, { kepalaOf: a.madrasahId });
    const names = entry.detail.domains.flatMap((d) => d.competencies.map((c) => ({ number: c.number, name: c.name })));
    const kop: KopInput = {
      authorityLines: kopAuthorityLines(tenant ?? { kind: 'madrasah', name: '' }, madrasah),
      institutionName: madrasah.name,
      address: madrasah.address,
      region: [madrasah.city, madrasah.province].filter((p) => p && p.trim()).join(', ') || null,
      npsn: madrasah.npsn,
      nsm: madrasah.nsm,
      logo: deps.readMadrasahLogo ? imageDataUrl(await deps.readMadrasahLogo(tx, actor.tenantId, madrasah.id)) : null,
    };
    const rekap: RekapInput = {
      kop,
      place: placeName(madrasah.city),
      date: a.finalisedAt ?? deps.clock(),
      teacher: {
        name: teacher.name,
        nip: teacher.nip,
        nuptk: teacher.nuptk,
        birthPlace: teacher.birthPlace,
        birthDate: teacher.birthDate,
        gender: teacher.gender,
        ptkType: teacher.ptkType,
        employmentStatus: teacher.employmentStatus,
        subjects: await repo.teacherSubjectNames(tx, actor.tenantId, teacher.id),
      },
      madrasah: { name: madrasah.name, phone: null, address: madrasah.address, city: madrasah.city, province: madrasah.province },
      period: { academicYear: period.academicYear, kind: period.kind === 'sumatif' ? 'sumatif' : 'formatif', startsOn: period.startsOn, endsOn: period.endsOn },
      competencies: names.map((c, i) => ({ ...c, value: result.competencyValues[i] ?? 1 })),
      total: result.total,
      maxTotal: result.maxTotal,
      nilai: result.nilai,
      category: result.category,
      creditPercent: result.creditPercent,
      rule: result.bandRule,
      raterKindLabel: RATER_LABEL[a.raterKind] ?? a.raterKind,
      rater: { role: 'Penilai', name: rater?.name ?? null, nip: rater?.nip ?? null },
      kepala: { role: 'Kepala Madrasah', name: kepala?.name ?? null, nip: kepala?.nip ?? null },
    };
    return rekap;
  });
  const body = await renderPdf(rekapDocument(input));
  return { fileName: attachmentFileName(['rekap-pkg', input.teacher.name, input.period.academicYear.replace('/', '-'), input.period.kind], 'pdf'), body };
}

function raterKindOf(text: string): 'kepala' | 'pengawas' | 'peer' | 'self' {
  return text === 'pengawas' || text === 'peer' || text === 'self' ? text : 'kepala';
}
