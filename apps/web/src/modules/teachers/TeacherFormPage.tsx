import { EMPLOYMENT_STATUSES, GENDERS, LIMITS, type TeacherDetail } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { keys, useSubjects, useTeacher } from '../../shared/people.api.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, useFieldErrors, MadrasahOptions } from '../../shared/ui.tsx';

/** What the form holds: every field as typed text. */
interface TeacherFormValues {
  madrasahId: string;
  name: string;
  gender: string;
  employmentStatus: string;
  nuptk: string;
  nip: string;
  pegId: string;
  nik: string;
  birthPlace: string;
  birthDate: string;
  ptkType: string;
  extraDuties: string;
  phone: string;
  email: string;
  address: string;
  subjectIds: string[];
}

type TextField = Exclude<keyof TeacherFormValues, 'subjectIds' | 'madrasahId' | 'gender' | 'employmentStatus'>;

function fromTeacher(teacher: TeacherDetail): TeacherFormValues {
  return {
    madrasahId: teacher.madrasahId,
    name: teacher.name,
    gender: teacher.gender ?? '',
    employmentStatus: teacher.employmentStatus ?? '',
    nuptk: teacher.nuptk ?? '',
    nip: teacher.nip ?? '',
    pegId: teacher.pegId ?? '',
    nik: teacher.nik ?? '',
    birthPlace: teacher.birthPlace ?? '',
    birthDate: teacher.birthDate ?? '',
    ptkType: teacher.ptkType ?? '',
    extraDuties: teacher.extraDuties ?? '',
    phone: teacher.phone ?? '',
    email: teacher.email ?? '',
    address: teacher.address ?? '',
    subjectIds: teacher.subjects.map((s) => s.id),
  };
}

function emptyValues(madrasahId: string): TeacherFormValues {
  return {
    madrasahId,
    name: '',
    gender: '',
    employmentStatus: '',
    nuptk: '',
    nip: '',
    pegId: '',
    nik: '',
    birthPlace: '',
    birthDate: '',
    ptkType: '',
    extraDuties: '',
    phone: '',
    email: '',
    address: '',
    subjectIds: [],
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The request body: empty text becomes null, enums are checked against the shared lists. */
function toBody(v: TeacherFormValues, restricted: boolean) {
  const body = {
    name: v.name.trim(),
    gender: GENDERS.find((g) => g === v.gender) ?? null,
    employmentStatus: EMPLOYMENT_STATUSES.find((s) => s === v.employmentStatus) ?? null,
    subjectIds: v.subjectIds,
  };
  // Fields the server withheld are not sent back, so they are never blanked by mistake.
  if (restricted) return body;
  return {
    ...body,
    nuptk: orNull(v.nuptk),
    nip: orNull(v.nip),
    pegId: orNull(v.pegId),
    nik: orNull(v.nik),
    birthPlace: orNull(v.birthPlace),
    birthDate: orNull(v.birthDate),
    ptkType: orNull(v.ptkType),
    extraDuties: orNull(v.extraDuties),
    phone: orNull(v.phone),
    email: orNull(v.email),
    address: orNull(v.address),
  };
}

export function NewTeacherPage() {
  const me = useMe();
  return <TeacherForm draftKey="teacher.new" initial={emptyValues(me.madrasahs.length === 1 && me.madrasahs[0] ? me.madrasahs[0].id : '')} />;
}

export function EditTeacherPage() {
  const { id = '' } = useParams();
  const teacher = useTeacher(id);
  if (teacher.isPending) return <Loading />;
  if (teacher.error) return <ErrorNote error={teacher.error} onRetry={() => void teacher.refetch()} />;
  return <TeacherForm draftKey={`teacher.${teacher.data.id}`} initial={fromTeacher(teacher.data)} teacher={teacher.data} />;
}

function TeacherForm({ draftKey, initial, teacher }: { draftKey: string; initial: TeacherFormValues; teacher?: TeacherDetail }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useDraft(draftKey, initial);
  const v = draft.values;
  const subjects = useSubjects(v.madrasahId || undefined);
  const restricted = teacher?.restricted ?? false;

  const save = useMutation({
    mutationFn: () =>
      teacher
        ? api<TeacherDetail>('PATCH', `/teachers/${teacher.id}`, { body: toBody(v, restricted) })
        : api<TeacherDetail>('POST', '/teachers', { body: { madrasahId: v.madrasahId, ...toBody(v, false) } }),
    onSuccess: (saved) => {
      draft.clear(fromTeacher(saved));
      queryClient.setQueryData(keys.teacher(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.teachers });
      void queryClient.invalidateQueries({ queryKey: keys.counts });
      void navigate(`/guru/${saved.id}`);
    },
  });
  const errors = useFieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  const text = (field: TextField, label: string, extra: { type?: string; hint?: string; required?: boolean; inputMode?: 'numeric' | 'tel' | 'email'; max?: number } = {}) => (
    <Field label={label} error={errors[field]} hint={extra.hint} required={extra.required}>
      {(p) => (
        <input
          {...p}
          name={field}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          maxLength={extra.max ?? LIMITS.nameMax}
          value={v[field]}
          onChange={(e) => draft.set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const area = (field: 'extraDuties' | 'address', label: string) => (
    <Field label={label} error={errors[field]} wide>
      {(p) => <textarea {...p} name={field} rows={3} maxLength={LIMITS.textMax} value={v[field]} onChange={(e) => draft.set(field, e.target.value)} />}
    </Field>
  );
  const toggleSubject = (id: string, on: boolean) =>
    draft.set('subjectIds', on ? [...v.subjectIds, id] : v.subjectIds.filter((s) => s !== id));

  return (
    <section className="page">
      <Link to={teacher ? `/guru/${teacher.id}` : '/guru'} className="back">
        ← {teacher ? teacher.name : t('teachers.title')}
      </Link>
      <h1>{teacher ? t('teachers.editTitle') : t('teachers.newTitle')}</h1>
      {draft.restored && (
        <div className="note" role="status">
          <span>{t('common.draftRestored')}</span>
          <button type="button" className="btn btn-small" onClick={() => draft.clear()}>
            {t('common.discardDraft')}
          </button>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        {isApiError(save.error, 'common.validation_failed') && Object.keys(errors).length > 0 ? (
          <div className="note note-error" role="alert">
            {t('common.fixErrors')}
          </div>
        ) : (
          <ErrorNote error={save.error} />
        )}
        <fieldset className="card">
          <legend>{t('teachers.identity')}</legend>
          <div className="form-grid">
            {!teacher && me.madrasahs.length > 1 && (
              <Field label={t('common.madrasah')} required error={errors.madrasahId}>
                {(p) => (
                  <select {...p} value={v.madrasahId} onChange={(e) => draft.set('madrasahId', e.target.value)}>
                    <option value="">{t('teachers.choose')}</option>
                    <MadrasahOptions madrasahs={me.madrasahs} />
                  </select>
                )}
              </Field>
            )}
            {text('name', t('teachers.name'), { required: true })}
            <Field label={t('teachers.gender')} error={errors.gender}>
              {(p) => (
                <select {...p} value={v.gender} onChange={(e) => draft.set('gender', e.target.value)}>
                  <option value="">{t('teachers.choose')}</option>
                  <option value="L">{t('teachers.genderL')}</option>
                  <option value="P">{t('teachers.genderP')}</option>
                </select>
              )}
            </Field>
            {!restricted && text('nik', t('teachers.nik'), { inputMode: 'numeric', hint: t('teachers.identifierHint'), max: 40 })}
            {!restricted && text('birthPlace', t('teachers.birthPlace'))}
            {!restricted && text('birthDate', t('teachers.birthDate'), { type: 'date' })}
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>{t('teachers.employment')}</legend>
          <div className="form-grid">
            <Field label={t('teachers.employmentStatus')} error={errors.employmentStatus}>
              {(p) => (
                <select {...p} value={v.employmentStatus} onChange={(e) => draft.set('employmentStatus', e.target.value)}>
                  <option value="">{t('teachers.choose')}</option>
                  {EMPLOYMENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`employmentStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {!restricted && text('nip', t('teachers.nip'), { inputMode: 'numeric', max: 40 })}
            {!restricted && text('nuptk', t('teachers.nuptk'), { max: 40 })}
            {!restricted && text('pegId', t('teachers.pegId'), { inputMode: 'numeric', max: 40 })}
            {!restricted && text('ptkType', t('teachers.ptkType'))}
            {!restricted && area('extraDuties', t('teachers.extraDuties'))}
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>{t('teachers.subjects')}</legend>
          {errors.subjectIds && <p className="field-error">{errors.subjectIds}</p>}
          {subjects.isPending && v.madrasahId ? (
            <Loading />
          ) : (
            <div className="checks">
              {subjects.data?.items
                .filter((s) => s.active || v.subjectIds.includes(s.id))
                .map((s) => (
                  <label key={s.id} className="check">
                    <input type="checkbox" checked={v.subjectIds.includes(s.id)} onChange={(e) => toggleSubject(s.id, e.target.checked)} />
                    <span>{s.name}</span>
                  </label>
                ))}
            </div>
          )}
        </fieldset>
        {!restricted && (
          <fieldset className="card">
            <legend>{t('teachers.contact')}</legend>
            <div className="form-grid">
              {text('phone', t('teachers.phone'), { type: 'tel', inputMode: 'tel', max: 40 })}
              {text('email', t('teachers.email'), { type: 'email', inputMode: 'email' })}
              {area('address', t('teachers.address'))}
            </div>
          </fieldset>
        )}
        <div className="actions sticky-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              draft.clear();
              void navigate(teacher ? `/guru/${teacher.id}` : '/guru');
            }}
          >
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
