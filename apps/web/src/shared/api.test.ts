import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl, fieldErrors } from './api.ts';

describe('fieldErrors', () => {
  it('reads the server issue list and strips the request part from the path', () => {
    const error = new ApiError(400, 'common.validation_failed', 'Data tidak valid', [
      { path: 'body.nik', message: 'NIK harus 16 digit' },
      { path: 'body.subjectIds.0', message: 'Invalid UUID' },
    ]);
    expect(fieldErrors(error)).toMatchObject({ nik: 'NIK harus 16 digit', subjectIds: 'Invalid UUID' });
  });

  it('reads zod-style flattened field errors', () => {
    const error = new ApiError(400, 'common.validation_failed', 'x', { fieldErrors: { name: ['Wajib diisi'] } });
    expect(fieldErrors(error)).toEqual({ name: 'Wajib diisi' });
  });

  it('gives nothing for other error codes', () => {
    expect(fieldErrors(new ApiError(404, 'people.teacher_not_found', 'x', [{ path: 'body.nik', message: 'y' }]))).toEqual({});
  });
});

describe('apiUrl', () => {
  it('leaves out empty query values', () => {
    expect(apiUrl('/teachers', { q: '', limit: 25, offset: 0, subjectId: undefined })).toBe('/api/v1/teachers?limit=25&offset=0');
  });
});
