import { MGMP_PROGRAMME_TYPES, type MgmpGroup, type MgmpProgrammeItem, type MgmpProgrammeType } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ConfirmButton, ErrorNote, Field, useFieldErrors } from '../../shared/ui.tsx';
import { programmeState } from './admin.models.ts';
import { useMgmpTopics } from './mgmp.api.ts';

/**
 * Planned vs held for one programme activity, and its edit / delete for officers. The server's
 * rule: a held activity (its meeting selesai) is neither edited nor deleted; a scheduled one
 * (meeting direncanakan / berlangsung) is edited but not deleted; one whose meeting was cancelled
 * may be both.
 */

const enc = encodeURIComponent;
const isType = (v: string): v is MgmpProgrammeType => MGMP_PROGRAMME_TYPES.some((x) => x === v);

export function ProgrammeItemActions({ item, group }: { item: MgmpProgrammeItem; group: MgmpGroup }) {
  const t = useT();
  const queryClient = useQueryClient();
  const state = programmeState(item);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['mgmp', 'programme', group.id] });
  const remove = useMutation({ mutationFn: () => api<{ ok: true }>('DELETE', `/mgmp/programme-items/${enc(item.id)}`), onSuccess: refresh });
  if (state === 'held') return <p className="muted small">{t('mgmpAdmin.programme.heldLocked')}</p>;
  return (
    <div className="programme-actions">
      <EditProgrammeItem item={item} group={group} onSaved={refresh} />
      {state === 'scheduled' ? (
        <p className="muted small">{t('mgmpAdmin.programme.scheduledNoDelete')}</p>
      ) : (
        <ConfirmButton label={t('mgmpAdmin.programme.remove')} message={t('mgmpAdmin.programme.removeConfirm', { title: item.title })} className="btn btn-small btn-touch" disabled={remove.isPending} onConfirm={() => remove.mutate()} />
      )}
      <ErrorNote error={remove.error} />
    </div>
  );
}

function EditProgrammeItem({ item, group, onSaved }: { item: MgmpProgrammeItem; group: MgmpGroup; onSaved: () => void }) {
  const t = useT();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const topics = useMgmpTopics(group.madrasahId, open);
  const initial = { title: item.title, type: item.type as string, topicId: item.topicId ?? '', targetMonth: item.targetMonth, personInChargeId: item.personInChargeId ?? '' };
  const draft = useDraft(`mgmp.programme.edit.${item.id}`, initial);
  const v = draft.values;
  const save = useMutation({
    mutationFn: () =>
      api<MgmpProgrammeItem>('PATCH', `/mgmp/programme-items/${enc(item.id)}`, {
        body: { title: v.title, type: isType(v.type) ? v.type : 'rutin', topicId: v.topicId || null, targetMonth: v.targetMonth, personInChargeId: v.personInChargeId || null },
      }),
    onSuccess: (fresh) => {
      draft.clear({ title: fresh.title, type: fresh.type, topicId: fresh.topicId ?? '', targetMonth: fresh.targetMonth, personInChargeId: fresh.personInChargeId ?? '' });
      setOpen(false);
      onSaved();
    },
  });
  const errors = useFieldErrors(save.error);
  return (
    <div className="edit-programme">
      <button type="button" className="btn btn-small btn-touch" aria-expanded={open || draft.restored} aria-controls={formId} onClick={() => setOpen(!open)}>
        {t('mgmpAdmin.programme.edit')}
      </button>
      {(open || draft.restored) && (
        <form
          id={formId}
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
          <ProgrammeItemFields values={v} set={draft.set} errors={errors} topics={topics.data?.items ?? (item.topicId ? [{ id: item.topicId, name: item.topicName ?? '' }] : [])} members={group.members} />
          <ErrorNote error={save.error} />
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('mgmpAdmin.save')}
          </button>
        </form>
      )}
    </div>
  );
}

type ProgrammeItemValues = { title: string; type: string; topicId: string; targetMonth: string; personInChargeId: string };

/** The fields of a programme activity, shared by the add form and the edit form. */
export function ProgrammeItemFields({
  values: v,
  set,
  errors,
  topics,
  members,
}: {
  values: ProgrammeItemValues;
  set: (field: keyof ProgrammeItemValues, value: string) => void;
  errors: Record<string, string>;
  topics: readonly { id: string; name: string }[];
  members: MgmpGroup['members'];
}) {
  const t = useT();
  return (
    <>
      <Field label={t('mgmp.programme.itemTitle')} required error={errors.title}>
        {(p) => <input {...p} value={v.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field label={t('mgmp.programme.type')} required error={errors.type}>
        {(p) => (
          <select {...p} value={v.type} onChange={(e) => set('type', isType(e.target.value) ? e.target.value : 'rutin')}>
            {MGMP_PROGRAMME_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`mgmp.programme.typeName.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('mgmp.programme.topic')} error={errors.topicId}>
        {(p) => (
          <select {...p} value={v.topicId} onChange={(e) => set('topicId', e.target.value)}>
            <option value="">{t('mgmp.programme.noTopic')}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('mgmp.programme.targetMonth')} required error={errors.targetMonth}>
        {(p) => <input {...p} type="month" value={v.targetMonth} onChange={(e) => set('targetMonth', e.target.value)} />}
      </Field>
      <Field label={t('mgmp.programme.personInCharge')} error={errors.personInChargeId}>
        {(p) => (
          <select {...p} value={v.personInChargeId} onChange={(e) => set('personInChargeId', e.target.value)}>
            <option value="">{t('mgmp.programme.nobody')}</option>
            {members.map((m) => (
              <option key={m.teacherId} value={m.teacherId}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
