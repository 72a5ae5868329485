import type { MadrasahInstrument } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { useDraft } from '../../shared/hooks.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, MadrasahOptions, useFieldErrors } from '../../shared/ui.tsx';
import { instrumentKeys, instrumentsApi, useInstrumentList } from './instruments.api.ts';
import { groupByCode, startingScale } from './instruments.models.ts';
import { InstrumentStatusBadge } from './parts.tsx';
import './instruments.css';

/**
 * /instrumen — the official instruments (read-only) and the madrasah's own, each code with its
 * versions (drafts only for the operator / kepala, who may also start a new one).
 */
export function InstrumentListPage() {
  const t = useT();
  const me = useMe();
  const list = useInstrumentList({});
  const builders = me.madrasahs.filter((m) => hasRole(me, 'operator', m.id) || hasRole(me, 'kepala_madrasah', m.id));
  const items = list.data?.items ?? [];
  const official = items.filter((i) => i.owner === 'official');
  const mine = groupByCode(items.filter((i) => i.owner === 'madrasah'));
  const madrasahName = (id: string | null) => (me.madrasahs.length > 1 ? me.madrasahs.find((m) => m.id === id)?.name : undefined);

  return (
    <section className="page">
      <h1>{t('instruments.list.title')}</h1>
      <p className="muted">{t('instruments.list.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <h2 className="section-title">{t('instruments.list.mine')}</h2>
          <p className="muted small">{builders.length > 0 ? t('instruments.list.mineIntro') : t('instruments.list.minePublished')}</p>
          {mine.length === 0 ? (
            <p className="empty">{t('instruments.list.empty')}</p>
          ) : (
            <ul className="ib-list" aria-label={t('instruments.list.mine')}>
              {mine.map((g) => (
                <li key={g.code} className="card ib-row" data-code={g.code}>
                  <div className="item-main cell-stack">
                    <Link to={`/instrumen/${g.newest.id}`} className="row-link">
                      {g.newest.title}
                    </Link>
                    <span className="muted small">
                      {t(`instruments.kind.${g.newest.kind}`)} · {t('instruments.counts', { domains: g.newest.domainCount, competencies: g.newest.competencyCount, indicators: g.newest.indicatorCount })}
                      {madrasahName(g.newest.madrasahId) && <> · {madrasahName(g.newest.madrasahId)}</>}
                    </span>
                    <ul className="ib-versions" aria-label={t('instruments.list.versions')}>
                      {g.versions.map((v) => (
                        <li key={v.id}>
                          <Link to={`/instrumen/${v.id}`} className={`is-${v.status}`}>
                            {t('instruments.version', { version: v.version })} · {t(`instruments.status.${v.status}`)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <InstrumentStatusBadge status={g.newest.status} />
                </li>
              ))}
            </ul>
          )}
          {builders.length > 0 && <NewInstrumentForm madrasahs={builders} />}

          <h2 className="section-title">{t('instruments.list.official')}</h2>
          <p className="muted small">{t('instruments.list.officialIntro')}</p>
          <ul className="ib-list" aria-label={t('instruments.list.official')}>
            {official.map((i) => (
              <li key={i.id} className="card ib-row">
                <div className="item-main cell-stack">
                  <strong>{i.title}</strong>
                  <span className="muted small">
                    {t('instruments.version', { version: i.version })} · {t(`instruments.kind.${i.kind}`)} ·{' '}
                    {t('instruments.counts', { domains: i.domainCount, competencies: i.competencyCount, indicators: i.indicatorCount })}
                  </span>
                </div>
                <Link to={`/instrumen/resmi/${encodeURIComponent(i.code)}/${i.version}`} className="btn btn-small">
                  {t('instruments.list.view')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NewInstrumentForm({ madrasahs }: { madrasahs: readonly { id: string; name: string }[] }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const draft = useDraft('instrumen-baru', { madrasahId: madrasahs[0]?.id ?? '', title: '' });
  const v = draft.values;
  const madrasahId = madrasahs.some((m) => m.id === v.madrasahId) ? v.madrasahId : (madrasahs[0]?.id ?? '');
  const create = useMutation({
    mutationFn: () =>
      instrumentsApi.create({
        madrasahId,
        title: v.title.trim(),
        kind: 'observation',
        source: null,
        scale: startingScale([t('instruments.startLevels.l1'), t('instruments.startLevels.l2'), t('instruments.startLevels.l3'), t('instruments.startLevels.l4')]),
      }),
    onSuccess: (created: MadrasahInstrument) => {
      draft.clear();
      queryClient.setQueryData(instrumentKeys.madrasah(created.id), created);
      void queryClient.invalidateQueries({ queryKey: instrumentKeys.all });
      void navigate(`/instrumen/${created.id}`);
    },
  });
  const errors = useFieldErrors(create.error);
  if (!open) {
    return (
      <button type="button" className="btn btn-primary subhead" onClick={() => setOpen(true)}>
        {t('instruments.list.newTitle')}
      </button>
    );
  }
  return (
    <form
      className="card subhead"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <h2 className="section-title">{t('instruments.list.newTitle')}</h2>
      <p className="muted small">{t('instruments.list.newIntro')}</p>
      {madrasahs.length > 1 && (
        <Field label={t('instruments.list.madrasah')} required>
          {(p) => (
            <select {...p} value={madrasahId} onChange={(e) => draft.set('madrasahId', e.target.value)}>
              <MadrasahOptions madrasahs={madrasahs} />
            </select>
          )}
        </Field>
      )}
      <Field label={t('instruments.list.titleLabel')} hint={t('instruments.list.titleHint')} error={errors.title} required>
        {(p) => <input {...p} value={v.title} onChange={(e) => draft.set('title', e.target.value)} />}
      </Field>
      <Field label={t('instruments.list.kindLabel')}>{(p) => <input {...p} readOnly value={t('instruments.kind.observation')} />}</Field>
      <ErrorNote error={create.error} />
      <div className="actions">
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !madrasahId || !v.title.trim()}>
          {create.isPending ? t('instruments.list.creating') : t('instruments.list.create')}
        </button>
      </div>
    </form>
  );
}
