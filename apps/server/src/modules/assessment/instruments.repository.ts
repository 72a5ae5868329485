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
     * Reads every official instrument with its domains, competencies, indicators and focus tags,
     * in six plain selects (the whole set is a few hundred rows). Never throws for missing data:
     * an empty database gives empty lists.
     */
    async loadAll(q: Queryable): Promise<InstrumentRows> {
      // One after another: `q` may be a transaction, whose single connection runs one query at a time.
      const instrumentRows = await q.select().from(instruments);
      const domains = await q.select().from(instrumentDomains);
      const competencies = await q.select().from(instrumentCompetencies);
      const indicators = await q.select().from(instrumentIndicators);
      const focusTags = await q.select().from(instrumentIndicatorFocus);
      const dimensions = await q.select().from(focusDimensions);
      return { instruments: instrumentRows, domains, competencies, indicators, focusTags, focusDimensions: dimensions };
    },
  };
}

export type InstrumentsRepository = ReturnType<typeof createInstrumentsRepository>;
