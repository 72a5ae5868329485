import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { ApiError, fieldErrors, isApiError } from './api.ts';

/** Field messages the shared schemas give as codes (`invalid_nik`), shown in the person's language. */
const VALIDATION_CODES = ['invalid_nik', 'invalid_nip', 'invalid_nuptk', 'invalid_pegId', 'invalid_npsn', 'invalid_nsm', 'invalid_date', 'ends_before_start', 'owner_required'] as const;

/** The message to show for an error: the server's own (already localised) text when there is one. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    if (isApiError(error, 'auth.unauthenticated')) return t('auth.sessionExpired');
    if (error instanceof ApiError && error.code === 'network') return t('app.networkError');
    if (isApiError(error) && error.message) return error.message;
    return t('app.genericError');
  };
}

/** Field name → message of a `common.validation_failed` answer, with coded messages translated. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const t = useT();
  const out = fieldErrors(error);
  for (const [field, message] of Object.entries(out)) {
    const code = VALIDATION_CODES.find((c) => c === message.trim());
    if (code) out[field] = t(`validation.${code}`);
  }
  return out;
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const text = useErrorText();
  if (!error) return null;
  return (
    <div className="note note-error" role="alert">
      <span>{text(error)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; required?: boolean }) => ReactNode;
  wide?: boolean;
}

/** A labelled form control with its hint and its error message. */
export function Field({ label, error, hint, required, children, wide }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req" aria-hidden="true"> *</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, required })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** Previous/next paging over a `{ items, total }` list. */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange: (offset: number) => void }) {
  const t = useT();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('common.pageInfo', { from, to, total })}>
      <button type="button" className="btn" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.pageInfo', { from, to, total })}</span>
      <button type="button" className="btn" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

interface ConfirmButtonProps {
  label: string;
  message: string;
  confirmLabel?: string;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
}

/** A button that asks first, in a modal dialog. */
export function ConfirmButton({ label, message, confirmLabel, onConfirm, className = 'btn', disabled }: ConfirmButtonProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <h2 id={titleId} className="dialog-title">
          {t('common.confirmTitle')}
        </h2>
        <p>{message}</p>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel ?? label}
          </button>
        </div>
      </dialog>
    </>
  );
}

export function StatusBadge({ active }: { active: boolean }) {
  const t = useT();
  return <span className={`badge ${active ? 'badge-ok' : 'badge-muted'}`}>{active ? t('common.active') : t('common.inactive')}</span>;
}

/** Copies text to the clipboard, with a short "copied" acknowledgement. */
export function CopyButton({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() => {
        void navigator.clipboard
          ?.writeText(text)
          .then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          })
          .catch(() => setCopied(false));
      }}
    >
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}

/** The `<option>`s of the madrasahs the user can see (one per madrasah, by name). */
export function MadrasahOptions({ madrasahs }: { madrasahs: readonly { id: string; name: string }[] }) {
  return (
    <>
      {madrasahs.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </>
  );
}
