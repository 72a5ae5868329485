/**
 * Teacher import: preview a file (nothing written to teachers), then commit it all-or-nothing.
 */
import type { ImportCommitResult, ImportPreview, ImportRowError, ImportTeacherRow, Locale } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../../../db/database.ts';
import { commonErrors } from '../../../http/app-error.ts';
import { recordAudit, type AuditActor } from '../../audit/audit.repository.ts';
import { canManagePeople, type Actor } from '../../tenancy/tenancy.models.ts';
import { peopleErrors } from '../people.errors.ts';
import { importErrors } from './imports.errors.ts';
import {
  detectHeader,
  importIssueMessage,
  parseTeacherSheet,
  planImportRows,
  sortIssues,
  type ImportIssue,
  type ParsedTeacherRow,
  type PlannedRow,
} from './imports.models.ts';
import { readSpreadsheet } from './imports.reader.ts';
import { TEACHER_WRITE_FIELDS, toTeacherWrite, type StoredImport, type TeacherImportsRepository, type TeacherWrite } from './imports.repository.ts';

/** The system acting without a user (the CLI): may import into any madrasah of its tenant. */
export interface SystemImportActor {
  kind: 'system';
  tenantId: string;
  /** Audit label, e.g. `cli`. */
  label: string;
  locale: Locale;
}

/** A signed-in user or the system. */
export type ImportActor = Actor | SystemImportActor;

/** Where a long import is, for a progress bar. */
export interface ImportProgress {
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

/** What the import use cases need. */
export interface TeacherImportDeps {
  db: Database;
  importsRepository: TeacherImportsRepository;
  clock?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
}

/** Rows shown in the preview table. */
export const PREVIEW_SAMPLE_SIZE = 20;
/** Most row errors carried in the details of a refused commit. */
const REJECTION_DETAILS_MAX = 1000;

function isSystem(actor: ImportActor): actor is SystemImportActor {
  return 'kind' in actor && actor.kind === 'system';
}

function mayImport(actor: ImportActor, madrasahId: string): boolean {
  return isSystem(actor) || canManagePeople(actor, madrasahId);
}

function auditActor(actor: ImportActor): AuditActor {
  return isSystem(actor) ? { userId: null, label: actor.label } : { userId: actor.userId, label: actor.email };
}

/** A stored problem with its message in the actor's language. */
export function presentIssue(issue: ImportIssue, locale: Locale): ImportRowError {
  return { row: issue.row, field: issue.field, code: issue.code, message: importIssueMessage(issue, locale), value: issue.value };
}

function stripPlan(row: PlannedRow): ImportTeacherRow {
  const { subjectIds: _subjectIds, ...rest } = row;
  return rest;
}

function toParsed(row: ImportTeacherRow): ParsedTeacherRow {
  const { action: _action, matchedTeacherId: _matched, ...rest } = row;
  return rest;
}

function presentPreview(
  stored: StoredImport & { sample: ImportTeacherRow[]; toCreate: number; toUpdate: number; validRows: number },
  locale: Locale,
): ImportPreview {
  return {
    id: stored.id,
    madrasahId: stored.madrasahId,
    fileName: stored.fileName,
    layout: stored.layout,
    totalRows: stored.totalRows,
    validRows: stored.validRows,
    toCreate: stored.toCreate,
    toUpdate: stored.toUpdate,
    errors: stored.errors.map((e) => presentIssue(e, locale)),
    sample: stored.sample,
    columns: stored.columns,
    status: stored.status,
  };
}

/**
 * Reads an uploaded file, checks every row and stores the result as a previewed import. Writes
 * no teacher. Each row is matched against the tenant's teachers (NUPTK, then NIP, then PegID,
 * then NIK) to say whether committing will create or update it; unknown subjects, identifiers
 * of two teachers and teachers of another madrasah are row errors.
 * @throws auth.forbidden unless the actor is an operator of the madrasah (or the system),
 *   people.madrasah_not_found when the madrasah is not in the tenant,
 *   people.import_unreadable when the file is not a readable .xlsx/.csv.
 */
export async function previewTeacherImport(
  input: { actor: ImportActor; madrasahId: string; fileName: string; buffer: Buffer },
  deps: TeacherImportDeps,
): Promise<ImportPreview> {
  const { actor, madrasahId } = input;
  const repo = deps.importsRepository;
  const now = deps.clock?.() ?? new Date();
  if (!mayImport(actor, madrasahId)) throw commonErrors['auth.forbidden']();
  const madrasah = await withTenant(deps.db, actor.tenantId, (tx) => repo.findMadrasah(tx, actor.tenantId, madrasahId));
  if (!madrasah) throw peopleErrors['people.madrasah_not_found']();

  deps.onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheets = await readSpreadsheet(input.buffer);
  const sheet = sheets.find((s) => detectHeader(s.matrix) !== undefined) ?? sheets[0];
  const parsed = parseTeacherSheet(sheet?.matrix ?? [], { madrasah: { npsn: madrasah.npsn, nsm: madrasah.nsm } });
  deps.onProgress?.({ phase: 'read', done: 1, total: 1 });

  return withTenant(deps.db, actor.tenantId, async (tx) => {
    // One query at a time: a transaction's connection runs them in order anyway.
    const existing = await repo.listTeacherIdentities(tx, actor.tenantId);
    const subjects = await repo.listSubjects(tx, actor.tenantId, madrasahId);
    const plan = planImportRows(parsed.rows, { madrasahId, existing, subjects });
    deps.onProgress?.({ phase: 'check', done: parsed.rows.length, total: parsed.rows.length });
    const errors = sortIssues([...parsed.errors, ...plan.errors]);
    const rows = plan.rows.map(stripPlan);
    const id = uuidv7();
    await repo.insertImport(tx, actor.tenantId, {
      id,
      madrasahId,
      fileName: input.fileName.slice(0, 255),
      layout: parsed.layout,
      rows,
      errors,
      columns: parsed.columns,
      createdBy: isSystem(actor) ? null : actor.userId,
      createdAt: now,
    });
    const bad = new Set(errors.map((e) => e.row));
    return presentPreview(
      {
        id,
        madrasahId,
        fileName: input.fileName.slice(0, 255),
        layout: parsed.layout,
        status: 'previewed',
        totalRows: rows.length,
        errors,
        columns: parsed.columns,
        createdCount: null,
        updatedCount: null,
        sample: rows.slice(0, PREVIEW_SAMPLE_SIZE),
        toCreate: rows.filter((r) => r.action === 'create').length,
        toUpdate: rows.filter((r) => r.action === 'update').length,
        validRows: rows.filter((r) => !bad.has(r.row)).length,
      },
      actor.locale,
    );
  });
}

/**
 * The preview of a stored import (its first rows, counts and every error).
 * @throws people.import_not_found when the id is not an import of the actor's tenant,
 *   auth.forbidden unless the actor manages people of the import's madrasah.
 */
export async function getTeacherImport(input: { actor: ImportActor; importId: string }, deps: TeacherImportDeps): Promise<ImportPreview> {
  const { actor } = input;
  const stored = await withTenant(deps.db, actor.tenantId, (tx) =>
    deps.importsRepository.findImportSummary(tx, actor.tenantId, input.importId, PREVIEW_SAMPLE_SIZE),
  );
  if (!stored) throw importErrors['people.import_not_found']();
  if (!mayImport(actor, stored.madrasahId)) throw commonErrors['auth.forbidden']();
  return presentPreview(stored, actor.locale);
}

function compact(rows: TeacherWrite[]): (string | null)[][] {
  return rows.map((r) => TEACHER_WRITE_FIELDS.map((f) => r[f]));
}

/**
 * Writes a previewed import in one transaction: creates and updates every teacher, sets their
 * subjects, records one audit entry (counts plus compact before/after rows) and marks the import
 * committed. The plan is recomputed inside the transaction, so teachers added since the preview
 * are matched too. `updated` counts the matched rows; a matched row whose values are unchanged is
 * not rewritten. Any row error refuses the whole file and marks the import rejected; any failure
 * rolls everything back.
 * @throws people.import_not_found, auth.forbidden, people.import_already_committed (409),
 *   people.import_rejected (422, details: the row errors, message in the actor's language).
 */
export async function commitTeacherImport(input: { actor: ImportActor; importId: string }, deps: TeacherImportDeps): Promise<ImportCommitResult> {
  const { actor, importId } = input;
  const repo = deps.importsRepository;
  const tenantId = actor.tenantId;
  const now = deps.clock?.() ?? new Date();

  type Outcome = { kind: 'rejected'; errors: ImportIssue[] } | { kind: 'committed'; result: ImportCommitResult };
  const outcome = await withTenant(deps.db, tenantId, async (tx): Promise<Outcome> => {
    const stored = await repo.lockImportWithRows(tx, tenantId, importId);
    if (!stored) throw importErrors['people.import_not_found']();
    if (!mayImport(actor, stored.madrasahId)) throw commonErrors['auth.forbidden']();
    if (stored.status === 'committed') throw importErrors['people.import_already_committed']();
    if (stored.errors.length > 0) return { kind: 'rejected', errors: stored.errors };

    // One query at a time: a transaction's connection runs them in order anyway.
    const existing = await repo.listTeacherIdentities(tx, tenantId);
    const subjects = await repo.listSubjects(tx, tenantId, stored.madrasahId);
    const plan = planImportRows(stored.rows.map(toParsed), { madrasahId: stored.madrasahId, existing, subjects });
    if (plan.errors.length > 0) return { kind: 'rejected', errors: sortIssues(plan.errors) };
    deps.onProgress?.({ phase: 'write', done: 0, total: plan.rows.length });

    const writes = plan.rows.map((row) => toTeacherWrite(row, row.matchedTeacherId ?? uuidv7()));
    const updatedIds = plan.rows.flatMap((r) => (r.matchedTeacherId ? [r.matchedTeacherId] : []));
    const before = await repo.listTeachersForAudit(tx, tenantId, updatedIds);
    const written = await repo.upsertTeachers(tx, tenantId, stored.madrasahId, writes, now);
    const counts = { created: written.created, updated: updatedIds.length };
    if (written.created !== writes.length - updatedIds.length) throw commonErrors['common.conflict']();
    deps.onProgress?.({ phase: 'write', done: plan.rows.length, total: plan.rows.length });

    if (stored.columns.some((c) => c.field === 'subjects')) {
      const withSubjects = plan.rows.map((row, i) => ({ row, id: writes[i]?.id ?? '' })).filter((x) => x.row.subjectIds.length > 0);
      await repo.replaceTeacherSubjects(
        tx,
        tenantId,
        withSubjects.map((x) => x.id),
        withSubjects.flatMap((x) => x.row.subjectIds.map((subjectId) => ({ teacherId: x.id, subjectId }))),
      );
    }

    await recordAudit(tx, {
      tenantId,
      actor: auditActor(actor),
      action: 'teacher_import.commit',
      entityType: 'teacher_import',
      entityId: importId,
      madrasahId: stored.madrasahId,
      before: { fields: TEACHER_WRITE_FIELDS, rows: compact(before) },
      after: {
        fileName: stored.fileName,
        layout: stored.layout,
        madrasahId: stored.madrasahId,
        created: counts.created,
        updated: counts.updated,
        changed: written.changed,
        fields: TEACHER_WRITE_FIELDS,
        rows: compact(writes),
      },
    });
    await repo.markCommitted(tx, tenantId, importId, { ...counts, at: now });
    return { kind: 'committed', result: { id: importId, created: counts.created, updated: counts.updated, status: 'committed' as const } };
  });

  if (outcome.kind === 'rejected') {
    await withTenant(deps.db, tenantId, (tx) => repo.markRejected(tx, tenantId, importId, outcome.errors));
    throw importErrors['people.import_rejected'](outcome.errors.slice(0, REJECTION_DETAILS_MAX).map((e) => presentIssue(e, actor.locale)));
  }
  return outcome.result;
}
