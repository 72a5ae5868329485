import { LIMITS, type ImportCommitResult, type ImportPreview } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError, uploadForm } from '../../shared/api.ts';
import { keys } from '../../shared/people.api.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, MadrasahOptions } from '../../shared/ui.tsx';

const MAX_MB = Math.round(LIMITS.importFileMaxBytes / (1024 * 1024));
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** Import row fields that have a label in the dictionary. */
const TEACHER_FIELDS = ['name', 'gender', 'nuptk', 'nip', 'pegId', 'nik', 'birthPlace', 'birthDate', 'employmentStatus', 'ptkType', 'extraDuties', 'phone', 'email', 'address', 'subjects'] as const;

type Step = { step: 1 } | { step: 2; preview: ImportPreview } | { step: 3; preview: ImportPreview; result: ImportCommitResult };

export function ImportPage() {
  const t = useT();
  const [state, setState] = useState<Step>({ step: 1 });
  const labels = [t('import.step1'), t('import.step2'), t('import.step3')];
  return (
    <section className="page">
      <h1>{t('import.title')}</h1>
      <ol className="steps" aria-label={t('import.stepOf', { n: state.step })}>
        {labels.map((label, i) => (
          <li key={label} className={i + 1 === state.step ? 'current' : i + 1 < state.step ? 'done' : ''} aria-current={i + 1 === state.step ? 'step' : undefined}>
            <span className="step-n">{i + 1}</span> {label}
          </li>
        ))}
      </ol>
      {state.step === 1 && <UploadStep onPreview={(preview) => setState({ step: 2, preview })} />}
      {state.step === 2 && (
        <PreviewStep preview={state.preview} onCommitted={(result) => setState({ step: 3, preview: state.preview, result })} onRestart={() => setState({ step: 1 })} />
      )}
      {state.step === 3 && (
        <div className="card done-card" role="status">
          <h2>{t('import.doneTitle')}</h2>
          <p>{t('import.doneSummary', { created: state.result.created, updated: state.result.updated })}</p>
          <div className="actions">
            <Link to="/guru" className="btn btn-primary">
              {t('import.viewTeachers')}
            </Link>
            <button type="button" className="btn" onClick={() => setState({ step: 1 })}>
              {t('import.startOver')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function UploadStep({ onPreview }: { onPreview: (p: ImportPreview) => void }) {
  const t = useT();
  const me = useMe();
  const [madrasahId, setMadrasahId] = useState(me.madrasahs.length === 1 && me.madrasahs[0] ? me.madrasahs[0].id : '');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('madrasahId', madrasahId);
      form.append('file', f, f.name);
      setProgress(0);
      return uploadForm<ImportPreview>('/teacher-imports', form, setProgress);
    },
    onSuccess: onPreview,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || !/\.(xlsx|csv)$/i.test(file.name)) return setProblem(t('import.wrongType'));
    if (file.size > LIMITS.importFileMaxBytes) return setProblem(t('import.tooLarge', { mb: MAX_MB }));
    setProblem(null);
    upload.mutate(file);
  };

  return (
    <form className="card form upload-card" onSubmit={submit}>
      <p>{t('import.intro')}</p>
      <ErrorNote error={upload.error} />
      {me.madrasahs.length > 1 && (
        <Field label={t('import.madrasah')} required>
          {(p) => (
            <select {...p} value={madrasahId} onChange={(e) => setMadrasahId(e.target.value)}>
              <option value="">{t('teachers.choose')}</option>
              <MadrasahOptions madrasahs={me.madrasahs} />
            </select>
          )}
        </Field>
      )}
      <Field label={t('import.file')} required hint={t('import.fileHint', { mb: MAX_MB })} error={problem ?? undefined}>
        {(p) => <input {...p} type="file" name="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      {upload.isPending && (
        <div className="progress" role="status">
          <progress max={100} value={progress} aria-label={t('import.uploading', { percent: progress })} />
          <span>{progress < 100 ? t('import.uploading', { percent: progress }) : t('import.processing')}</span>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={upload.isPending || !file || !madrasahId}>
          {t('import.upload')}
        </button>
      </div>
    </form>
  );
}

function PreviewStep({ preview, onCommitted, onRestart }: { preview: ImportPreview; onCommitted: (r: ImportCommitResult) => void; onRestart: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const commit = useMutation({
    mutationFn: () => api<ImportCommitResult>('POST', `/teacher-imports/${preview.id}/commit`),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: keys.teachers });
      void queryClient.invalidateQueries({ queryKey: keys.counts });
      onCommitted(result);
    },
  });
  const errorCount = preview.errors.length;
  const fieldLabel = (field: string | null) => {
    if (!field) return t('common.none');
    const known = TEACHER_FIELDS.find((f) => f === field);
    return known ? t(`teachers.${known}`) : field;
  };
  const blocked = errorCount > 0 || preview.status !== 'previewed';
  const stats = [
    { label: t('import.totalRows'), value: preview.totalRows },
    { label: t('import.validRows'), value: preview.validRows },
    { label: t('import.toCreate'), value: preview.toCreate },
    { label: t('import.toUpdate'), value: preview.toUpdate },
  ];

  return (
    <div className="stack">
      <div className="card">
        <p className="muted small">{preview.fileName}</p>
        <p>
          {t('import.layout')}: <strong data-testid="import-layout">{t(`import.layouts.${preview.layout}`)}</strong>
        </p>
        <dl className="stats stats-4">
          {stats.map((s) => (
            <div key={s.label} className="stat">
              <dt className="stat-label">{s.label}</dt>
              <dd className="stat-value">{s.value}</dd>
            </div>
          ))}
        </dl>
      </div>

      {errorCount > 0 ? (
        <div className="note note-error" role="alert">
          {t('import.errorsBlocked', { count: errorCount })}
        </div>
      ) : (
        preview.status === 'previewed' && <div className="note note-ok">{t('import.noErrors')}</div>
      )}
      {preview.status === 'committed' && <div className="note">{t('import.alreadyCommitted')}</div>}
      <ErrorNote error={isApiError(commit.error, 'people.import_already_committed') ? null : commit.error} />
      {isApiError(commit.error, 'people.import_already_committed') && <div className="note">{t('import.alreadyCommitted')}</div>}
      <div className="actions">
        <button type="button" className="btn" onClick={onRestart}>
          {t('import.startOver')}
        </button>
        <button type="button" className="btn btn-primary" disabled={blocked || commit.isPending} onClick={() => commit.mutate()}>
          {commit.isPending ? t('import.committing') : t('import.commit')}
        </button>
      </div>

      {errorCount > 0 && (
        <div className="card">
          <h2>{t('import.errorsHeading')}</h2>
          <div className="scroll-x">
            <table className="table compact" aria-label={t('import.errorsHeading')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.message')}</th>
                  <th scope="col">{t('import.value')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.field ?? ''}-${i}`}>
                    <td>{e.row}</td>
                    <td>{fieldLabel(e.field)}</td>
                    <td>{e.message}</td>
                    <td className="mono">{e.value ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {preview.sample.length > 0 && (
        <div className="card">
          <h2>{t('import.sampleHeading')}</h2>
          <div className="scroll-x">
            <table className="table compact" aria-label={t('import.sampleHeading')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('teachers.name')}</th>
                  <th scope="col">{t('teachers.nip')}</th>
                  <th scope="col">{t('teachers.nuptk')}</th>
                  <th scope="col">{t('teachers.employmentStatus')}</th>
                  <th scope="col">{t('import.action')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.name}</td>
                    <td className="mono">{r.nip ?? ''}</td>
                    <td className="mono">{r.nuptk ?? ''}</td>
                    <td>{r.employmentStatus ?? ''}</td>
                    <td>{r.action === 'create' ? t('import.actionCreate') : t('import.actionUpdate')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {preview.columns.length > 0 && (
        <details className="card">
          <summary>{t('import.columnsHeading')}</summary>
          <ul className="chips">
            {preview.columns.map((c, i) => (
              <li key={`${c.header}-${i}`} className={`chip${c.field ? '' : ' chip-muted'}`}>
                {c.header} → {c.field ?? t('import.ignored')}
              </li>
            ))}
          </ul>
        </details>
      )}

    </div>
  );
}
