import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { withTenant, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { assessmentErrors } from './assessment.errors.ts';
import { canSeePeriodSummary } from './assessment-cycle.models.ts';
import type { RecapRow } from './assessment-results.repository.ts';
import { backfillResults } from './assessment-results.usecases.ts';
import type { GrowthDeps } from './growth.usecases.ts';

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
    const header = recapHeader(14);
    const headerRow = sheet.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    let n = 0;
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const page = await deps.assessmentResultsRepository.recapPage(tx, actor.tenantId, period.id, after, RECAP_PAGE);
      for (const r of page) sheet.addRow(recapLine(++n, r)).commit();
      const last = page[page.length - 1];
      if (!last || page.length < RECAP_PAGE) break;
      after = { name: last.name, id: last.teacherId };
    }
    sheet.commit();
    await workbook.commit();
    await finished;
    return { fileName: `rekap-pkg-${period.academicYear.replace('/', '-')}-${period.kind}-${filePart(period.id.slice(0, 8))}.xlsx`, body: Buffer.concat(chunks), rows: n };
  });
}
