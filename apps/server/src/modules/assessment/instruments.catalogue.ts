import type { Queryable } from '../../db/database.ts';
import { buildCatalogue, type CatalogueEntry } from './instruments.models.ts';
import type { InstrumentsRepository } from './instruments.repository.ts';

/** The official instruments, read once from the database and kept in memory. */
export interface InstrumentCatalogue {
  /** Every published instrument; the first call reads the database, later calls answer from memory. */
  entries(): Promise<readonly CatalogueEntry[]>;
}

/**
 * A catalogue over the reference tables. They change only through migrations, which run before the
 * server starts, so the first successful read is kept for the life of the process; a failed read is
 * not kept, and the next call tries again.
 */
export function createInstrumentCatalogue(deps: { db: Queryable; instrumentsRepository: InstrumentsRepository }): InstrumentCatalogue {
  let loading: Promise<CatalogueEntry[]> | undefined;
  return {
    entries() {
      if (!loading) {
        const attempt = deps.instrumentsRepository.loadAll(deps.db).then(buildCatalogue);
        loading = attempt;
        attempt.catch(() => {
          if (loading === attempt) loading = undefined;
        });
      }
      return loading;
    },
  };
}
