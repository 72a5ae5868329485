import { IDENTIFIER_PATTERNS, type EmploymentStatus, type Gender, type RoleGrant, type TenantKind } from '@tumbuh/shared';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../db/database.ts';
import { recordAudit } from '../modules/audit/audit.repository.ts';
import { teacherSearchText } from '../modules/people/people.models.ts';
import { createPeopleRepository } from '../modules/people/people.repository.ts';
import { hashPassword } from '../modules/tenancy/passwords.ts';
import { createTenancyRepository } from '../modules/tenancy/tenancy.repository.ts';
import { tenants } from '../modules/tenancy/tenancy.tables.ts';

/**
 * Builders shared by the demo seed and the tests, so the demo never drifts from what the tests
 * know works. Each runs inside the tenant's RLS context, like a request would.
 */
const people = createPeopleRepository();
const tenancy = createTenancyRepository();
const SYSTEM = { userId: null, label: 'system' } as const;

export interface BuiltTenant {
  id: string;
  name: string;
}

/** Creates a tenant. */
export async function buildTenant(db: Database, input: { name: string; kind: TenantKind; demo?: boolean }): Promise<BuiltTenant> {
  const id = uuidv7();
  await withTenant(db, id, async (tx) => {
    await tx.insert(tenants).values({ id, tenantId: id, name: input.name, kind: input.kind, demo: input.demo ?? false });
    await recordAudit(tx, { tenantId: id, actor: SYSTEM, action: 'tenant.create', entityType: 'tenant', entityId: id, after: input });
  });
  return { id, name: input.name };
}

/** Creates a madrasah with the MTs subject catalogue copied in. Returns its subjects by code. */
export async function buildMadrasah(
  db: Database,
  tenantId: string,
  input: { name: string; npsn?: string; nsm?: string; address?: string; city?: string; province?: string },
) {
  const id = uuidv7();
  return withTenant(db, tenantId, async (tx) => {
    await people.insertMadrasah(tx, {
      tenantId,
      id,
      name: input.name,
      npsn: input.npsn ?? null,
      nsm: input.nsm ?? null,
      address: input.address ?? null,
      city: input.city ?? null,
      province: input.province ?? null,
    });
    const copied = await people.copyCatalogue(tx, tenantId, id, uuidv7);
    await recordAudit(tx, { tenantId, actor: SYSTEM, action: 'madrasah.create', entityType: 'madrasah', entityId: id, madrasahId: id, after: input });
    return {
      id,
      name: input.name,
      subjectIdByCode: new Map(copied.subjects.map((s) => [s.code, s.id])),
      clusterIdByCode: new Map(copied.clusters.map((c) => [c.code, c.id])),
    };
  });
}

export interface TeacherInput {
  name: string;
  gender?: Gender | null;
  employmentStatus?: EmploymentStatus | null;
  nuptk?: string | null;
  nip?: string | null;
  pegId?: string | null;
  nik?: string | null;
  birthPlace?: string | null;
  birthDate?: string | null;
  ptkType?: string | null;
  extraDuties?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  active?: boolean;
  subjectIds?: string[];
}

async function insertTeacher(tx: Tx, tenantId: string, madrasahId: string, t: TeacherInput): Promise<string> {
  const id = uuidv7();
  await people.insertTeacher(tx, {
    tenantId,
    id,
    madrasahId,
    name: t.name,
    gender: t.gender ?? null,
    employmentStatus: t.employmentStatus ?? null,
    nuptk: t.nuptk ?? null,
    nip: t.nip ?? null,
    pegId: t.pegId ?? null,
    nik: t.nik ?? null,
    birthPlace: t.birthPlace ?? null,
    birthDate: t.birthDate ?? null,
    ptkType: t.ptkType ?? null,
    extraDuties: t.extraDuties ?? null,
    phone: t.phone ?? null,
    email: t.email ?? null,
    address: t.address ?? null,
    active: t.active ?? true,
    searchText: teacherSearchText(t),
  });
  if (t.subjectIds && t.subjectIds.length > 0) await people.replaceTeacherSubjects(tx, tenantId, id, t.subjectIds);
  return id;
}

/** Creates teachers of a madrasah in one transaction; returns their ids in order. */
export async function buildTeachers(db: Database, tenantId: string, madrasahId: string, list: TeacherInput[]): Promise<string[]> {
  return withTenant(db, tenantId, async (tx) => {
    const ids: string[] = [];
    for (const t of list) ids.push(await insertTeacher(tx, tenantId, madrasahId, t));
    await recordAudit(tx, { tenantId, actor: SYSTEM, action: 'teacher.bulk_create', entityType: 'teacher', entityId: null, madrasahId, after: { count: ids.length, madrasahId } });
    return ids;
  });
}

/** Creates an account with its role grants. Pass `passwordHash` to reuse one hash for many users. */
export async function buildUser(
  db: Database,
  tenantId: string,
  input: { email: string; name: string; roles: RoleGrant[]; password?: string; passwordHash?: string; teacherId?: string | null; locale?: 'id' | 'en' },
): Promise<string> {
  const id = uuidv7();
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
  await withTenant(db, tenantId, async (tx) => {
    await tenancy.insertUser(tx, { tenantId, id, email: input.email, name: input.name, passwordHash, teacherId: input.teacherId ?? null, locale: input.locale ?? 'id' });
    await tenancy.replaceGrants(tx, tenantId, id, input.roles, uuidv7);
    await recordAudit(tx, { tenantId, actor: SYSTEM, action: 'user.create', entityType: 'user', entityId: id, after: { email: input.email, roles: input.roles } });
  });
  return id;
}

/**
 * Creates a production tenant with its first madrasah and operator (`tumbuh create-tenant`).
 * Input is checked before anything is written, so a refused call leaves nothing behind.
 * @throws InvalidTenantInputError with a message for the terminal
 */
export async function createTenantWithOperator(
  db: Database,
  input: { name: string; kind: TenantKind; madrasah: { name: string; npsn?: string | undefined }; operator: { email: string; name: string; password: string } },
): Promise<{ tenantId: string; madrasahId: string; userId: string }> {
  if (!z.email().safeParse(input.operator.email).success) throw new InvalidTenantInputError(`Email tidak valid / invalid email: ${input.operator.email}`);
  if (input.madrasah.npsn && !IDENTIFIER_PATTERNS.npsn.test(input.madrasah.npsn)) throw new InvalidTenantInputError(`NPSN tidak valid / invalid NPSN: ${input.madrasah.npsn}`);
  if (await tenancy.findUserByEmailForLogin(db, input.operator.email)) throw new InvalidTenantInputError(`Email sudah dipakai / email already used: ${input.operator.email}`);
  const tenant = await buildTenant(db, { name: input.name, kind: input.kind });
  const madrasah = await buildMadrasah(db, tenant.id, { name: input.madrasah.name, ...(input.madrasah.npsn ? { npsn: input.madrasah.npsn } : {}) });
  const userId = await buildUser(db, tenant.id, {
    email: input.operator.email,
    name: input.operator.name,
    password: input.operator.password,
    roles: [{ role: 'operator', madrasahId: null }],
  });
  return { tenantId: tenant.id, madrasahId: madrasah.id, userId };
}

/** Refused input of `createTenantWithOperator`. */
export class InvalidTenantInputError extends Error {}
