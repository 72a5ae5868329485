import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import type { InstrumentRows } from '../assessment/instruments.models.ts';
import { focusDimensions, instrumentCompetencies, instrumentDomains, instrumentIndicatorFocus, instrumentIndicators, instruments } from '../assessment/instruments.tables.ts';
import type { TreeRows } from './instruments.models.ts';

/** One stored madrasah instrument version (its head row, without the tree). */
export type MadrasahInstrumentRow = typeof instruments.$inferSelect & { tenantId: string; madrasahId: string };

function owned(row: typeof instruments.$inferSelect | undefined): MadrasahInstrumentRow | undefined {
  if (!row || row.tenantId === null || row.madrasahId === null) return undefined;
  return { ...row, tenantId: row.tenantId, madrasahId: row.madrasahId };
}

/**
 * SQL of madrasah-built instruments: rows of the instrument tables whose `tenant_id` is the
 * tenant's (official rows, tenant_id null, are never read or written here). Every method takes the
 * tenant and filters by it, on top of row-level security.
 */
export function createMadrasahInstrumentsRepository() {
  return {
    async findInstrument(q: Queryable, tenantId: string, id: string, options: { lock?: boolean } = {}): Promise<MadrasahInstrumentRow | undefined> {
      const query = q
        .select()
        .from(instruments)
        .where(and(eq(instruments.tenantId, tenantId), eq(instruments.id, id)));
      const [row] = options.lock ? await query.for('update') : await query;
      return owned(row);
    },

    /** A published version of `code` of the tenant: `version`, or the newest when omitted. */
    async findPublished(q: Queryable, tenantId: string, code: string, version?: number): Promise<MadrasahInstrumentRow | undefined> {
      const [row] = await q
        .select()
        .from(instruments)
        .where(and(eq(instruments.tenantId, tenantId), eq(instruments.code, code), eq(instruments.status, 'published'), version === undefined ? undefined : eq(instruments.version, version)))
        .orderBy(desc(instruments.version))
        .limit(1);
      return owned(row);
    },

    /** Every version of `code` of the tenant, oldest first. */
    async listVersions(q: Queryable, tenantId: string, code: string) {
      return q
        .select({ id: instruments.id, version: instruments.version, status: instruments.status, publishedAt: instruments.publishedAt })
        .from(instruments)
        .where(and(eq(instruments.tenantId, tenantId), eq(instruments.code, code)))
        .orderBy(asc(instruments.version));
    },

    /** The tenant's instruments of some madrasahs (`'all'`: every madrasah), optionally only published ones. */
    async listInstruments(q: Queryable, tenantId: string, filter: { madrasahIds: 'all' | readonly string[]; publishedOnly: boolean }): Promise<MadrasahInstrumentRow[]> {
      if (filter.madrasahIds !== 'all' && filter.madrasahIds.length === 0) return [];
      const rows = await q
        .select()
        .from(instruments)
        .where(
          and(
            eq(instruments.tenantId, tenantId),
            filter.madrasahIds === 'all' ? undefined : inArray(instruments.madrasahId, [...filter.madrasahIds]),
            filter.publishedOnly ? eq(instruments.status, 'published') : undefined,
          ),
        )
        .orderBy(asc(instruments.title), asc(instruments.code), asc(instruments.version));
      return rows.map(owned).filter((r): r is MadrasahInstrumentRow => r !== undefined);
    },

    /** The trees of some of the tenant's instruments, in the shape `buildDetails` takes. */
    async loadRows(q: Queryable, tenantId: string, heads: readonly MadrasahInstrumentRow[]): Promise<InstrumentRows> {
      const ids = heads.map((h) => h.id);
      const dimensions = await q.select().from(focusDimensions);
      if (ids.length === 0) return { instruments: [], domains: [], competencies: [], indicators: [], focusTags: [], focusDimensions: dimensions };
      // One after another: `q` is a transaction, whose single connection runs one query at a time.
      const domains = await q
        .select()
        .from(instrumentDomains)
        .where(and(eq(instrumentDomains.tenantId, tenantId), inArray(instrumentDomains.instrumentId, ids)));
      const competencies = await q
        .select()
        .from(instrumentCompetencies)
        .where(and(eq(instrumentCompetencies.tenantId, tenantId), inArray(instrumentCompetencies.instrumentId, ids)));
      const indicators = await q
        .select()
        .from(instrumentIndicators)
        .where(and(eq(instrumentIndicators.tenantId, tenantId), inArray(instrumentIndicators.instrumentId, ids)));
      const focusTags = indicators.length
        ? await q
            .select({ indicatorId: instrumentIndicatorFocus.indicatorId, focus: instrumentIndicatorFocus.focus })
            .from(instrumentIndicatorFocus)
            .where(and(eq(instrumentIndicatorFocus.tenantId, tenantId), inArray(instrumentIndicatorFocus.indicatorId, indicators.map((i) => i.id))))
        : [];
      return { instruments: [...heads], domains, competencies, indicators, focusTags, focusDimensions: dimensions };
    },

    async insertInstrument(q: Queryable, row: typeof instruments.$inferInsert & { tenantId: string; madrasahId: string }): Promise<void> {
      await q.insert(instruments).values(row);
    },

    /** Changes a draft's head row (the freeze trigger refuses it on a published version). */
    async updateInstrument(
      q: Queryable,
      tenantId: string,
      id: string,
      patch: Partial<Pick<typeof instruments.$inferInsert, 'title' | 'source' | 'scale' | 'status' | 'publishedAt' | 'updatedAt'>>,
    ): Promise<void> {
      await q
        .update(instruments)
        .set(patch)
        .where(and(eq(instruments.tenantId, tenantId), eq(instruments.id, id)));
    },

    /** Removes a draft's whole tree (children first: the foreign keys do not cascade). */
    async deleteTree(q: Queryable, tenantId: string, instrumentId: string): Promise<void> {
      await q.execute(sql`delete from instrument_indicator_focus f using instrument_indicators i
        where f.indicator_id = i.id and i.tenant_id = ${tenantId} and i.instrument_id = ${instrumentId} and f.tenant_id = ${tenantId}`);
      await q.delete(instrumentIndicators).where(and(eq(instrumentIndicators.tenantId, tenantId), eq(instrumentIndicators.instrumentId, instrumentId)));
      await q.delete(instrumentCompetencies).where(and(eq(instrumentCompetencies.tenantId, tenantId), eq(instrumentCompetencies.instrumentId, instrumentId)));
      await q.delete(instrumentDomains).where(and(eq(instrumentDomains.tenantId, tenantId), eq(instrumentDomains.instrumentId, instrumentId)));
    },

    /** Writes a draft's tree (numbered rows from `treeRowsOf`). */
    async insertTree(q: Queryable, tenantId: string, instrumentId: string, tree: TreeRows): Promise<void> {
      if (tree.domains.length) await q.insert(instrumentDomains).values(tree.domains.map((d) => ({ ...d, tenantId, instrumentId })));
      if (tree.competencies.length) await q.insert(instrumentCompetencies).values(tree.competencies.map((c) => ({ ...c, tenantId, instrumentId })));
      if (tree.indicators.length) await q.insert(instrumentIndicators).values(tree.indicators.map((i) => ({ ...i, tenantId, instrumentId })));
      if (tree.focusTags.length) await q.insert(instrumentIndicatorFocus).values(tree.focusTags.map((f) => ({ ...f, tenantId })));
    },

    async deleteInstrument(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(instruments).where(and(eq(instruments.tenantId, tenantId), eq(instruments.id, id)));
    },
  };
}

export type MadrasahInstrumentsRepository = ReturnType<typeof createMadrasahInstrumentsRepository>;
