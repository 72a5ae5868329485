import type {
  BuilderDomainInput,
  CreateMadrasahInstrumentInput,
  InstrumentDetail,
  InstrumentList,
  InstrumentListQuery,
  InstrumentStatus,
  MadrasahInstrument,
  UpdateMadrasahInstrumentInput,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { assessmentErrors } from '../assessment/assessment.errors.ts';
import type { InstrumentCatalogue } from '../assessment/instruments.catalogue.ts';
import { buildDetails, findEntry, summaryOf } from '../assessment/instruments.models.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { visibleMadrasahIds, type Actor } from '../tenancy/tenancy.models.ts';
import { instrumentErrors } from './instruments.errors.ts';
import { exceedsTotals, instrumentCodeOf, isFrozen, nextVersion, publishProblems, scaleIsValid, treeInputOf, treeRowsOf, unknownDescriptorLevels } from './instruments.models.ts';
import { canBuildInstruments, canReadInstrument } from './instruments.policies.ts';
import type { MadrasahInstrumentRow, MadrasahInstrumentsRepository } from './instruments.repository.ts';

/** What the instrument use cases need. */
export interface InstrumentBuilderDeps {
  db: Database;
  instrumentCatalogue: InstrumentCatalogue;
  madrasahInstrumentsRepository: MadrasahInstrumentsRepository;
  peopleRepository: PeopleRepository;
  clock: () => Date;
}

const statusOf = (text: string): InstrumentStatus => (text === 'published' ? 'published' : 'draft');
const facts = (row: MadrasahInstrumentRow) => ({ madrasahId: row.madrasahId, status: statusOf(row.status) });

async function detailOf(tx: Tx, tenantId: string, head: MadrasahInstrumentRow, deps: InstrumentBuilderDeps): Promise<InstrumentDetail> {
  const [detail] = buildDetails(await deps.madrasahInstrumentsRepository.loadRows(tx, tenantId, [head]));
  if (!detail) throw new Error('instrument tree not built');
  return detail;
}

async function present(tx: Tx, actor: Actor, head: MadrasahInstrumentRow, deps: InstrumentBuilderDeps): Promise<MadrasahInstrument> {
  const detail = await detailOf(tx, actor.tenantId, head, deps);
  const versions = await deps.madrasahInstrumentsRepository.listVersions(tx, actor.tenantId, head.code);
  return {
    ...detail,
    createdAt: head.createdAt.toISOString(),
    updatedAt: head.updatedAt.toISOString(),
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: statusOf(v.status), publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null })),
    publishProblems: isFrozen(statusOf(head.status)) ? [] : publishProblems(detail),
    canEdit: canBuildInstruments(actor, head.madrasahId),
  };
}

/** What the audit log keeps of a version: its head and its whole tree in submitted form. */
function snapshotOf(detail: InstrumentDetail) {
  return { code: detail.code, version: detail.version, status: detail.status, title: detail.title, source: detail.source, scale: detail.scale, domains: treeInputOf(detail) };
}

async function audit(tx: Tx, actor: Actor, head: MadrasahInstrumentRow, action: string, change: { before?: unknown; after?: unknown }): Promise<void> {
  await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId: head.madrasahId, action, entityType: 'instrument', entityId: head.id, ...change });
}

/** An instrument the actor may read; anyone else (other madrasahs, tenants; drafts for non-builders) gets 404. */
async function loadReadable(tx: Tx, actor: Actor, id: string, deps: InstrumentBuilderDeps, options: { lock?: boolean } = {}): Promise<MadrasahInstrumentRow> {
  const head = await deps.madrasahInstrumentsRepository.findInstrument(tx, actor.tenantId, id, options);
  if (!head || !canReadInstrument(actor, facts(head))) throw instrumentErrors['instruments.not_found']();
  return head;
}

/** An instrument the actor may build (locked for the change): 404 when unseen, 403 when only readable. */
async function loadBuildable(tx: Tx, actor: Actor, id: string, deps: InstrumentBuilderDeps): Promise<MadrasahInstrumentRow> {
  const head = await loadReadable(tx, actor, id, deps, { lock: true });
  if (!canBuildInstruments(actor, head.madrasahId)) throw commonErrors['auth.forbidden']();
  return head;
}

/** A draft the actor may build; 409 instruments.frozen for a published version. */
async function loadDraft(tx: Tx, actor: Actor, id: string, deps: InstrumentBuilderDeps): Promise<MadrasahInstrumentRow> {
  const head = await loadBuildable(tx, actor, id, deps);
  if (isFrozen(statusOf(head.status))) throw instrumentErrors['instruments.frozen']();
  return head;
}

function checkScale(scale: { levels: readonly { value: number }[] }): void {
  if (!scaleIsValid(scale)) throw instrumentErrors['instruments.invalid_scale']();
}

function checkTree(input: { scale: UpdateMadrasahInstrumentInput['scale']; domains: readonly BuilderDomainInput[] }): void {
  checkScale(input.scale);
  const unknown = unknownDescriptorLevels(input.scale, input.domains);
  if (unknown.length > 0) throw instrumentErrors['instruments.unknown_level']({ levels: unknown });
  if (exceedsTotals(input.domains)) throw commonErrors['common.validation_failed']({ reason: 'too_many_items' });
}

// ---------- reading (official + madrasah) ----------

/**
 * The instruments the actor may use or build: every official one (unless `owner=madrasah`), and
 * the madrasah-built ones of the madrasahs the actor sees — published versions, plus drafts where
 * the actor is operator or kepala. Never another tenant's.
 */
export async function listAllInstruments(actor: Actor, query: InstrumentListQuery, deps: InstrumentBuilderDeps): Promise<InstrumentList> {
  const official = query.owner === 'madrasah' || query.status === 'draft' ? [] : (await deps.instrumentCatalogue.entries()).map((e) => e.summary);
  let own: InstrumentList['items'] = [];
  if (query.owner !== 'official') {
    const visible = visibleMadrasahIds(actor);
    const madrasahIds = query.madrasahId === undefined ? visible : visible === 'all' || visible.includes(query.madrasahId) ? [query.madrasahId] : [];
    own = await withTenant(deps.db, actor.tenantId, async (tx) => {
      const heads = (await deps.madrasahInstrumentsRepository.listInstruments(tx, actor.tenantId, { madrasahIds, publishedOnly: query.status === 'published' })).filter((h) =>
        canReadInstrument(actor, facts(h)),
      );
      const byId = new Map(buildDetails(await deps.madrasahInstrumentsRepository.loadRows(tx, actor.tenantId, heads)).map((d) => [d.id, d]));
      return heads.flatMap((h) => {
        const detail = byId.get(h.id);
        return detail ? [summaryOf(detail)] : [];
      });
    });
  }
  const items = [...official, ...own];
  return { items, total: items.length };
}

/**
 * A published instrument version by code (the newest when no version is asked): official, or
 * built by `madrasahId` (a madrasah instrument is usable only in its own madrasah). Undefined when
 * there is none. Published versions never change, so the caller may keep what it gets.
 */
export async function findUsableInstrument(
  tx: Tx,
  tenantId: string,
  madrasahId: string | null,
  code: string,
  version: number | undefined,
  deps: Pick<InstrumentBuilderDeps, 'instrumentCatalogue' | 'madrasahInstrumentsRepository'>,
): Promise<InstrumentDetail | undefined> {
  const official = findEntry(await deps.instrumentCatalogue.entries(), code, version);
  if (official) return official.detail;
  const head = await deps.madrasahInstrumentsRepository.findPublished(tx, tenantId, code, version);
  if (!head || (madrasahId !== null && head.madrasahId !== madrasahId)) return undefined;
  const [detail] = buildDetails(await deps.madrasahInstrumentsRepository.loadRows(tx, tenantId, [head]));
  return detail;
}

/**
 * `GET /instruments/:code`: a published version, official or of a madrasah the actor sees.
 * @throws assessment.instrument_not_found (404)
 */
export async function getPublishedInstrument(actor: Actor, ref: { code: string; version?: number | undefined }, deps: InstrumentBuilderDeps): Promise<InstrumentDetail> {
  const official = findEntry(await deps.instrumentCatalogue.entries(), ref.code, ref.version);
  if (official) return official.detail;
  const detail = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const head = await deps.madrasahInstrumentsRepository.findPublished(tx, actor.tenantId, ref.code, ref.version);
    if (!head || !canReadInstrument(actor, facts(head))) return undefined;
    return detailOf(tx, actor.tenantId, head, deps);
  });
  if (!detail) throw assessmentErrors['assessment.instrument_not_found']();
  return detail;
}

// ---------- building ----------

/**
 * A new instrument of a madrasah: draft version 1 with an empty tree and a server-made code.
 * @throws people.madrasah_not_found (404), auth.forbidden (403), instruments.invalid_scale (422)
 */
export async function createMadrasahInstrument(actor: Actor, input: CreateMadrasahInstrumentInput, deps: InstrumentBuilderDeps): Promise<MadrasahInstrument> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const madrasah = await deps.peopleRepository.findMadrasah(tx, actor.tenantId, input.madrasahId);
    if (!madrasah || !canReadInstrument(actor, { madrasahId: madrasah.id, status: 'published' })) throw peopleErrors['people.madrasah_not_found']();
    if (!canBuildInstruments(actor, madrasah.id)) throw commonErrors['auth.forbidden']();
    checkScale(input.scale);
    const id = uuidv7();
    const now = deps.clock();
    await deps.madrasahInstrumentsRepository.insertInstrument(tx, {
      id,
      tenantId: actor.tenantId,
      madrasahId: madrasah.id,
      code: instrumentCodeOf(input.title, id),
      version: 1,
      title: input.title,
      kind: input.kind,
      scoringMethod: 'none',
      source: input.source ?? '',
      scale: input.scale,
      status: 'draft',
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const head = await loadReadable(tx, actor, id, deps);
    const result = await present(tx, actor, head, deps);
    await audit(tx, actor, head, 'instrument.create', { after: snapshotOf(result) });
    return result;
  });
}

/** One version with its tree. @throws instruments.not_found (404: unseen, or a draft for a non-builder) */
export async function getMadrasahInstrument(actor: Actor, id: string, deps: InstrumentBuilderDeps): Promise<MadrasahInstrument> {
  return withTenant(deps.db, actor.tenantId, async (tx) => present(tx, actor, await loadReadable(tx, actor, id, deps), deps));
}

/**
 * Replaces a draft's title, source, scale and whole tree in one transaction (new ids).
 * @throws instruments.not_found, auth.forbidden, instruments.frozen (409), instruments.invalid_scale,
 * instruments.unknown_level (422), common.validation_failed (too many items)
 */
export async function updateMadrasahInstrument(actor: Actor, id: string, input: UpdateMadrasahInstrumentInput, deps: InstrumentBuilderDeps): Promise<MadrasahInstrument> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const head = await loadDraft(tx, actor, id, deps);
    checkTree(input);
    const before = snapshotOf(await detailOf(tx, actor.tenantId, head, deps));
    await deps.madrasahInstrumentsRepository.deleteTree(tx, actor.tenantId, id);
    await deps.madrasahInstrumentsRepository.insertTree(tx, actor.tenantId, id, treeRowsOf(input.domains, uuidv7));
    await deps.madrasahInstrumentsRepository.updateInstrument(tx, actor.tenantId, id, { title: input.title, source: input.source ?? '', scale: input.scale, updatedAt: deps.clock() });
    const updated = await loadReadable(tx, actor, id, deps);
    const result = await present(tx, actor, updated, deps);
    await audit(tx, actor, updated, 'instrument.update', { before, after: snapshotOf(result) });
    return result;
  });
}

/**
 * Publishes a complete draft: from now on the version is frozen (also by the database trigger).
 * @throws instruments.not_found, auth.forbidden, instruments.frozen (409), instruments.incomplete (422, details: PublishProblem[])
 */
export async function publishMadrasahInstrument(actor: Actor, id: string, deps: InstrumentBuilderDeps): Promise<MadrasahInstrument> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const head = await loadDraft(tx, actor, id, deps);
    const detail = await detailOf(tx, actor.tenantId, head, deps);
    const problems = publishProblems(detail);
    if (problems.length > 0) throw instrumentErrors['instruments.incomplete'](problems);
    checkScale(detail.scale);
    const now = deps.clock();
    await deps.madrasahInstrumentsRepository.updateInstrument(tx, actor.tenantId, id, { status: 'published', publishedAt: now, updatedAt: now });
    const published = await loadReadable(tx, actor, id, deps);
    const result = await present(tx, actor, published, deps);
    await audit(tx, actor, published, 'instrument.publish', { before: { status: 'draft' }, after: { status: 'published', code: result.code, version: result.version, publishedAt: result.publishedAt } });
    return result;
  });
}

/**
 * A new draft version (highest version + 1, same code) copied from a published version.
 * @throws instruments.not_found, auth.forbidden, instruments.not_published (409), instruments.draft_exists (409)
 */
export async function newMadrasahInstrumentVersion(actor: Actor, id: string, deps: InstrumentBuilderDeps): Promise<MadrasahInstrument> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const from = await loadBuildable(tx, actor, id, deps);
    const versions = await deps.madrasahInstrumentsRepository.listVersions(tx, actor.tenantId, from.code);
    const next = nextVersion(
      { version: from.version, status: statusOf(from.status) },
      versions.map((v) => ({ version: v.version, status: statusOf(v.status) })),
    );
    if (!next.ok) throw instrumentErrors[next.reason === 'draft_exists' ? 'instruments.draft_exists' : 'instruments.not_published']();
    const detail = await detailOf(tx, actor.tenantId, from, deps);
    const newId = uuidv7();
    const now = deps.clock();
    await deps.madrasahInstrumentsRepository.insertInstrument(tx, {
      id: newId,
      tenantId: actor.tenantId,
      madrasahId: from.madrasahId,
      code: from.code,
      version: next.version,
      title: from.title,
      kind: from.kind,
      scoringMethod: from.scoringMethod,
      source: from.source,
      scale: from.scale,
      status: 'draft',
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await deps.madrasahInstrumentsRepository.insertTree(tx, actor.tenantId, newId, treeRowsOf(treeInputOf(detail), uuidv7));
    const head = await loadReadable(tx, actor, newId, deps);
    const result = await present(tx, actor, head, deps);
    await audit(tx, actor, head, 'instrument.new_version', { before: { id: from.id, version: from.version }, after: snapshotOf(result) });
    return result;
  });
}

/** Deletes a draft and its tree. @throws instruments.not_found, auth.forbidden, instruments.frozen (409) */
export async function deleteMadrasahInstrument(actor: Actor, id: string, deps: InstrumentBuilderDeps): Promise<{ ok: true }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const head = await loadDraft(tx, actor, id, deps);
    const before = snapshotOf(await detailOf(tx, actor.tenantId, head, deps));
    await deps.madrasahInstrumentsRepository.deleteTree(tx, actor.tenantId, id);
    await deps.madrasahInstrumentsRepository.deleteInstrument(tx, actor.tenantId, id);
    await audit(tx, actor, head, 'instrument.delete', { before });
    return { ok: true as const };
  });
}
