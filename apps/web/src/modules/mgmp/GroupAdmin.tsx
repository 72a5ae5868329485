import { MGMP_MEMBER_ROLES, type Me, type MgmpGroup, type MgmpGroupSummary, type MgmpMemberRole, type MgmpQuorum, type MgmpTopic } from '@tumbuh/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { useClusters, useSubjects, type ListResult } from '../../shared/people.api.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, ErrorNote, Field, Loading, MadrasahOptions, useFieldErrors } from '../../shared/ui.tsx';
import { assignRole, hasDraft, type MemberDraft } from './admin.models.ts';
import { mgmpKeys, useMgmpTopics } from './mgmp.api.ts';
import { TeacherPicker } from './TeacherPicker.tsx';

/**
 * Group administration for the madrasah's kepala and operator: a new group (per subject or
 * cluster, madrasah or district level), its settings (term, quorum), members and officers chosen
 * from the teacher registry, archiving, the archived groups, and the programme topics.
 */

const enc = encodeURIComponent;
const isRole = (v: string): v is MgmpMemberRole => MGMP_MEMBER_ROLES.some((r) => r === v);

/** Kepala madrasah or operator of the madrasah (a tenant-wide grant for a district group, madrasahId null). */
export function canAdminister(me: Me, madrasahId: string | null): boolean {
  const grants = me.roles.filter((g) => g.role === 'kepala_madrasah' || g.role === 'operator');
  return madrasahId === null ? grants.some((g) => g.madrasahId === null) : grants.some((g) => g.madrasahId === null || g.madrasahId === madrasahId);
}

/** Whether the user administers MGMP groups anywhere (shows the administration panels). */
export function administersAny(me: Me): boolean {
  return hasRole(me, 'kepala_madrasah') || hasRole(me, 'operator');
}

/** Officers first (ketua, sekretaris, bendahara), then members by name. */
function ordered(members: readonly MemberDraft[]): MemberDraft[] {
  const rank = (r: MgmpMemberRole) => MGMP_MEMBER_ROLES.indexOf(r);
  return [...members].sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name));
}

/** The member list being edited: office per member, remove, and the picker to add more. */
export function MembersEditor({ madrasahId, value, onChange }: { madrasahId: string | null; value: readonly MemberDraft[]; onChange: (next: MemberDraft[]) => void }) {
  const t = useT();
  return (
    <fieldset className="field field-wide members-editor">
      <legend>{t('mgmpAdmin.members.title')}</legend>
      <small className="hint">{t('mgmpAdmin.members.hint')}</small>
      {value.length === 0 ? (
        <p className="muted">{t('mgmpAdmin.members.empty')}</p>
      ) : (
        <ul className="item-list member-rows">
          {ordered(value).map((m) => (
            <li key={m.teacherId} className="member-row">
              <span className="item-main">{m.name}</span>
              <select aria-label={t('mgmpAdmin.members.role', { name: m.name })} value={m.role} onChange={(e) => onChange(assignRole(value, m.teacherId, isRole(e.target.value) ? e.target.value : 'anggota'))}>
                {MGMP_MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`mgmp.role.${r}`)}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-small btn-touch" aria-label={t('mgmpAdmin.members.removeLabel', { name: m.name })} onClick={() => onChange(value.filter((x) => x.teacherId !== m.teacherId))}>
                {t('mgmpAdmin.members.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('mgmpAdmin.members.count', { count: value.length })}</p>
      <TeacherPicker
        madrasahId={madrasahId}
        chosenIds={value.map((m) => m.teacherId)}
        onAdd={(x) => onChange([...value, { ...x, role: 'anggota' }])}
        texts={{
          search: t('mgmpAdmin.members.search'),
          hint: t('mgmpAdmin.members.searchHint'),
          noResults: t('mgmpAdmin.members.noResults'),
          already: t('mgmpAdmin.members.already'),
          add: t('mgmpAdmin.members.add'),
          addLabel: (name) => t('mgmpAdmin.members.addLabel', { name }),
        }}
      />
    </fieldset>
  );
}

type Basis = 'subject' | 'cluster' | 'none';
interface GroupFields {
  name: string;
  basis: string;
  subjectId: string;
  clusterId: string;
  termStart: string;
  termEnd: string;
  quorumKind: string;
  numerator: string;
  denominator: string;
}

function quorumOf(v: GroupFields): MgmpQuorum {
  return v.quorumKind === 'fraction' ? { kind: 'fraction', numerator: Number(v.numerator), denominator: Number(v.denominator) } : { kind: 'majority' };
}

function basisOf(v: GroupFields): { subjectId: string | null; clusterId: string | null } {
  const basis = v.basis as Basis;
  return { subjectId: basis === 'subject' && v.subjectId ? v.subjectId : null, clusterId: basis === 'cluster' && v.clusterId ? v.clusterId : null };
}

/** Name, subject / cluster, term and quorum fields (shared by the new-group and settings forms). */
function GroupFieldset({ madrasahId, v, set, errors }: { madrasahId: string | null; v: GroupFields; set: <K extends keyof GroupFields>(k: K, value: GroupFields[K]) => void; errors: Record<string, string> }) {
  const t = useT();
  const subjects = useSubjects(madrasahId ?? undefined);
  const clusters = useClusters(madrasahId ?? undefined);
  return (
    <>
      <Field label={t('mgmpAdmin.group.name')} hint={t('mgmpAdmin.group.nameHint')} required error={errors.name}>
        {(p) => <input {...p} value={v.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label={t('mgmpAdmin.group.basis')}>
        {(p) => (
          <select {...p} value={v.basis} onChange={(e) => set('basis', e.target.value)}>
            <option value="subject">{t('mgmpAdmin.group.basisSubject')}</option>
            <option value="cluster">{t('mgmpAdmin.group.basisCluster')}</option>
            <option value="none">{t('mgmpAdmin.group.basisNone')}</option>
          </select>
        )}
      </Field>
      {v.basis === 'subject' && (
        <Field label={t('mgmpAdmin.group.subject')} error={errors.subjectId}>
          {(p) => (
            <select {...p} value={v.subjectId} onChange={(e) => set('subjectId', e.target.value)}>
              <option value="">{t('mgmpAdmin.group.choose')}</option>
              {(subjects.data?.items ?? []).filter((s) => s.active).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {v.basis === 'cluster' && (
        <Field label={t('mgmpAdmin.group.cluster')} error={errors.clusterId}>
          {(p) => (
            <select {...p} value={v.clusterId} onChange={(e) => set('clusterId', e.target.value)}>
              <option value="">{t('mgmpAdmin.group.choose')}</option>
              {(clusters.data?.items ?? []).filter((c) => c.active).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('mgmpAdmin.group.termStart')} required error={errors.termStart}>
        {(p) => <input {...p} type="date" value={v.termStart} onChange={(e) => set('termStart', e.target.value)} />}
      </Field>
      <Field label={t('mgmpAdmin.group.termEnd')} required error={errors.termEnd}>
        {(p) => <input {...p} type="date" value={v.termEnd} onChange={(e) => set('termEnd', e.target.value)} />}
      </Field>
      <Field label={t('mgmpAdmin.group.quorum')} error={errors.quorum}>
        {(p) => (
          <select {...p} value={v.quorumKind} onChange={(e) => set('quorumKind', e.target.value)}>
            <option value="majority">{t('mgmpAdmin.group.quorumMajority')}</option>
            <option value="fraction">{t('mgmpAdmin.group.quorumFraction')}</option>
          </select>
        )}
      </Field>
      {v.quorumKind === 'fraction' && (
        <div className="field quorum-fraction">
          <div className="inline-fields">
            <Field label={t('mgmpAdmin.group.numerator')}>{(p) => <input {...p} type="number" inputMode="numeric" min={1} max={100} value={v.numerator} onChange={(e) => set('numerator', e.target.value)} />}</Field>
            <Field label={t('mgmpAdmin.group.denominator')}>{(p) => <input {...p} type="number" inputMode="numeric" min={1} max={100} value={v.denominator} onChange={(e) => set('denominator', e.target.value)} />}</Field>
          </div>
          <small className="hint">{t('mgmpAdmin.group.quorumFractionHint')}</small>
        </div>
      )}
    </>
  );
}

/** "Kelompok MGMP baru" on the groups page: fields, members and officers in one form; kept on the device until it is sent. */
export function NewGroupForm() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const madrasahs = me.madrasahs.filter((m) => canAdminister(me, m.id));
  const tenantLevel = canAdminister(me, null);
  const year = new Date().getFullYear();
  const draft = useDraft('mgmp.group.new', {
    madrasahId: madrasahs[0]?.id ?? '',
    name: '',
    basis: 'subject',
    subjectId: '',
    clusterId: '',
    termStart: `${year}-07-01`,
    termEnd: `${year + 2}-06-30`,
    quorumKind: 'majority',
    numerator: '2',
    denominator: '3',
    members: [] as MemberDraft[],
  });
  const v = draft.values;
  const madrasahId = v.madrasahId === '' ? null : v.madrasahId;
  const create = useMutation({
    mutationFn: () =>
      api<MgmpGroup>('POST', '/mgmp/groups', {
        body: {
          madrasahId,
          name: v.name,
          ...basisOf(v),
          termStart: v.termStart,
          termEnd: v.termEnd,
          quorum: quorumOf(v),
          members: v.members.map((m) => ({ teacherId: m.teacherId, role: m.role })),
        },
      }),
    onSuccess: (group) => {
      draft.clear();
      queryClient.setQueryData(mgmpKeys.group(group.id), group);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.groups });
      void navigate(`/mgmp/${group.id}`);
    },
  });
  const errors = useFieldErrors(create.error);
  if (madrasahs.length === 0 && !tenantLevel) return null;
  return (
    <details className="card section new-group" open={draft.restored || undefined}>
      <summary>
        <h2>{t('mgmpAdmin.group.newTitle')}</h2>
      </summary>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
        <Field label={t('mgmpAdmin.group.level')} error={errors.madrasahId}>
          {(p) => (
            <select
              {...p}
              value={v.madrasahId}
              onChange={(e) => {
                draft.set('madrasahId', e.target.value);
                draft.set('subjectId', '');
                draft.set('clusterId', '');
              }}
            >
              <MadrasahOptions madrasahs={madrasahs} />
              {tenantLevel && <option value="">{t('mgmpAdmin.group.levelTenant')}</option>}
            </select>
          )}
        </Field>
        <GroupFieldset madrasahId={madrasahId} v={v} set={draft.set} errors={errors} />
        <MembersEditor madrasahId={madrasahId} value={v.members} onChange={(next) => draft.set('members', next)} />
        <ErrorNote error={create.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={create.isPending}>
          {t('mgmpAdmin.group.create')}
        </button>
      </form>
    </details>
  );
}

function fieldsOf(group: MgmpGroup): GroupFields {
  return {
    name: group.name,
    basis: group.subjectId ? 'subject' : group.clusterId ? 'cluster' : 'none',
    subjectId: group.subjectId ?? '',
    clusterId: group.clusterId ?? '',
    termStart: group.termStart,
    termEnd: group.termEnd,
    quorumKind: group.quorum.kind,
    numerator: group.quorum.kind === 'fraction' ? String(group.quorum.numerator) : '2',
    denominator: group.quorum.kind === 'fraction' ? String(group.quorum.denominator) : '3',
  };
}

/** On the group page, for its kepala / operator: settings, members and officers, archive. */
export function GroupAdminSection({ group }: { group: MgmpGroup }) {
  const t = useT();
  const me = useMe();
  if (!canAdminister(me, group.madrasahId)) return null;
  if (group.archived)
    return (
      <div className="note section">
        <p>{t('mgmpAdmin.group.archivedNote')}</p>
        <UnarchiveGroup group={group} />
      </div>
    );
  return (
    <details className="card section group-admin" open={hasDraft(`mgmp.group.edit.${group.id}`) || hasDraft(`mgmp.group.members.${group.id}`) || undefined}>
      <summary>
        <h2>{t('mgmpAdmin.group.settings')}</h2>
      </summary>
      <GroupSettings group={group} />
      <GroupMembers group={group} />
      <ArchiveGroup group={group} />
    </details>
  );
}

function useGroupSaved(groupId: string) {
  const queryClient = useQueryClient();
  return (fresh: MgmpGroup) => {
    queryClient.setQueryData(mgmpKeys.group(groupId), fresh);
    void queryClient.invalidateQueries({ queryKey: mgmpKeys.groups });
    void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(groupId) });
  };
}

function GroupSettings({ group }: { group: MgmpGroup }) {
  const t = useT();
  const saved = useGroupSaved(group.id);
  const draft = useDraft<GroupFields>(`mgmp.group.edit.${group.id}`, fieldsOf(group));
  const v = draft.values;
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () => api<MgmpGroup>('PATCH', `/mgmp/groups/${enc(group.id)}`, { body: { name: v.name, ...basisOf(v), termStart: v.termStart, termEnd: v.termEnd, quorum: quorumOf(v) } }),
    onSuccess: (fresh) => {
      draft.clear(fieldsOf(fresh));
      setDone(true);
      saved(fresh);
    },
  });
  const errors = useFieldErrors(save.error);
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        save.mutate();
      }}
    >
      {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
      <GroupFieldset madrasahId={group.madrasahId} v={v} set={draft.set} errors={errors} />
      <ErrorNote error={save.error} />
      {done && (
        <p className="note note-ok" role="status">
          {t('mgmpAdmin.saved')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('mgmpAdmin.group.saveSettings')}
      </button>
    </form>
  );
}

function GroupMembers({ group }: { group: MgmpGroup }) {
  const t = useT();
  const saved = useGroupSaved(group.id);
  const current: MemberDraft[] = group.members.map((m) => ({ teacherId: m.teacherId, name: m.name, role: m.role }));
  const draft = useDraft(`mgmp.group.members.${group.id}`, { members: current });
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () => api<MgmpGroup>('PUT', `/mgmp/groups/${enc(group.id)}/members`, { body: { members: draft.values.members.map((m) => ({ teacherId: m.teacherId, role: m.role })) } }),
    onSuccess: (fresh) => {
      draft.clear({ members: fresh.members.map((m) => ({ teacherId: m.teacherId, name: m.name, role: m.role })) });
      setDone(true);
      saved(fresh);
    },
  });
  return (
    <form
      className="form-grid members-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        save.mutate();
      }}
    >
      {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
      <MembersEditor
        madrasahId={group.madrasahId}
        value={draft.values.members}
        onChange={(next) => {
          setDone(false);
          draft.set('members', next);
        }}
      />
      <ErrorNote error={save.error} />
      {done && (
        <p className="note note-ok" role="status">
          {t('mgmpAdmin.saved')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('mgmpAdmin.members.save')}
      </button>
    </form>
  );
}

function ArchiveGroup({ group }: { group: MgmpGroup }) {
  const t = useT();
  const saved = useGroupSaved(group.id);
  const archive = useMutation({
    mutationFn: () => api<MgmpGroup>('POST', `/mgmp/groups/${enc(group.id)}/archive`),
    onSuccess: saved,
  });
  return (
    <div className="actions section">
      <ConfirmButton label={t('mgmpAdmin.group.archive')} message={t('mgmpAdmin.group.archiveConfirm')} className="btn btn-danger" disabled={archive.isPending} onConfirm={() => archive.mutate()} />
      <ErrorNote error={archive.error} />
    </div>
  );
}

/** Takes an archived group out of the archive (kepala / operator): it can be changed again. */
function UnarchiveGroup({ group }: { group: MgmpGroup }) {
  const t = useT();
  const saved = useGroupSaved(group.id);
  const unarchive = useMutation({
    mutationFn: () => api<MgmpGroup>('POST', `/mgmp/groups/${enc(group.id)}/unarchive`),
    onSuccess: saved,
  });
  return (
    <div className="actions">
      <ConfirmButton label={t('mgmpAdmin.group.unarchive')} message={t('mgmpAdmin.group.unarchiveConfirm')} className="btn" disabled={unarchive.isPending} onConfirm={() => unarchive.mutate()} />
      <ErrorNote error={unarchive.error} />
    </div>
  );
}

/** The archived groups, apart from the active ones (read-only records). */
export function ArchivedGroups() {
  const t = useT();
  const archived = useQuery({
    queryKey: [...mgmpKeys.groups, 'archived'],
    queryFn: ({ signal }) => api<ListResult<MgmpGroupSummary>>('GET', '/mgmp/groups', { query: { limit: 200, archived: 'true' }, signal }),
    placeholderData: keepPreviousData,
  });
  const items = archived.data?.items ?? [];
  return (
    <details className="card section archived-groups">
      <summary>
        <h2>{t('mgmpAdmin.group.archivedTitle', { count: archived.data?.total ?? 0 })}</h2>
      </summary>
      {archived.isPending ? (
        <Loading />
      ) : archived.error ? (
        <ErrorNote error={archived.error} onRetry={() => void archived.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('mgmpAdmin.group.noArchived')}</p>
      ) : (
        <ul className="item-list">
          {items.map((g) => (
            <li key={g.id}>
              <span className="item-main">{g.access === 'exists' ? <strong>{g.name}</strong> : <Link to={`/mgmp/${g.id}`}>{g.name}</Link>}</span>
              <span className="badge badge-warn">{t('mgmp.archived')}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** The topic list of the programme, which the madrasah's kepala / operator extends. */
export function TopicAdmin() {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const madrasahs = me.madrasahs.filter((m) => canAdminister(me, m.id));
  const tenantLevel = canAdminister(me, null);
  const draft = useDraft('mgmp.topic.new', { name: '', madrasahId: madrasahs[0]?.id ?? '' });
  const v = draft.values;
  const topics = useMgmpTopics(null, true);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api<MgmpTopic>('POST', '/mgmp/topics', { body: { madrasahId: v.madrasahId === '' ? null : v.madrasahId, name: v.name } }),
    onSuccess: (topic) => {
      draft.clear({ name: '', madrasahId: v.madrasahId });
      setAdded(topic.name);
      void queryClient.invalidateQueries({ queryKey: ['mgmp', 'topics'] });
    },
  });
  const errors = useFieldErrors(add.error);
  if (madrasahs.length === 0 && !tenantLevel) return null;
  return (
    <details className="card section topic-admin" open={draft.restored || undefined}>
      <summary>
        <h2>{t('mgmpAdmin.topics.title')}</h2>
      </summary>
      <p className="muted small">{t('mgmpAdmin.topics.intro')}</p>
      {topics.isPending ? (
        <Loading />
      ) : topics.error ? (
        <ErrorNote error={topics.error} onRetry={() => void topics.refetch()} />
      ) : (
        <ul className="chips topic-list">
          {topics.data.items.map((topic) => (
            <li key={topic.id} className="chip">
              {topic.name} {topic.code && <span className="muted small">({t('mgmpAdmin.topics.defaultBadge')})</span>}
            </li>
          ))}
        </ul>
      )}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(null);
          add.mutate();
        }}
      >
        {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
        <Field label={t('mgmpAdmin.topics.name')} required error={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => draft.set('name', e.target.value)} />}
        </Field>
        {(madrasahs.length > 1 || tenantLevel) && (
          <Field label={t('mgmpAdmin.topics.madrasah')} error={errors.madrasahId}>
            {(p) => (
              <select {...p} value={v.madrasahId} onChange={(e) => draft.set('madrasahId', e.target.value)}>
                <MadrasahOptions madrasahs={madrasahs} />
                {tenantLevel && <option value="">{t('mgmpAdmin.topics.allMadrasahs')}</option>}
              </select>
            )}
          </Field>
        )}
        <ErrorNote error={add.error} />
        {added && (
          <p className="note note-ok" role="status">
            {t('mgmpAdmin.topics.added', { name: added })}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={add.isPending || v.name.trim() === ''}>
          {t('mgmpAdmin.topics.add')}
        </button>
      </form>
    </details>
  );
}
