import { isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import type { InstrumentRows } from './instruments.models.ts';
import { focusDimensions, instrumentCompetencies, instrumentDomains, instrumentIndicatorFocus, instrumentIndicators, instruments } from './instruments.tables.ts';

/**
 * SQL of the official instruments. These are reference tables shared by all tenants (no
 * `tenant_id`), so, unlike tenant repositories, the methods take no tenant.
 */
export function createInstrumentsRepository() {
  return {
    /**
     * Reads every official instrument (never a madrasah's) with its domains, competencies, indicators and focus tags,
     * in six plain selects (the whole set is a few hundred rows). Never throws for missing data:
     * an empty database gives empty lists.
     */
    async loadAll(q: Queryable): Promise<InstrumentRows> {
      // One after another: `q` may be a transaction, whose single connection runs one query at a time.
      // Official rows only (tenant_id null): madrasah-built instruments share these tables, and the
      // catalogue is shared by every tenant (it runs on the system connection, outside row-level security).
      const instrumentRows = await q.select().from(instruments).where(isNull(instruments.tenantId));
      const domains = await q.select().from(instrumentDomains).where(isNull(instrumentDomains.tenantId));
      const competencies = await q.select().from(instrumentCompetencies).where(isNull(instrumentCompetencies.tenantId));
      const indicators = await q.select().from(instrumentIndicators).where(isNull(instrumentIndicators.tenantId));
      const focusTags = await q.select().from(instrumentIndicatorFocus).where(isNull(instrumentIndicatorFocus.tenantId));
      const dimensions = await q.select().from(focusDimensions);
      return { instruments: instrumentRows, domains, competencies, indicators, focusTags, focusDimensions: dimensions };
    },
  };
}

export type InstrumentsRepository = ReturnType<typeof createInstrumentsRepository>;
