import type { AssessmentSettings, PutAssessmentSettingsInput } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Queryable } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { assessmentErrors } from './assessment.errors.ts';
import { canManageSettings, DEFAULT_ASSESSMENT_SETTINGS, settingsProblems, type SettingsValues } from './assessment-settings.models.ts';
import { createAssessmentSettingsRepository, type SettingsRow } from './assessment-settings.repository.ts';

/** What the settings use cases need. */
export interface AssessmentSettingsDeps {
  db: Database;
  peopleRepository: PeopleRepository;
  clock: () => Date;
}

const repository = createAssessmentSettingsRepository();

const BAND_RULES = { 'round-half-up': 'round-half-up', floor: 'floor', exact: 'exact' } as const;

function valuesOf(row: SettingsRow): SettingsValues {
  return {
    bandRule: BAND_RULES[row.bandRule as keyof typeof BAND_RULES] ?? DEFAULT_ASSESSMENT_SETTINGS.bandRule,
    yearStartsOn: row.yearStartsOn,
    formatif: { startsOn: row.formatifStartsOn, endsOn: row.formatifEndsOn },
    sumatif: { startsOn: row.sumatifStartsOn, endsOn: row.sumatifEndsOn },
    weights: { kepala: row.weightKepala, pengawas: row.weightPengawas, peer: row.weightPeer, self: row.weightSelf },
    showCombined: row.showCombined,
  };
}

/**
 * The settings in force for a madrasah: its saved row, or the defaults. Other use cases (results,
 * period dates, the combined view) call this inside their transaction; the band rule it returns is
 * the one every result of the madrasah is computed and reported with.
 */
export async function loadSettingsValues(q: Queryable, tenantId: string, madrasahId: string): Promise<SettingsValues> {
  const found = await repository.findSettings(q, tenantId, madrasahId);
  return found ? valuesOf(found.settings) : DEFAULT_ASSESSMENT_SETTINGS;
}

async function present(q: Queryable, tenantId: string, madrasahId: string): Promise<AssessmentSettings> {
  const found = await repository.findSettings(q, tenantId, madrasahId);
  if (!found) return { madrasahId, ...DEFAULT_ASSESSMENT_SETTINGS, isDefault: true, updatedAt: null, updatedBy: null };
  return {
    madrasahId,
    ...valuesOf(found.settings),
    isDefault: false,
    updatedAt: found.settings.updatedAt.toISOString(),
    updatedBy: { userId: found.settings.updatedBy, name: found.updatedByName },
  };
}

/** The madrasah's assessment settings (anyone who sees the madrasah: they hold no scores). @throws people.madrasah_not_found */
export async function getSettings(actor: Actor, madrasahId: string, deps: AssessmentSettingsDeps): Promise<AssessmentSettings> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!canSeeMadrasah(actor, madrasahId) || !(await deps.peopleRepository.findMadrasah(tx, actor.tenantId, madrasahId))) throw peopleErrors['people.madrasah_not_found']();
    return present(tx, actor.tenantId, madrasahId);
  });
}

/**
 * Saves the madrasah's settings (kepala madrasah or operator), audited with before and after.
 * Weights that do not sum to 100, a day that does not exist in every year or a window that ends
 * before it starts are refused whole.
 * @throws people.madrasah_not_found, auth.forbidden, assessment.invalid_settings
 */
export async function putSettings(actor: Actor, input: PutAssessmentSettingsInput, deps: AssessmentSettingsDeps): Promise<AssessmentSettings> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { madrasahId, ...values } = input;
    if (!canSeeMadrasah(actor, madrasahId) || !(await deps.peopleRepository.findMadrasah(tx, actor.tenantId, madrasahId))) throw peopleErrors['people.madrasah_not_found']();
    if (!canManageSettings(actor, madrasahId)) throw commonErrors['auth.forbidden']();
    const problems = settingsProblems(values);
    if (problems.length > 0) throw assessmentErrors['assessment.invalid_settings'](problems);
    const before = await present(tx, actor.tenantId, madrasahId);
    const now = deps.clock();
    await repository.upsertSettings(tx, {
      tenantId: actor.tenantId,
      id: uuidv7(),
      madrasahId,
      bandRule: values.bandRule,
      yearStartsOn: values.yearStartsOn,
      formatifStartsOn: values.formatif.startsOn,
      formatifEndsOn: values.formatif.endsOn,
      sumatifStartsOn: values.sumatif.startsOn,
      sumatifEndsOn: values.sumatif.endsOn,
      weightKepala: values.weights.kepala,
      weightPengawas: values.weights.pengawas,
      weightPeer: values.weights.peer,
      weightSelf: values.weights.self,
      showCombined: values.showCombined,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const after = await present(tx, actor.tenantId, madrasahId);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: { userId: actor.userId, label: actor.email },
      madrasahId,
      action: 'assessment.settings.put',
      entityType: 'assessment_settings',
      entityId: madrasahId,
      before,
      after,
    });
    return after;
  });
}
