import { CURRICULA, type Cluster, type Curriculum, type Subject } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { useClusters, useSubjects } from '../../shared/people.api.ts';
import { can } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, ErrorNote, Field, Loading, StatusBadge, useFieldErrors, MadrasahOptions } from '../../shared/ui.tsx';

/** Which editor is open: none, a new item, or an existing one. */
type Editing<T> = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; item: T };

export function SubjectsPage() {
  const t = useT();
  const me = useMe();
  const [madrasahId, setMadrasahId] = useState(me.madrasahs[0]?.id ?? '');
  const operator = can(me, 'manageSubjects', madrasahId);

  return (
    <section className="page">
      <h1>{t('subjects.title')}</h1>
      {me.madrasahs.length > 1 && (
        <div className="toolbar">
          <Field label={t('common.madrasah')}>
            {(p) => (
              <select {...p} value={madrasahId} onChange={(e) => setMadrasahId(e.target.value)}>
                <MadrasahOptions madrasahs={me.madrasahs} />
              </select>
            )}
          </Field>
        </div>
      )}
      <div className="two-col">
        <ClustersSection madrasahId={madrasahId} operator={operator} />
        <SubjectsSection madrasahId={madrasahId} operator={operator} />
      </div>
    </section>
  );
}

function ClustersSection({ madrasahId, operator }: { madrasahId: string; operator: boolean }) {
  const t = useT();
  const clusters = useClusters(madrasahId || undefined);
  const [editing, setEditing] = useState<Editing<Cluster>>({ mode: 'closed' });
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (c: Cluster) => api<Cluster>('PATCH', `/clusters/${c.id}`, { body: { active: !c.active } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['clusters'] }),
  });
  return (
    <div className="card section">
      <div className="section-head">
        <div>
          <h2>{t('subjects.clustersHeading')}</h2>
          {clusters.data && <p className="muted small">{t('subjects.countClusters', { total: clusters.data.total })}</p>}
        </div>
        {operator && editing.mode === 'closed' && (
          <button type="button" className="btn btn-small btn-primary" onClick={() => setEditing({ mode: 'new' })}>
            {t('subjects.addCluster')}
          </button>
        )}
      </div>
      {editing.mode !== 'closed' && (
        <ClusterEditor
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          madrasahId={madrasahId}
          cluster={editing.mode === 'edit' ? editing.item : undefined}
          onDone={() => setEditing({ mode: 'closed' })}
        />
      )}
      <ErrorNote error={clusters.error ?? toggle.error} />
      {clusters.isPending ? (
        <Loading />
      ) : (
        <ul className="item-list">
          {clusters.data?.items.length === 0 && <li className="empty">{t('common.empty')}</li>}
          {clusters.data?.items.map((c) => (
            <li key={c.id} className={c.active ? '' : 'is-inactive'}>
              <div className="item-main">
                <strong>{c.name}</strong>
                <span className="muted small">
                  {c.code} {!c.active && <StatusBadge active={false} />}
                </span>
              </div>
              {operator && (
                <ItemActions
                  name={c.name}
                  active={c.active}
                  confirmMessage={t('subjects.deactivateClusterConfirm', { name: c.name })}
                  onEdit={() => setEditing({ mode: 'edit', item: c })}
                  onToggle={() => toggle.mutate(c)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ClusterEditor({ madrasahId, cluster, onDone }: { madrasahId: string; cluster?: Cluster; onDone: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft(`cluster.${cluster?.id ?? `new.${madrasahId}`}`, { code: cluster?.code ?? '', name: cluster?.name ?? '' });
  const save = useMutation({
    mutationFn: () =>
      cluster
        ? api<Cluster>('PATCH', `/clusters/${cluster.id}`, { body: draft.values })
        : api<Cluster>('POST', '/clusters', { body: { madrasahId, ...draft.values } }),
    onSuccess: () => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['clusters'] });
      void queryClient.invalidateQueries({ queryKey: ['counts'] });
      onDone();
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={cluster ? t('subjects.editCluster') : t('subjects.addCluster')}>
      <h3>{cluster ? t('subjects.editCluster') : t('subjects.addCluster')}</h3>
      <ErrorNote error={Object.keys(errors).length ? null : save.error} />
      <div className="form-grid">
        <Field label={t('common.code')} required error={errors.code}>
          {(p) => <input {...p} value={draft.values.code} maxLength={40} onChange={(e) => draft.set('code', e.target.value)} />}
        </Field>
        <Field label={t('common.name')} required error={errors.name}>
          {(p) => <input {...p} value={draft.values.name} maxLength={200} onChange={(e) => draft.set('name', e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            draft.clear();
            onDone();
          }}
        >
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

function SubjectsSection({ madrasahId, operator }: { madrasahId: string; operator: boolean }) {
  const t = useT();
  const subjects = useSubjects(madrasahId || undefined);
  const clusters = useClusters(madrasahId || undefined);
  const [editing, setEditing] = useState<Editing<Subject>>({ mode: 'closed' });
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (s: Subject) => api<Subject>('PATCH', `/subjects/${s.id}`, { body: { active: !s.active } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['subjects'] });
      void queryClient.invalidateQueries({ queryKey: ['counts'] });
    },
  });
  const clusterName = (id: string | null) => clusters.data?.items.find((c) => c.id === id)?.name ?? t('subjects.noCluster');
  return (
    <div className="card section">
      <div className="section-head">
        <div>
          <h2>{t('subjects.subjectsHeading')}</h2>
          {subjects.data && <p className="muted small">{t('subjects.countSubjects', { total: subjects.data.total })}</p>}
        </div>
        {operator && editing.mode === 'closed' && (
          <button type="button" className="btn btn-small btn-primary" onClick={() => setEditing({ mode: 'new' })}>
            {t('subjects.addSubject')}
          </button>
        )}
      </div>
      {editing.mode !== 'closed' && (
        <SubjectEditor
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          madrasahId={madrasahId}
          subject={editing.mode === 'edit' ? editing.item : undefined}
          clusters={clusters.data?.items ?? []}
          onDone={() => setEditing({ mode: 'closed' })}
        />
      )}
      <ErrorNote error={subjects.error ?? toggle.error} />
      {subjects.isPending ? (
        <Loading />
      ) : (
        <ul className="item-list">
          {subjects.data?.items.length === 0 && <li className="empty">{t('common.empty')}</li>}
          {subjects.data?.items.map((s) => (
            <li key={s.id} className={s.active ? '' : 'is-inactive'}>
              <div className="item-main">
                <strong>{s.name}</strong>
                <span className="muted small">
                  {s.code} · {clusterName(s.clusterId)} · {t(`curriculum.${s.curriculum}`)} {!s.active && <StatusBadge active={false} />}
                </span>
              </div>
              {operator && (
                <ItemActions
                  name={s.name}
                  active={s.active}
                  confirmMessage={t('subjects.deactivateSubjectConfirm', { name: s.name })}
                  onEdit={() => setEditing({ mode: 'edit', item: s })}
                  onToggle={() => toggle.mutate(s)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function asCurriculum(v: string): Curriculum {
  return CURRICULA.find((c) => c === v) ?? 'both';
}

function SubjectEditor({ madrasahId, subject, clusters, onDone }: { madrasahId: string; subject?: Subject; clusters: Cluster[]; onDone: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft(`subject.${subject?.id ?? `new.${madrasahId}`}`, {
    code: subject?.code ?? '',
    name: subject?.name ?? '',
    clusterId: subject?.clusterId ?? '',
    curriculum: subject?.curriculum ?? 'both',
  });
  const v = draft.values;
  const body = { code: v.code, name: v.name, clusterId: v.clusterId || null, curriculum: asCurriculum(v.curriculum) };
  const save = useMutation({
    mutationFn: () =>
      subject ? api<Subject>('PATCH', `/subjects/${subject.id}`, { body }) : api<Subject>('POST', '/subjects', { body: { madrasahId, ...body } }),
    onSuccess: () => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['subjects'] });
      void queryClient.invalidateQueries({ queryKey: ['counts'] });
      onDone();
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={subject ? t('subjects.editSubject') : t('subjects.addSubject')}>
      <h3>{subject ? t('subjects.editSubject') : t('subjects.addSubject')}</h3>
      <ErrorNote error={Object.keys(errors).length ? null : save.error} />
      <div className="form-grid">
        <Field label={t('common.code')} required error={errors.code}>
          {(p) => <input {...p} value={v.code} maxLength={40} onChange={(e) => draft.set('code', e.target.value)} />}
        </Field>
        <Field label={t('common.name')} required error={errors.name}>
          {(p) => <input {...p} value={v.name} maxLength={200} onChange={(e) => draft.set('name', e.target.value)} />}
        </Field>
        <Field label={t('subjects.cluster')} error={errors.clusterId}>
          {(p) => (
            <select {...p} value={v.clusterId} onChange={(e) => draft.set('clusterId', e.target.value)}>
              <option value="">{t('subjects.noCluster')}</option>
              {clusters
                .filter((c) => c.active || c.id === v.clusterId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('subjects.curriculum')} error={errors.curriculum}>
          {(p) => (
            <select {...p} value={v.curriculum} onChange={(e) => draft.set('curriculum', asCurriculum(e.target.value))}>
              {CURRICULA.map((c) => (
                <option key={c} value={c}>
                  {t(`curriculum.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            draft.clear();
            onDone();
          }}
        >
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Edit and deactivate/activate buttons of one cluster or subject row (operators only). */
function ItemActions({ name, active, confirmMessage, onEdit, onToggle }: { name: string; active: boolean; confirmMessage: string; onEdit: () => void; onToggle: () => void }) {
  const t = useT();
  return (
    <div className="item-actions">
      <button type="button" className="btn btn-small" onClick={onEdit} aria-label={`${t('common.edit')} ${name}`}>
        {t('common.edit')}
      </button>
      {active ? (
        <ConfirmButton label={t('common.deactivate')} className="btn btn-small btn-danger-outline" message={confirmMessage} onConfirm={onToggle} />
      ) : (
        <button type="button" className="btn btn-small" onClick={onToggle}>
          {t('common.activate')}
        </button>
      )}
    </div>
  );
}
