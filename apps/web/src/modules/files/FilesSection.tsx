import { LIMITS, UPLOAD_ACCEPT, type StoredFile, type StoredFileList } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { useDraft } from '../../shared/hooks.ts';
import { ErrorNote, Field } from '../../shared/ui.tsx';
import { deleteFile, filesKeys, uploadOwnerFile, useOwnerFiles, type ListedOwnerKind } from './files.api.ts';
import { formatBytes, uploadProblem } from './files.rules.ts';
import { downscaleForUpload } from './image.ts';
import './files.css';

type Progress = { name: string; phase: 'preparing' | 'uploading' | 'processing'; percent: number };

/**
 * Photos and files of one owner (a meeting's "Dokumentasi", a follow-up's evidence): take or choose
 * photos (made smaller in the browser first), upload with progress, a thumbnail grid with captions,
 * documents with their size, delete where allowed.
 */
export function FilesSection({ kind, ownerId, canUpload, title, intro }: { kind: ListedOwnerKind; ownerId: string; canUpload: boolean; title?: string; intro?: string }) {
  const t = useT();
  const list = useOwnerFiles(kind, ownerId);
  const files = list.data?.items ?? [];
  const photos = files.filter((f) => f.category === 'image');
  const documents = files.filter((f) => f.category === 'document');
  return (
    <div className="card section files-section" data-testid={`files-${kind}`}>
      <h2>{title ?? t('files.title')}</h2>
      {intro && <p className="muted small">{intro}</p>}
      {canUpload && <Uploader kind={kind} ownerId={ownerId} />}
      <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
      {list.data && files.length === 0 && <p className="empty">{t('files.empty')}</p>}
      {photos.length > 0 && (
        <>
          <h3 className="files-heading">{t('files.photos', { count: photos.length })}</h3>
          <ul className="photo-grid">
            {photos.map((f) => (
              <PhotoTile key={f.id} file={f} kind={kind} ownerId={ownerId} />
            ))}
          </ul>
        </>
      )}
      {documents.length > 0 && (
        <>
          <h3 className="files-heading">{t('files.documents', { count: documents.length })}</h3>
          <ul className="document-list">
            {documents.map((f) => (
              <DocumentRow key={f.id} file={f} kind={kind} ownerId={ownerId} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A follow-up's evidence, folded: the list loads when the owner opens it. */
export function EvidenceFiles({ followUpId, canUpload }: { followUpId: string; canUpload: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="followup-files" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('files.evidence')}</summary>
      {open && <FilesSection kind="mgmp_follow_up" ownerId={followUpId} canUpload={canUpload} title={t('files.evidence')} />}
    </details>
  );
}

function useDelete(kind: ListedOwnerKind, ownerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: StoredFile) => deleteFile(file.id),
    onSuccess: (_ok, file) => {
      queryClient.setQueryData<StoredFileList>(filesKeys.owner(kind, ownerId), (old) => (old ? { items: old.items.filter((f) => f.id !== file.id), total: old.total - 1 } : old));
    },
  });
}

function DeleteButton({ file, kind, ownerId }: { file: StoredFile; kind: ListedOwnerKind; ownerId: string }) {
  const t = useT();
  const remove = useDelete(kind, ownerId);
  if (!file.canDelete) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-danger"
        aria-label={t('files.deleteLabel', { name: file.originalName })}
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(t('files.confirmDelete', { name: file.originalName }))) remove.mutate(file);
        }}
      >
        {t('files.delete')}
      </button>
      <ErrorNote error={remove.error} />
    </>
  );
}

function PhotoTile({ file, kind, ownerId }: { file: StoredFile; kind: ListedOwnerKind; ownerId: string }) {
  const t = useT();
  const label = file.caption ?? file.originalName;
  return (
    <li className="photo-tile">
      <a href={file.url} target="_blank" rel="noopener" aria-label={t('files.openFull', { name: label })}>
        <img src={file.thumbUrl ?? file.url} alt={t('files.photoAlt', { name: label })} loading="lazy" />
      </a>
      {file.caption && <p className="photo-caption">{file.caption}</p>}
      {file.createdBy && <p className="muted small">{t('files.by', { name: file.createdBy })}</p>}
      <DeleteButton file={file} kind={kind} ownerId={ownerId} />
    </li>
  );
}

function DocumentRow({ file, kind, ownerId }: { file: StoredFile; kind: ListedOwnerKind; ownerId: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <li className="document-row">
      <a href={file.url} download aria-label={t('files.download', { name: file.originalName })}>
        {file.originalName}
      </a>
      <span className="muted small">
        {formatBytes(file.byteSize, locale)}
        {file.createdBy && <> · {t('files.by', { name: file.createdBy })}</>}
      </span>
      <DeleteButton file={file} kind={kind} ownerId={ownerId} />
    </li>
  );
}

function Uploader({ kind, ownerId }: { kind: ListedOwnerKind; ownerId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const draft = useDraft(`files.caption.${kind}.${ownerId}`, { caption: '' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const limits = { imageMax: formatBytes(LIMITS.imageFileMaxBytes, locale), documentMax: formatBytes(LIMITS.documentFileMaxBytes, locale) };

  const upload = useMutation({
    mutationFn: async (chosen: File[]) => {
      const found: string[] = [];
      let last: string | null = null;
      for (const original of chosen) {
        if (uploadProblem(original) === 'wrongType') {
          found.push(t('files.wrongType', { name: original.name }));
          continue;
        }
        setProgress({ name: original.name, phase: 'preparing', percent: 0 });
        const file = await downscaleForUpload(original);
        if (uploadProblem(file) === 'tooLarge') {
          found.push(t('files.tooLarge', { name: original.name, size: formatBytes(file.size, locale), ...limits }));
          continue;
        }
        setProgress({ name: file.name, phase: 'uploading', percent: 0 });
        const stored = await uploadOwnerFile(kind, ownerId, file, draft.values.caption, (percent) =>
          setProgress({ name: file.name, phase: percent >= 100 ? 'processing' : 'uploading', percent }),
        );
        queryClient.setQueryData<StoredFileList>(filesKeys.owner(kind, ownerId), (old) => (old ? { items: [...old.items, stored], total: old.total + 1 } : old));
        last = stored.originalName;
      }
      return { found, last };
    },
    onMutate: () => {
      setProblems([]);
      setDone(null);
    },
    onSuccess: ({ found, last }) => {
      setProblems(found);
      if (last) {
        setDone(last);
        draft.clear();
      }
    },
    onSettled: () => {
      setProgress(null);
      void queryClient.invalidateQueries({ queryKey: filesKeys.owner(kind, ownerId) });
    },
  });

  const pick = (list: FileList | null, input: HTMLInputElement) => {
    const chosen = [...(list ?? [])];
    input.value = ''; // the same photo may be chosen again after an error
    if (chosen.length > 0) upload.mutate(chosen);
  };

  return (
    <div className="uploader">
      <Field label={t('files.caption')}>
        {(p) => <input {...p} type="text" maxLength={LIMITS.captionMax} value={draft.values.caption} onChange={(e) => draft.set('caption', e.target.value)} />}
      </Field>
      <div className="uploader-buttons">
        <label className={`btn btn-primary${upload.isPending ? ' is-disabled' : ''}`}>
          <input className="sr-only" type="file" accept="image/*" capture="environment" disabled={upload.isPending} data-testid="files-camera" onChange={(e) => pick(e.target.files, e.target)} />
          {t('files.takePhoto')}
        </label>
        <label className={`btn${upload.isPending ? ' is-disabled' : ''}`}>
          <input className="sr-only" type="file" multiple accept={`image/*,${UPLOAD_ACCEPT}`} disabled={upload.isPending} data-testid="files-choose" onChange={(e) => pick(e.target.files, e.target)} />
          {t('files.choose')}
        </label>
      </div>
      <p className="muted small">{t('files.chooseHint', limits)}</p>
      {progress && (
        <div className="progress" role="status">
          {progress.phase === 'uploading' && <progress max={100} value={progress.percent} aria-label={t('files.uploading', { name: progress.name, percent: progress.percent })} />}
          <span>
            {progress.phase === 'preparing'
              ? t('files.preparing', { name: progress.name })
              : progress.phase === 'uploading'
                ? t('files.uploading', { name: progress.name, percent: progress.percent })
                : t('files.processing', { name: progress.name })}
          </span>
        </div>
      )}
      {problems.map((p) => (
        <p key={p} className="note note-error" role="alert">
          {p}
        </p>
      ))}
      <ErrorNote error={upload.error} />
      {done && !upload.isPending && (
        <p className="note note-ok small" role="status">
          {t('files.uploaded', { name: done })}
        </p>
      )}
    </div>
  );
}
