import type { MgmpAgendaItem, MgmpDecision, MgmpMeeting } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ConfirmButton, ErrorNote, Field, useFieldErrors } from '../../shared/ui.tsx';
import { hasDraft, moved } from './admin.models.ts';
import { mgmpKeys } from './mgmp.api.ts';

/**
 * "Susun agenda": officers add, rename, remove and reorder agenda items while the meeting is
 * planned or running. Up / down buttons (big enough for a thumb) instead of dragging; every
 * change is one request and the server answers with the whole agenda.
 */

const enc = encodeURIComponent;

export function AgendaEditor({ meeting }: { meeting: MgmpMeeting }) {
  const t = useT();
  const queryClient = useQueryClient();
  const agenda = [...meeting.agenda].sort((a, b) => a.ordinal - b.ordinal);
  const fresh = (m: MgmpMeeting) => queryClient.setQueryData(mgmpKeys.meeting(m.id), m);
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api<MgmpMeeting>('PUT', `/mgmp/meetings/${enc(meeting.id)}/agenda-order`, { body: { ids } }),
    onSuccess: fresh,
  });
  if (meeting.status !== 'direncanakan' && meeting.status !== 'berlangsung') return null;
  const move = (index: number, step: -1 | 1) => reorder.mutate(moved(agenda, index, step).map((a) => a.id));
  return (
    <details className="filters section agenda-editor" open={hasDraft(`mgmp.agenda.new.${meeting.id}`) || agenda.some((a) => hasDraft(`mgmp.agenda.rename.${a.id}`)) || undefined}>
      <summary>
        <h2>{t('mgmpAdmin.agenda.title')}</h2>
      </summary>
      <p className="muted small">{t('mgmpAdmin.agenda.hint')}</p>
      <ol className="item-list agenda-edit-list">
        {agenda.map((item, i) => (
          <AgendaRow key={item.id} item={item} index={i} total={agenda.length} busy={reorder.isPending} onMove={(step) => move(i, step)} onSaved={fresh} />
        ))}
      </ol>
      <ErrorNote error={reorder.error} />
      <AddAgendaItem meeting={meeting} onSaved={fresh} />
    </details>
  );
}

function AgendaRow({ item, index, total, busy, onMove, onSaved }: { item: MgmpAgendaItem; index: number; total: number; busy: boolean; onMove: (step: -1 | 1) => void; onSaved: (m: MgmpMeeting) => void }) {
  const t = useT();
  const draft = useDraft(`mgmp.agenda.rename.${item.id}`, { title: item.title });
  const [editing, setEditing] = useState(draft.restored);
  const title = draft.values.title;
  const rename = useMutation({
    mutationFn: () => api<MgmpMeeting>('PATCH', `/mgmp/agenda-items/${enc(item.id)}`, { body: { title } }),
    onSuccess: (m) => {
      draft.clear({ title: m.agenda.find((a) => a.id === item.id)?.title ?? title });
      setEditing(false);
      onSaved(m);
    },
  });
  const remove = useMutation({
    mutationFn: () => api<MgmpMeeting>('DELETE', `/mgmp/agenda-items/${enc(item.id)}`),
    onSuccess: onSaved,
  });
  const errors = useFieldErrors(rename.error);
  return (
    <li className="agenda-edit-row" data-agenda-id={item.id}>
      <div className="item-main">
        <span className="muted small">{t('mgmpAdmin.agenda.position', { n: index + 1, total })}</span>
        {editing ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              rename.mutate();
            }}
          >
            <Field label={t('mgmpAdmin.agenda.itemTitle')} required error={errors.title}>
              {(p) => <input {...p} value={title} onChange={(e) => draft.set('title', e.target.value)} />}
            </Field>
            <div className="actions">
              <button type="submit" className="btn btn-primary btn-touch" disabled={rename.isPending || title.trim() === ''}>
                {t('mgmpAdmin.save')}
              </button>
              <button
                type="button"
                className="btn btn-touch"
                onClick={() => {
                  setEditing(false);
                  draft.clear({ title: item.title });
                }}
              >
                {t('mgmpAdmin.cancel')}
              </button>
            </div>
            <ErrorNote error={rename.error} />
          </form>
        ) : (
          <strong className="agenda-edit-title">
            {item.title} {item.kind !== 'biasa' && <span className="badge badge-plan">{t(`mgmp.agendaKind.${item.kind}`)}</span>}
          </strong>
        )}
        <ErrorNote error={remove.error} />
      </div>
      {!editing && (
        <div className="row-buttons">
          <button type="button" className="btn btn-touch" aria-label={t('mgmpAdmin.agenda.upLabel', { title: item.title })} title={t('mgmpAdmin.agenda.up')} disabled={busy || index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="btn btn-touch" aria-label={t('mgmpAdmin.agenda.downLabel', { title: item.title })} title={t('mgmpAdmin.agenda.down')} disabled={busy || index === total - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="btn btn-touch" aria-label={t('mgmpAdmin.agenda.editLabel', { title: item.title })} onClick={() => setEditing(true)}>
            {t('mgmpAdmin.agenda.edit')}
          </button>
          <ConfirmButton label={t('mgmpAdmin.agenda.remove')} message={t('mgmpAdmin.agenda.removeConfirm', { title: item.title })} className="btn btn-touch" disabled={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
      )}
    </li>
  );
}

/** Adds an item at the end; a proposal item may carry the proposal text, opened for musyawarah at once. Kept on the device until sent. */
function AddAgendaItem({ meeting, onSaved }: { meeting: MgmpMeeting; onSaved: (m: MgmpMeeting) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft(`mgmp.agenda.new.${meeting.id}`, { title: '', kind: 'biasa', proposal: '' });
  const v = draft.values;
  const add = useMutation({
    mutationFn: async () => {
      const kind = v.kind === 'proposal' ? 'proposal' : 'biasa';
      const before = new Set(meeting.agenda.map((a) => a.id));
      const m = await api<MgmpMeeting>('POST', `/mgmp/meetings/${enc(meeting.id)}/agenda-items`, { body: { title: v.title, kind } });
      onSaved(m);
      draft.set('title', ''); // the item exists now: a retry must not add it twice
      const created = m.agenda.find((a) => !before.has(a.id));
      if (kind === 'proposal' && created && v.proposal.trim() !== '') {
        await api<MgmpDecision>('POST', `/mgmp/agenda-items/${enc(created.id)}/decisions`, { body: { proposal: v.proposal } });
        void queryClient.invalidateQueries({ queryKey: mgmpKeys.decisions(meeting.groupId) });
      }
      return m;
    },
    onSuccess: () => draft.clear(),
  });
  const errors = useFieldErrors(add.error);
  return (
    <form
      className="form-grid add-agenda-item"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3 className="field-wide">{t('mgmpAdmin.agenda.add')}</h3>
      {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
      <Field label={t('mgmpAdmin.agenda.itemTitle')} required error={errors.title}>
        {(p) => <input {...p} value={v.title} onChange={(e) => draft.set('title', e.target.value)} />}
      </Field>
      <Field label={t('mgmpAdmin.agenda.kind')}>
        {(p) => (
          <select {...p} value={v.kind} onChange={(e) => draft.set('kind', e.target.value === 'proposal' ? 'proposal' : 'biasa')}>
            <option value="biasa">{t('mgmp.agendaKind.biasa')}</option>
            <option value="proposal">{t('mgmp.agendaKind.proposal')}</option>
          </select>
        )}
      </Field>
      {v.kind === 'proposal' && (
        <Field label={t('mgmpAdmin.agenda.proposal')} hint={t('mgmpAdmin.agenda.proposalHint')} error={errors.proposal} wide>
          {(p) => <textarea {...p} rows={2} value={v.proposal} onChange={(e) => draft.set('proposal', e.target.value)} />}
        </Field>
      )}
      <ErrorNote error={add.error} />
      <button type="submit" className="btn btn-primary" disabled={add.isPending || v.title.trim() === ''}>
        {t('mgmpAdmin.agenda.add')}
      </button>
    </form>
  );
}
