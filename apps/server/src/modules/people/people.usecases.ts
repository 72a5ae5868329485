import type {
  Cluster,
  CreateTeacherInput,
  Madrasah,
  Subject,
  TeacherDetail,
  TeacherListQuery,
  TeacherSummary,
  UpdateTeacherInput,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canManagePeople, canSeeMadrasah, canSeeRestrictedTeacherData, visibleMadrasahIds, type Actor } from '../tenancy/tenancy.models.ts';
import { peopleErrors } from './people.errors.ts';
import { teacherSearchText } from './people.models.ts';
import type { ClusterRow, MadrasahRow, PeopleRepository, SubjectRow, TeacherRow, TeacherSummaryRow } from './people.repository.ts';

interface Deps {
  db: Database;
  peopleRepository: PeopleRepository;
}

type ListInput = { q?: string | undefined; limit: number; offset: number };

const auditActor = (actor: Actor) => ({ userId: actor.userId, label: actor.email });

// ---------- presenters ----------
export function presentMadrasah(m: MadrasahRow): Madrasah {
  return { id: m.id, name: m.name, npsn: m.npsn, nsm: m.nsm, address: m.address, city: m.city, province: m.province };
}
export function presentCluster(c: ClusterRow): Cluster {
  return { id: c.id, madrasahId: c.madrasahId, code: c.code, name: c.name, active: c.active };
}
export function presentSubject(s: SubjectRow): Subject {
  return {
    id: s.id,
    madrasahId: s.madrasahId,
    code: s.code,
    name: s.name,
    clusterId: s.clusterId,
    curriculum: s.curriculum === 'merdeka' || s.curriculum === 'k13' ? s.curriculum : 'both',
    active: s.active,
  };
}
type SubjectRef = TeacherSummary['subjects'][number];
function presentTeacherSummary(t: TeacherSummaryRow, subjects: SubjectRef[]): TeacherSummary {
  return {
    id: t.id,
    madrasahId: t.madrasahId,
    name: t.name,
    gender: t.gender === 'L' || t.gender === 'P' ? t.gender : null,
    employmentStatus: (t.employmentStatus as TeacherSummary['employmentStatus']) ?? null,
    subjects,
    active: t.active,
  };
}
function presentTeacherDetail(t: TeacherRow, subjects: SubjectRef[], showRestricted: boolean): TeacherDetail {
  const hide = <T>(v: T): T | null => (showRestricted ? v : null);
  return {
    ...presentTeacherSummary(t, subjects),
    nuptk: t.nuptk,
    nip: hide(t.nip),
    pegId: t.pegId,
    nik: hide(t.nik),
    birthPlace: hide(t.birthPlace),
    birthDate: hide(t.birthDate),
    ptkType: t.ptkType,
    extraDuties: t.extraDuties,
    phone: hide(t.phone),
    email: hide(t.email),
    address: hide(t.address),
    restricted: !showRestricted,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

// ---------- madrasahs ----------
/** Madrasahs the actor can see (a pengawas: only those assigned). */
export async function listMadrasahs(actor: Actor, query: ListInput, deps: Deps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.peopleRepository.listMadrasahs(tx, actor.tenantId, { ids: visibleMadrasahIds(actor), ...query });
    return { items: page.items.map(presentMadrasah), total: page.total };
  });
}

/** One madrasah. @throws people.madrasah_not_found (also when outside the actor's scope) */
export async function getMadrasah(actor: Actor, id: string, deps: Deps): Promise<Madrasah> {
  return withTenant(deps.db, actor.tenantId, async (tx) => presentMadrasah(await requireMadrasah(tx, actor, id, deps)));
}

async function requireMadrasah(tx: Tx, actor: Actor, id: string, deps: Deps): Promise<MadrasahRow> {
  const m = await deps.peopleRepository.findMadrasah(tx, actor.tenantId, id);
  if (!m || !canSeeMadrasah(actor, m.id)) throw peopleErrors['people.madrasah_not_found']();
  return m;
}

function requireManager(actor: Actor, madrasahId: string) {
  if (!canManagePeople(actor, madrasahId)) throw commonErrors['auth.forbidden']();
}

// ---------- clusters ----------
/** Clusters (rumpun) of the madrasahs the actor can see. */
export async function listClusters(actor: Actor, query: ListInput & { madrasahId?: string | undefined }, deps: Deps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.peopleRepository.listClusters(tx, actor.tenantId, { ids: visibleMadrasahIds(actor), ...query });
    return { items: page.items.map(presentCluster), total: page.total };
  });
}

/** Creates a cluster. @throws people.madrasah_not_found, people.code_taken, auth.forbidden */
export async function createCluster(actor: Actor, input: { madrasahId: string; code: string; name: string }, deps: Deps): Promise<Cluster> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    await requireMadrasah(tx, actor, input.madrasahId, deps);
    requireManager(actor, input.madrasahId);
    if (await deps.peopleRepository.codeTaken(tx, 'clusters', actor.tenantId, input.madrasahId, input.code)) throw peopleErrors['people.code_taken']();
    const row = { tenantId: actor.tenantId, id: uuidv7(), madrasahId: input.madrasahId, code: input.code, name: input.name, active: true, createdAt: new Date() };
    await deps.peopleRepository.insertCluster(tx, row);
    await recordAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'cluster.create', entityType: 'cluster', entityId: row.id, madrasahId: row.madrasahId, after: presentCluster(row) });
    return presentCluster(row);
  });
}

/** Changes or (active:false) deactivates a cluster. @throws people.cluster_not_found, people.code_taken, auth.forbidden */
export async function updateCluster(actor: Actor, id: string, patch: { code?: string | undefined; name?: string | undefined; active?: boolean | undefined }, deps: Deps): Promise<Cluster> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const before = await deps.peopleRepository.findCluster(tx, actor.tenantId, id);
    if (!before || !canSeeMadrasah(actor, before.madrasahId)) throw peopleErrors['people.cluster_not_found']();
    requireManager(actor, before.madrasahId);
    if (patch.code && (await deps.peopleRepository.codeTaken(tx, 'clusters', actor.tenantId, before.madrasahId, patch.code, id))) throw peopleErrors['people.code_taken']();
    await deps.peopleRepository.updateCluster(tx, actor.tenantId, id, patch);
    const after = await deps.peopleRepository.findCluster(tx, actor.tenantId, id);
    if (!after) throw peopleErrors['people.cluster_not_found']();
    await recordAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'cluster.update', entityType: 'cluster', entityId: id, madrasahId: before.madrasahId, before: presentCluster(before), after: presentCluster(after) });
    return presentCluster(after);
  });
}

// ---------- subjects ----------
/** Subjects of the madrasahs the actor can see. */
export async function listSubjects(actor: Actor, query: ListInput & { madrasahId?: string | undefined; active?: 'true' | 'false' | undefined }, deps: Deps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.peopleRepository.listSubjects(tx, actor.tenantId, { ids: visibleMadrasahIds(actor), ...query });
    return { items: page.items.map(presentSubject), total: page.total };
  });
}

async function requireClusterOf(tx: Tx, actor: Actor, clusterId: string | null | undefined, madrasahId: string, deps: Deps) {
  if (!clusterId) return;
  const c = await deps.peopleRepository.findCluster(tx, actor.tenantId, clusterId);
  if (!c || c.madrasahId !== madrasahId) throw peopleErrors['people.cluster_not_found']();
}

/** Creates a subject. @throws people.madrasah_not_found, people.cluster_not_found, people.code_taken, auth.forbidden */
export async function createSubject(
  actor: Actor,
  input: { madrasahId: string; code: string; name: string; clusterId?: string | null | undefined; curriculum: Subject['curriculum'] },
  deps: Deps,
): Promise<Subject> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    await requireMadrasah(tx, actor, input.madrasahId, deps);
    requireManager(actor, input.madrasahId);
    await requireClusterOf(tx, actor, input.clusterId, input.madrasahId, deps);
    if (await deps.peopleRepository.codeTaken(tx, 'subjects', actor.tenantId, input.madrasahId, input.code)) throw peopleErrors['people.code_taken']();
    const row = {
      tenantId: actor.tenantId,
      id: uuidv7(),
      madrasahId: input.madrasahId,
      code: input.code,
      name: input.name,
      clusterId: input.clusterId ?? null,
      curriculum: input.curriculum,
      active: true,
      createdAt: new Date(),
    };
    await deps.peopleRepository.insertSubject(tx, row);
    await recordAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'subject.create', entityType: 'subject', entityId: row.id, madrasahId: row.madrasahId, after: presentSubject(row) });
    return presentSubject(row);
  });
}

/** Changes or deactivates a subject. @throws people.subject_not_found, people.cluster_not_found, people.code_taken, auth.forbidden */
export async function updateSubject(
  actor: Actor,
  id: string,
  patch: { code?: string | undefined; name?: string | undefined; clusterId?: string | null | undefined; curriculum?: Subject['curriculum'] | undefined; active?: boolean | undefined },
  deps: Deps,
): Promise<Subject> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const before = await deps.peopleRepository.findSubject(tx, actor.tenantId, id);
    if (!before || !canSeeMadrasah(actor, before.madrasahId)) throw peopleErrors['people.subject_not_found']();
    requireManager(actor, before.madrasahId);
    await requireClusterOf(tx, actor, patch.clusterId, before.madrasahId, deps);
    if (patch.code && (await deps.peopleRepository.codeTaken(tx, 'subjects', actor.tenantId, before.madrasahId, patch.code, id))) throw peopleErrors['people.code_taken']();
    await deps.peopleRepository.updateSubject(tx, actor.tenantId, id, patch);
    const after = await deps.peopleRepository.findSubject(tx, actor.tenantId, id);
    if (!after) throw peopleErrors['people.subject_not_found']();
    await recordAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'subject.update', entityType: 'subject', entityId: id, madrasahId: before.madrasahId, before: presentSubject(before), after: presentSubject(after) });
    return presentSubject(after);
  });
}

// ---------- teachers ----------
/** Teachers of the madrasahs the actor can see; colleagues' restricted data is never listed. */
export async function listTeachers(actor: Actor, query: TeacherListQuery, deps: Deps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.peopleRepository.listTeachers(tx, actor.tenantId, { ...query, madrasahIds: visibleMadrasahIds(actor) });
    const subjects = await deps.peopleRepository.subjectsOfTeachers(tx, actor.tenantId, page.items.map((t) => t.id));
    return {
      items: page.items.map((t) => presentTeacherSummary(t, subjects.filter((s) => s.teacherId === t.id).map(({ id, name, clusterId }) => ({ id, name, clusterId })))),
      total: page.total,
    };
  });
}

async function loadTeacher(tx: Tx, actor: Actor, id: string, deps: Deps) {
  const t = await deps.peopleRepository.findTeacher(tx, actor.tenantId, id);
  if (!t || !canSeeMadrasah(actor, t.madrasahId)) throw peopleErrors['people.teacher_not_found']();
  const subjects = (await deps.peopleRepository.subjectsOfTeachers(tx, actor.tenantId, [id])).map(({ id: sid, name, clusterId }) => ({ id: sid, name, clusterId }));
  return { teacher: t, subjects };
}

/** One teacher; a guru sees a colleague without NIK, NIP, birth data or contact. @throws people.teacher_not_found */
export async function getTeacher(actor: Actor, id: string, deps: Deps): Promise<TeacherDetail> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { teacher, subjects } = await loadTeacher(tx, actor, id, deps);
    return presentTeacherDetail(teacher, subjects, canSeeRestrictedTeacherData(actor, teacher));
  });
}

async function checkSubjects(tx: Tx, actor: Actor, madrasahId: string, subjectIds: string[] | undefined, deps: Deps) {
  if (!subjectIds || subjectIds.length === 0) return;
  const found = await deps.peopleRepository.findSubjectsByIds(tx, actor.tenantId, [...new Set(subjectIds)]);
  if (found.length !== new Set(subjectIds).size || found.some((s) => s.madrasahId !== madrasahId)) throw peopleErrors['people.subject_not_found']();
}

async function checkIdentifiers(tx: Tx, actor: Actor, ids: { nuptk?: string | null | undefined; nip?: string | null | undefined; pegId?: string | null | undefined; nik?: string | null | undefined }, deps: Deps, exceptId?: string) {
  const clash = await deps.peopleRepository.findIdentifierClash(tx, actor.tenantId, ids, exceptId);
  if (clash) throw peopleErrors['people.duplicate_identifier']();
}

/** Adds a teacher. @throws people.madrasah_not_found, people.subject_not_found, people.duplicate_identifier, auth.forbidden */
export async function createTeacher(actor: Actor, input: CreateTeacherInput, deps: Deps): Promise<TeacherDetail> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    await requireMadrasah(tx, actor, input.madrasahId, deps);
    requireManager(actor, input.madrasahId);
    await checkSubjects(tx, actor, input.madrasahId, input.subjectIds, deps);
    await checkIdentifiers(tx, actor, input, deps);
    const { subjectIds, ...fields } = input;
    const id = uuidv7();
    await deps.peopleRepository.insertTeacher(tx, {
      tenantId: actor.tenantId,
      id,
      madrasahId: fields.madrasahId,
      name: fields.name,
      gender: fields.gender ?? null,
      employmentStatus: fields.employmentStatus ?? null,
      nuptk: fields.nuptk ?? null,
      nip: fields.nip ?? null,
      pegId: fields.pegId ?? null,
      nik: fields.nik ?? null,
      birthPlace: fields.birthPlace ?? null,
      birthDate: fields.birthDate ?? null,
      ptkType: fields.ptkType ?? null,
      extraDuties: fields.extraDuties ?? null,
      phone: fields.phone ?? null,
      email: fields.email ?? null,
      address: fields.address ?? null,
      searchText: teacherSearchText(fields),
    });
    await deps.peopleRepository.replaceTeacherSubjects(tx, actor.tenantId, id, subjectIds ?? []);
    const { teacher, subjects } = await loadTeacher(tx, actor, id, deps);
    const after = presentTeacherDetail(teacher, subjects, true);
    await recordAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'teacher.create', entityType: 'teacher', entityId: id, madrasahId: teacher.madrasahId, after });
    return after;
  });
}

/** Changes a teacher (also `active`). @throws people.teacher_not_found, people.subject_not_found, people.duplicate_identifier, auth.forbidden */
export async function updateTeacher(actor: Actor, id: string, patch: UpdateTeacherInput, deps: Deps): Promise<TeacherDetail> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { teacher: beforeRow, subjects: beforeSubjects } = await loadTeacher(tx, actor, id, deps);
    requireManager(actor, beforeRow.madrasahId);
    await checkSubjects(tx, actor, beforeRow.madrasahId, patch.subjectIds, deps);
    await checkIdentifiers(tx, actor, patch, deps, id);
    const { subjectIds, ...fields } = patch;
    const merged = { ...beforeRow, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    await deps.peopleRepository.updateTeacher(tx, actor.tenantId, id, {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      searchText: teacherSearchText(merged),
    });
    if (subjectIds) await deps.peopleRepository.replaceTeacherSubjects(tx, actor.tenantId, id, subjectIds);
    const { teacher, subjects } = await loadTeacher(tx, actor, id, deps);
    const before = presentTeacherDetail(beforeRow, beforeSubjects, true);
    const after = presentTeacherDetail(teacher, subjects, true);
    await recordAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'teacher.update', entityType: 'teacher', entityId: id, madrasahId: beforeRow.madrasahId, before, after });
    return after;
  });
}

/** Deactivates a teacher (nothing is erased: their history stays). */
export async function deactivateTeacher(actor: Actor, id: string, deps: Deps): Promise<TeacherDetail> {
  return updateTeacher(actor, id, { active: false }, deps);
}
