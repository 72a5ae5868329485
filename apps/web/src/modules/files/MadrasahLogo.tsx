import { LIMITS, type StoredFile } from '@tumbuh/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api, uploadForm } from '../../shared/api.ts';
import { ErrorNote } from '../../shared/ui.tsx';
import { logoUrl } from './files.api.ts';
import { formatBytes, uploadProblem } from './files.rules.ts';
import './files.css';

/**
 * The madrasah's logo (used by the kop of printed documents), on the operator's dashboard card:
 * shown to everyone of the madrasah; the operator uploads, replaces or removes it.
 */
export function MadrasahLogo({ madrasahId, name, canEdit }: { madrasahId: string; name: string; canEdit: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const [version, setVersion] = useState(() => Date.now());
  const [missing, setMissing] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const imageMax = formatBytes(LIMITS.imageFileMaxBytes, locale);

  const refresh = () => {
    setMissing(false);
    setVersion(Date.now());
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      setProgress(0);
      return uploadForm<StoredFile>(`/madrasahs/${encodeURIComponent(madrasahId)}/logo`, form, setProgress, 'PUT');
    },
    onSuccess: () => {
      setSaved(true);
      refresh();
    },
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({
    mutationFn: () => api<{ ok: true }>('DELETE', `/madrasahs/${encodeURIComponent(madrasahId)}/logo`),
    onSuccess: refresh,
  });

  if (missing && !canEdit) return null;
  return (
    <div className="madrasah-logo">
      {missing ? <span className="muted small">{t('files.logoNone')}</span> : <img src={logoUrl(madrasahId, version)} alt={t('files.logoAlt', { name })} onError={() => setMissing(true)} />}
      {canEdit && (
        <div>
          <p className="muted small">{t('files.logoHint', { imageMax })}</p>
          <div className="actions">
            <label className={`btn btn-small${upload.isPending ? ' is-disabled' : ''}`}>
              <input
                className="sr-only"
                type="file"
                accept="image/png,image/jpeg,image/webp"
                disabled={upload.isPending}
                data-testid="logo-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  setSaved(false);
                  setProblem(null);
                  if (!file) return;
                  const why = uploadProblem(file, ['image']);
                  if (why === 'wrongType') setProblem(t('files.wrongType', { name: file.name }));
                  else if (why === 'tooLarge') setProblem(t('files.tooLarge', { name: file.name, size: formatBytes(file.size, locale), imageMax, documentMax: formatBytes(LIMITS.documentFileMaxBytes, locale) }));
                  else upload.mutate(file);
                }}
              />
              {missing ? t('files.logoUpload') : t('files.logoReplace')}
            </label>
            {!missing && (
              <button
                type="button"
                className="btn btn-small btn-danger"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(t('files.logoConfirmRemove', { name }))) remove.mutate();
                }}
              >
                {t('files.logoRemove')}
              </button>
            )}
          </div>
          {progress !== null && <progress max={100} value={progress} aria-label={t('files.uploading', { name, percent: progress })} />}
          {problem && (
            <p className="note note-error" role="alert">
              {problem}
            </p>
          )}
          <ErrorNote error={upload.error ?? remove.error} />
          {saved && (
            <p className="note note-ok small" role="status">
              {t('files.logoSaved')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
