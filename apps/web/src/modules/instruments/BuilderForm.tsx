import { FOCUS_DIMENSIONS, type MadrasahInstrument } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { useOnline } from '../../shared/online.ts';
import { ConfirmButton, ErrorNote, Field, useFieldErrors } from '../../shared/ui.tsx';
import { instrumentKeys, instrumentsApi } from './instruments.api.ts';
import {
  addLevel,
  addNode,
  countDraft,
  draftFromInstrument,
  draftToRequest,
  hasProblemUnder,
  MAX_LEVELS,
  MIN_LEVELS,
  moveNode,
  normaliseDraft,
  publishProblems,
  removeLevel,
  removeNode,
  renameNode,
  sameContent,
  toggleFocus,
  updateIndicator,
  updateLevel,
  validateDraft,
} from './instruments.models.ts';
import type { BuilderDraft, CompetencyDraft, DomainDraft, IndicatorDraft, LevelDraft, NodePath } from './instruments.models.ts';
import { PublishProblems } from './parts.tsx';

type Edit = (fn: (draft: BuilderDraft) => BuilderDraft) => void;

interface TreeContext {
  levels: LevelDraft[];
  edit: Edit;
  errorAt: (path: string) => string | undefined;
  problemUnder: (prefix: string) => boolean;
  isOpen: (key: string) => boolean;
  setOpen: (key: string, open: boolean) => void;
}

/**
 * The builder of a draft version: identity, the scale (2–7 levels), and the tree of domains →
 * competencies → indicators as nested collapsible sections (phone first). Everything typed is kept
 * on the device (useDraft) until one PUT saves the whole draft; a field the server (or the local
 * mirror of its rules) objects to shows its message beside it.
 */
export function BuilderForm({ instrument }: { instrument: MadrasahInstrument }) {
  const t = useT();
  const online = useOnline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverDraft = useMemo(() => draftFromInstrument(instrument), [instrument]);
  const draft = useDraft<BuilderDraft>(`instrumen.${instrument.id}`, serverDraft);
  const values = useMemo(() => normaliseDraft(draft.values) ?? serverDraft, [draft.values, serverDraft]);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const dirty = !sameContent(values, serverDraft);
  const [attempted, setAttempted] = useState(false);

  const first = values.domains[0];
  const [open, setOpenKeys] = useState<ReadonlySet<string>>(() => {
    const keys = new Set<string>(['identity', 'scale']);
    if (first) keys.add(first.key);
    if (first?.competencies[0]) keys.add(first.competencies[0].key);
    return keys;
  });
  const setOpen = useCallback((key: string, isOpen: boolean) => {
    setOpenKeys((s) => {
      if (s.has(key) === isOpen) return s;
      const next = new Set(s);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const save = useMutation({
    mutationFn: (d: BuilderDraft) => instrumentsApi.save(instrument.id, draftToRequest(d)),
    onSuccess: (fresh) => {
      queryClient.setQueryData(instrumentKeys.madrasah(instrument.id), fresh);
      void queryClient.invalidateQueries({ queryKey: instrumentKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
      // Forget the device copy; keep the form as it is (same keys, so open sections stay open).
      draft.clear(valuesRef.current);
      setAttempted(false);
    },
  });
  const publish = useMutation({
    mutationFn: () => instrumentsApi.publish(instrument.id),
    onSuccess: (fresh) => {
      draft.clear();
      queryClient.setQueryData(instrumentKeys.madrasah(instrument.id), fresh);
      void queryClient.invalidateQueries({ queryKey: instrumentKeys.all });
    },
  });
  const remove = useMutation({
    mutationFn: () => instrumentsApi.remove(instrument.id),
    onSuccess: () => {
      draft.clear();
      queryClient.removeQueries({ queryKey: instrumentKeys.madrasah(instrument.id) });
      // No stale list that still shows the deleted draft for a moment.
      queryClient.removeQueries({ queryKey: ['instruments', 'list'] });
      void queryClient.invalidateQueries({ queryKey: instrumentKeys.all });
      const previous = [...instrument.versions].reverse().find((v) => v.id !== instrument.id);
      void navigate(previous ? `/instrumen/${previous.id}` : '/instrumen');
    },
  });

  const resetSave = save.reset;
  const edit: Edit = useCallback(
    (fn) => {
      const current = valuesRef.current;
      const next = fn(current);
      resetSave();
      if (next.title !== current.title) draft.set('title', next.title);
      if (next.source !== current.source) draft.set('source', next.source);
      if (next.levels !== current.levels) draft.set('levels', next.levels);
      if (next.domains !== current.domains) draft.set('domains', next.domains);
      valuesRef.current = next;
    },
    [draft, resetSave],
  );

  const fieldErrors = useFieldErrors(save.error);
  const serverErrors = useMemo(
    // A scale the server refuses as a whole (values not ascending…) is shown beside the scale.
    () => (isApiError(save.error, 'instruments.invalid_scale') ? { ...fieldErrors, 'scale.levels': save.error.message } : fieldErrors),
    [fieldErrors, save.error],
  );
  const localProblems = useMemo(() => (attempted ? validateDraft(values) : {}), [attempted, values]);
  const allProblems = useMemo(() => ({ ...localProblems, ...serverErrors }), [localProblems, serverErrors]);
  const errorAt = useCallback(
    (path: string) => {
      const server = serverErrors[path];
      if (server) return server;
      const local = localProblems[path];
      return local ? t(`instruments.problem.${local}`) : undefined;
    },
    [serverErrors, localProblems, t],
  );
  const problemUnder = useCallback((prefix: string) => hasProblemUnder(allProblems, prefix), [allProblems]);

  const onSave = () => {
    const problems = validateDraft(values);
    if (Object.keys(problems).length > 0) {
      setAttempted(true);
      // Open every section that hides a problem.
      for (const path of Object.keys(problems)) {
        if (path === 'title' || path === 'source') setOpen('identity', true);
        if (path.startsWith('scale')) setOpen('scale', true);
        const m = /^domains\.(\d+)(?:\.competencies\.(\d+)(?:\.indicators\.(\d+))?)?/.exec(path);
        const d = m?.[1] === undefined ? undefined : values.domains[Number(m[1])];
        const c = m?.[2] === undefined ? undefined : d?.competencies[Number(m[2])];
        const i = m?.[3] === undefined ? undefined : c?.indicators[Number(m[3])];
        for (const node of [d, c, i]) if (node) setOpen(node.key, true);
      }
      // Once the sections are open, take the person to the first field to fix.
      setTimeout(() => document.querySelector<HTMLElement>('.ib-builder [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    save.mutate(values);
  };

  const counts = countDraft(values);
  const blockers = publishProblems(values);
  const tree: TreeContext = { levels: values.levels, edit, errorAt, problemUnder, isOpen: (key) => open.has(key), setOpen };
  const allKeys = () => ['identity', 'scale', ...values.domains.flatMap((d) => [d.key, ...d.competencies.flatMap((c) => [c.key, ...c.indicators.map((i) => i.key)])])];
  const hasLocalProblems = attempted && Object.keys(localProblems).length > 0;

  return (
    <section className="page ib-builder">
      <Link to="/instrumen" className="back">
        {t('instruments.builder.back')}
      </Link>
      <h1>{t('instruments.builder.title')}</h1>
      <p className="muted">
        {t('instruments.version', { version: instrument.version })} · <span className="badge badge-warn">{t('instruments.status.draft')}</span> ·{' '}
        {t('instruments.counts', { ...counts })}
      </p>
      <p className="muted small">{t('instruments.builder.intro')}</p>
      {draft.restored && dirty && (
        <div className="note" role="status">
          <span>{t('instruments.builder.restored')}</span>
          <ConfirmButton className="btn btn-small" label={t('instruments.builder.discard')} message={t('instruments.builder.discardConfirm')} onConfirm={() => draft.clear(serverDraft)} />
        </div>
      )}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <Section sectionKey="identity" tree={tree} title={t('instruments.builder.identity')} problem={problemUnder('title') || problemUnder('source')}>
          <Field label={t('instruments.builder.titleLabel')} error={errorAt('title')} required>
            {(p) => <input {...p} value={values.title} maxLength={400} onChange={(e) => edit((d) => ({ ...d, title: e.target.value }))} />}
          </Field>
          <Field label={t('instruments.builder.kindLabel')}>{(p) => <input {...p} readOnly value={t(`instruments.kind.${instrument.kind}`)} />}</Field>
          <Field label={t('instruments.builder.source')} hint={t('instruments.builder.sourceHint')} error={errorAt('source')}>
            {(p) => <textarea {...p} rows={2} value={values.source} onChange={(e) => edit((d) => ({ ...d, source: e.target.value }))} />}
          </Field>
        </Section>

        <Section sectionKey="scale" tree={tree} title={t('instruments.builder.scale')} meta={values.levels.map((l) => l.label || String(l.value)).join(' · ')} problem={problemUnder('scale')}>
          <ScaleEditor tree={tree} />
        </Section>

        <h2 className="section-title">{t('instruments.builder.tree')}</h2>
        <p className="muted small">{t('instruments.builder.treeHint')}</p>
        <div className="ib-tools">
          <button type="button" className="btn btn-small" onClick={() => setOpenKeys(new Set(allKeys()))}>
            {t('instruments.builder.expandAll')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setOpenKeys(new Set())}>
            {t('instruments.builder.collapseAll')}
          </button>
        </div>
        {values.domains.map((d, di) => (
          <DomainNode key={d.key} domain={d} index={di} count={values.domains.length} tree={tree} competencyOffset={values.domains.slice(0, di).reduce((n, x) => n + x.competencies.length, 0)} />
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => {
            const added = addNode(values, []);
            const dom = added.domains.at(-1);
            edit(() => added);
            if (dom) {
              setOpen(dom.key, true);
              if (dom.competencies[0]) setOpen(dom.competencies[0].key, true);
            }
          }}
        >
          + {t('instruments.builder.addDomain')}
        </button>

        {blockers.length > 0 && <PublishProblems problems={blockers} />}
        {hasLocalProblems && (
          <p className="note note-error" role="alert">
            {t('instruments.builder.fixErrors')}
          </p>
        )}
        <ErrorNote error={save.error} />
        <ErrorNote error={publish.error} />
        <div className="sticky-actions actions">
          <span className={`ib-state ${dirty ? 'is-dirty' : 'is-saved'}`} role="status" data-testid="ib-save-state">
            {/* Offline, a save waits (the query client holds it until the connection is back); the draft stays on the device. */}
            {!online && dirty ? t('instruments.builder.offline') : save.isPending ? t('instruments.builder.saving') : dirty ? t('instruments.builder.unsaved') : t('instruments.builder.saved')}
          </span>
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !dirty}>
            {save.isPending ? t('instruments.builder.saving') : t('instruments.builder.save')}
          </button>
          <ConfirmButton
            className="btn"
            label={t('instruments.builder.publish')}
            message={t('instruments.builder.publishConfirm')}
            disabled={dirty || blockers.length > 0 || publish.isPending || !online}
            onConfirm={() => publish.mutate()}
          />
        </div>
        {dirty && <p className="muted small">{t('instruments.builder.publishNeedsSave')}</p>}
      </form>

      <div className="actions subhead">
        <ConfirmButton className="btn btn-danger-outline" label={t('instruments.builder.deleteDraft')} message={t('instruments.builder.deleteConfirm')} disabled={remove.isPending} onConfirm={() => remove.mutate()} />
      </div>
      <ErrorNote error={remove.error} />
    </section>
  );
}

function Section({ sectionKey, tree, title, meta, problem, children }: { sectionKey: string; tree: TreeContext; title: string; meta?: string; problem?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <details className="ib-node" open={tree.isOpen(sectionKey)} onToggle={(e) => tree.setOpen(sectionKey, e.currentTarget.open)} data-section={sectionKey}>
      <summary>
        <span className="ib-node-name">{title}</span>
        {meta && <span className="ib-node-meta">{meta}</span>}
        {problem && <span className="ib-node-problem">{t('instruments.builder.hasProblems')}</span>}
      </summary>
      <div className="ib-node-body">{children}</div>
    </details>
  );
}

function ScaleEditor({ tree }: { tree: TreeContext }) {
  const t = useT();
  const { levels, edit, errorAt } = tree;
  return (
    <>
      <p className="muted small">{t('instruments.builder.scaleHint')}</p>
      {errorAt('scale.levels') && <p className="field-error">{errorAt('scale.levels')}</p>}
      <div className="ib-levels">
        {levels.map((l, i) => (
          <div key={i} className="ib-level" data-level={i + 1}>
            <div className="ib-level-head">
              <span>{t('instruments.builder.levelN', { n: i + 1 })}</span>
              <button type="button" className="btn btn-small" disabled={levels.length <= MIN_LEVELS} aria-label={t('instruments.builder.removeLevel', { n: i + 1 })} onClick={() => edit((d) => removeLevel(d, i))}>
                {t('instruments.builder.remove')}
              </button>
            </div>
            <Field label={t('instruments.builder.levelValue')} error={errorAt(`scale.levels.${i}.value`)} required>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  value={Number.isFinite(l.value) ? l.value : ''}
                  onChange={(e) => edit((d) => updateLevel(d, i, { value: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
                />
              )}
            </Field>
            <Field label={t('instruments.builder.levelLabel')} error={errorAt(`scale.levels.${i}.label`)} required>
              {(p) => <input {...p} value={l.label} onChange={(e) => edit((d) => updateLevel(d, i, { label: e.target.value }))} />}
            </Field>
            <Field label={t('instruments.builder.levelDescription')} error={errorAt(`scale.levels.${i}.description`)}>
              {(p) => <textarea {...p} rows={2} value={l.description} onChange={(e) => edit((d) => updateLevel(d, i, { description: e.target.value }))} />}
            </Field>
          </div>
        ))}
      </div>
      <button type="button" className="btn btn-small subhead" disabled={levels.length >= MAX_LEVELS} onClick={() => edit(addLevel)}>
        + {t('instruments.builder.addLevel')}
      </button>
    </>
  );
}

/** Up / down / remove of one node; `item` names it for screen readers ("Kompetensi 2"). */
function NodeTools({ tree, path, index, count, item, confirm }: { tree: TreeContext; path: NodePath; index: number; count: number; item: string; confirm: string }) {
  const t = useT();
  return (
    <div className="ib-tools">
      <button type="button" className="btn btn-small" disabled={index === 0} aria-label={t('instruments.builder.moveUpLabel', { item })} onClick={() => tree.edit((d) => moveNode(d, path, -1))}>
        ↑ {t('instruments.builder.moveUp')}
      </button>
      <button type="button" className="btn btn-small" disabled={index === count - 1} aria-label={t('instruments.builder.moveDownLabel', { item })} onClick={() => tree.edit((d) => moveNode(d, path, 1))}>
        ↓ {t('instruments.builder.moveDown')}
      </button>
      <ConfirmButton className="btn btn-small btn-danger-outline" label={t('instruments.builder.remove')} message={confirm} onConfirm={() => tree.edit((d) => removeNode(d, path))} />
    </div>
  );
}

function DomainNode({ domain, index, count, tree, competencyOffset }: { domain: DomainDraft; index: number; count: number; tree: TreeContext; competencyOffset: number }) {
  const t = useT();
  const prefix = `domains.${index}`;
  const item = t('instruments.builder.domainN', { n: index + 1 });
  const indicators = domain.competencies.reduce((n, c) => n + c.indicators.length, 0);
  return (
    <details className="ib-node" open={tree.isOpen(domain.key)} onToggle={(e) => tree.setOpen(domain.key, e.currentTarget.open)} data-domain={index + 1}>
      <summary>
        <span className="ib-node-name">
          {item}: {domain.name.trim() || t('instruments.builder.untitled')}
        </span>
        <span className="ib-node-meta">{t('instruments.counts', { domains: 1, competencies: domain.competencies.length, indicators })}</span>
        {tree.problemUnder(prefix) && <span className="ib-node-problem">{t('instruments.builder.hasProblems')}</span>}
      </summary>
      <div className="ib-node-body">
        <Field label={t('instruments.builder.domainName')} error={tree.errorAt(`${prefix}.name`)} required>
          {(p) => <input {...p} value={domain.name} onChange={(e) => tree.edit((d) => renameNode(d, [index], e.target.value))} />}
        </Field>
        <NodeTools tree={tree} path={[index]} index={index} count={count} item={item} confirm={t('instruments.builder.removeDomainConfirm')} />
        {domain.competencies.map((c, ci) => (
          <CompetencyNode key={c.key} competency={c} path={[index, ci]} count={domain.competencies.length} number={competencyOffset + ci + 1} tree={tree} />
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            tree.edit((d) => {
              const next = addNode(d, [index]);
              const added = next.domains[index]?.competencies.at(-1);
              if (added) tree.setOpen(added.key, true);
              return next;
            })
          }
        >
          + {t('instruments.builder.addCompetency')}
        </button>
      </div>
    </details>
  );
}

function CompetencyNode({ competency, path, count, number, tree }: { competency: CompetencyDraft; path: readonly [number, number]; count: number; number: number; tree: TreeContext }) {
  const t = useT();
  const [di, ci] = path;
  const prefix = `domains.${di}.competencies.${ci}`;
  const item = t('instruments.builder.competencyN', { n: number });
  return (
    <details className="ib-node" open={tree.isOpen(competency.key)} onToggle={(e) => tree.setOpen(competency.key, e.currentTarget.open)} data-competency={number}>
      <summary>
        <span className="ib-node-name">
          {item}: {competency.name.trim() || t('instruments.builder.untitled')}
        </span>
        <span className="ib-node-meta">{t('instruments.builder.indicatorCount', { count: competency.indicators.length })}</span>
        {tree.problemUnder(prefix) && <span className="ib-node-problem">{t('instruments.builder.hasProblems')}</span>}
      </summary>
      <div className="ib-node-body">
        <Field label={t('instruments.builder.competencyName')} error={tree.errorAt(`${prefix}.name`)} required>
          {(p) => <input {...p} value={competency.name} onChange={(e) => tree.edit((d) => renameNode(d, path, e.target.value))} />}
        </Field>
        <NodeTools tree={tree} path={path} index={ci} count={count} item={item} confirm={t('instruments.builder.removeCompetencyConfirm')} />
        {competency.indicators.map((ind, ii) => (
          <IndicatorNode key={ind.key} indicator={ind} path={[di, ci, ii]} count={competency.indicators.length} tree={tree} />
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            tree.edit((d) => {
              const next = addNode(d, path);
              const added = next.domains[di]?.competencies[ci]?.indicators.at(-1);
              if (added) tree.setOpen(added.key, true);
              return next;
            })
          }
        >
          + {t('instruments.builder.addIndicator')}
        </button>
      </div>
    </details>
  );
}

function IndicatorNode({ indicator, path, count, tree }: { indicator: IndicatorDraft; path: readonly [number, number, number]; count: number; tree: TreeContext }) {
  const t = useT();
  const [di, ci, ii] = path;
  const prefix = `domains.${di}.competencies.${ci}.indicators.${ii}`;
  const item = t('instruments.builder.indicatorN', { n: ii + 1 });
  const text = indicator.text.trim();
  return (
    <details className="ib-node" open={tree.isOpen(indicator.key)} onToggle={(e) => tree.setOpen(indicator.key, e.currentTarget.open)} data-indicator={ii + 1}>
      <summary>
        <span className="ib-node-name">
          {item}: {text ? (text.length > 60 ? `${text.slice(0, 60)}…` : text) : t('instruments.builder.untitled')}
        </span>
        {indicator.focus.length > 0 && <span className="ib-node-meta">{indicator.focus.map((f) => t(`instruments.focus.${f}`)).join(', ')}</span>}
        {tree.problemUnder(prefix) && <span className="ib-node-problem">{t('instruments.builder.hasProblems')}</span>}
      </summary>
      <div className="ib-node-body">
        <Field label={t('instruments.builder.indicatorText')} error={tree.errorAt(`${prefix}.text`)} required>
          {(p) => <textarea {...p} rows={2} value={indicator.text} onChange={(e) => tree.edit((d) => updateIndicator(d, path, (i) => ({ ...i, text: e.target.value })))} />}
        </Field>
        <fieldset className="ib-descriptors">
          <legend>{t('instruments.builder.descriptors')}</legend>
          {tree.levels.map((l, li) => (
            <Field key={li} label={t('instruments.builder.descriptorFor', { value: Number.isFinite(l.value) ? l.value : '?', label: l.label })} error={tree.errorAt(`${prefix}.descriptors.${l.value}`)}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={indicator.descriptors[li] ?? ''}
                  onChange={(e) => tree.edit((d) => updateIndicator(d, path, (i) => ({ ...i, descriptors: i.descriptors.map((x, k) => (k === li ? e.target.value : x)) })))}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <fieldset className="ib-focus">
          <legend>{t('instruments.builder.focus')}</legend>
          <div className="checks">
            {FOCUS_DIMENSIONS.map((f) => (
              <label key={f} className="check">
                <input type="checkbox" checked={indicator.focus.includes(f)} onChange={() => tree.edit((d) => updateIndicator(d, path, (i) => ({ ...i, focus: toggleFocus(i.focus, f) })))} />
                {t(`instruments.focus.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <NodeTools tree={tree} path={path} index={ii} count={count} item={item} confirm={t('instruments.builder.removeIndicatorConfirm')} />
      </div>
    </details>
  );
}
