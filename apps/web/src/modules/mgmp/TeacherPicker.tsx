import { useId, useState } from 'react';
import { useDebounced } from '../../shared/hooks.ts';
import { useTeacherList } from '../../shared/people.api.ts';
import { ErrorNote, Field, Loading } from '../../shared/ui.tsx';

/** The words of one use of the picker (group members, meeting guests), already translated. */
export interface TeacherPickerTexts {
  search: string;
  hint: string;
  noResults: string;
  already: string;
  add: string;
  addLabel: (name: string) => string;
}

/**
 * Search the madrasah's active teachers (from 2 characters) and add one; a teacher already chosen
 * shows a badge instead of the button. Thumb-sized buttons, one column on a phone.
 */
export function TeacherPicker({ madrasahId, chosenIds, onAdd, texts }: { madrasahId: string | null; chosenIds: readonly string[]; onAdd: (t: { teacherId: string; name: string }) => void; texts: TeacherPickerTexts }) {
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 300);
  const resultsId = useId();
  return (
    <div className="teacher-picker">
      <Field label={texts.search} hint={texts.hint}>
        {(p) => <input {...p} type="search" autoComplete="off" aria-controls={resultsId} value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      {search.length >= 2 && <PickerResults id={resultsId} search={search} madrasahId={madrasahId} chosenIds={chosenIds} onAdd={onAdd} texts={texts} />}
    </div>
  );
}

function PickerResults({ id, search, madrasahId, chosenIds, onAdd, texts }: { id: string; search: string; madrasahId: string | null; chosenIds: readonly string[]; onAdd: (t: { teacherId: string; name: string }) => void; texts: TeacherPickerTexts }) {
  const list = useTeacherList({ q: search, ...(madrasahId ? { madrasahId } : {}), active: 'true', limit: 8, offset: 0 });
  return (
    <ul id={id} className="item-list picker-results" aria-live="polite">
      {list.isPending ? (
        <li>
          <Loading />
        </li>
      ) : list.error ? (
        <li>
          <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
        </li>
      ) : list.data.items.length === 0 ? (
        <li className="muted">{texts.noResults}</li>
      ) : (
        list.data.items.map((teacher) => (
          <li key={teacher.id}>
            <span className="item-main">{teacher.name}</span>
            {chosenIds.includes(teacher.id) ? (
              <span className="badge badge-muted">{texts.already}</span>
            ) : (
              <button type="button" className="btn btn-small btn-touch" aria-label={texts.addLabel(teacher.name)} onClick={() => onAdd({ teacherId: teacher.id, name: teacher.name })}>
                {texts.add}
              </button>
            )}
          </li>
        ))
      )}
    </ul>
  );
}
