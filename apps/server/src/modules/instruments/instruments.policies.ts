import type { InstrumentStatus } from '@tumbuh/shared';
import { canSeeMadrasah, hasAnyRole, type Actor } from '../tenancy/tenancy.models.ts';

/** Who builds a madrasah's instruments (create, edit, publish, new version, delete a draft): its operator or kepala madrasah. */
export function canBuildInstruments(actor: Pick<Actor, 'roles'>, madrasahId: string): boolean {
  return hasAnyRole(actor, ['operator', 'kepala_madrasah'], madrasahId);
}

/** A draft is seen by its builders only; a published version by everyone who may see the madrasah. */
export function canReadInstrument(actor: Pick<Actor, 'roles'>, instrument: { madrasahId: string; status: InstrumentStatus }): boolean {
  if (canBuildInstruments(actor, instrument.madrasahId)) return true;
  return instrument.status === 'published' && canSeeMadrasah(actor, instrument.madrasahId);
}
