import type { MadrasahInstrument } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { BuilderForm } from './BuilderForm.tsx';
import { instrumentKeys, instrumentsApi, useMadrasahInstrument, usePublishedInstrument } from './instruments.api.ts';
import { InstrumentContent, InstrumentStatusBadge } from './parts.tsx';
import './instruments.css';

/**
 * /instrumen/:id — one version of a madrasah instrument: the builder while it is a draft and the
 * person may build; otherwise the read-only view with its versions, and for a builder "Buat versi
 * baru" on a published version.
 */
export function InstrumentPage() {
  const { id = '' } = useParams();
  const instrument = useMadrasahInstrument(id);
  if (instrument.isPending) return <Loading />;
  if (instrument.error) return <ErrorNote error={instrument.error} onRetry={() => void instrument.refetch()} />;
  const i = instrument.data;
  if (i.status === 'draft' && i.canEdit) return <BuilderForm key={i.id} instrument={i} />;
  return <InstrumentView instrument={i} />;
}

function InstrumentView({ instrument: i }: { instrument: MadrasahInstrument }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = i.versions.find((v) => v.status === 'draft');
  const newVersion = useMutation({
    mutationFn: () => instrumentsApi.newVersion(i.id),
    onSuccess: (created) => {
      queryClient.setQueryData(instrumentKeys.madrasah(created.id), created);
      void queryClient.invalidateQueries({ queryKey: instrumentKeys.all });
      void navigate(`/instrumen/${created.id}`);
    },
  });
  return (
    <section className="page">
      <Link to="/instrumen" className="back">
        {t('instruments.view.back')}
      </Link>
      <h1>{i.title}</h1>
      <p className="note ib-no-print">{i.status === 'published' ? t('instruments.view.frozenNote') : t('instruments.view.draftNote')}</p>
      <div className="actions ib-no-print">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('instruments.view.print')}
        </button>
        {i.canEdit && i.status === 'published' && !draft && (
          <button type="button" className="btn btn-primary" disabled={newVersion.isPending} title={t('instruments.view.newVersionHint')} onClick={() => newVersion.mutate()}>
            {t('instruments.view.newVersion')}
          </button>
        )}
        {i.canEdit && draft && draft.id !== i.id && (
          <Link to={`/instrumen/${draft.id}`} className="btn btn-primary">
            {t('instruments.view.openDraft', { version: draft.version })}
          </Link>
        )}
      </div>
      {i.canEdit && i.status === 'published' && !draft && <p className="muted small ib-no-print">{t('instruments.view.newVersionHint')}</p>}
      <ErrorNote error={newVersion.error} />
      <InstrumentContent instrument={i} />
      {i.versions.length > 1 && (
        <div className="ib-no-print">
          <h2 className="section-title">{t('instruments.view.versions')}</h2>
          <ul className="ib-list">
            {[...i.versions].reverse().map((v) => (
              <li key={v.id} className="ib-row">
                {v.id === i.id ? (
                  <span>
                    {t('instruments.version', { version: v.version })} {t('instruments.view.current')}
                  </span>
                ) : (
                  <Link to={`/instrumen/${v.id}`}>{t('instruments.version', { version: v.version })}</Link>
                )}
                <InstrumentStatusBadge status={v.status} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** /instrumen/resmi/:code/:version — a published official instrument, read-only (printable). */
export function PublishedInstrumentPage() {
  const t = useT();
  const { code = '', version = '' } = useParams();
  const instrument = usePublishedInstrument(code, Number(version));
  if (instrument.isPending) return <Loading />;
  if (instrument.error) return <ErrorNote error={instrument.error} onRetry={() => void instrument.refetch()} />;
  return (
    <section className="page">
      <Link to="/instrumen" className="back">
        {t('instruments.view.back')}
      </Link>
      <h1>{instrument.data.title}</h1>
      <div className="actions ib-no-print">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('instruments.view.print')}
        </button>
      </div>
      <InstrumentContent instrument={instrument.data} />
    </section>
  );
}
