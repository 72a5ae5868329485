import { LIMITS } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { categoryOf, fitWithin, formatBytes, jpegName, shouldDownscale, uploadProblem } from './files.rules.ts';

const MB = 1024 * 1024;

describe('uploadProblem: checked in the browser before sending', () => {
  it.each([
    ['a phone photo', { name: 'IMG_1.jpg', type: 'image/jpeg', size: 3 * MB }, null],
    ['a photo the browser labels image/jpg', { name: 'a', type: 'image/jpg', size: MB }, null],
    ['a PDF', { name: 'materi.pdf', type: 'application/pdf', size: 15 * MB }, null],
    ['a DOCX with no type from the browser (by extension)', { name: 'rpp.docx', type: '', size: MB }, null],
    ['a photo over the image limit', { name: 'a.jpg', type: 'image/jpeg', size: LIMITS.imageFileMaxBytes + 1 }, 'tooLarge'],
    ['a document over the document limit', { name: 'a.pdf', type: 'application/pdf', size: LIMITS.documentFileMaxBytes + 1 }, 'tooLarge'],
    ['a video', { name: 'rapat.mp4', type: 'video/mp4', size: MB }, 'wrongType'],
    ['a HEIC photo (not accepted: the phone must save JPEG)', { name: 'IMG.HEIC', type: 'image/heic', size: MB }, 'wrongType'],
    ['a text file', { name: 'catatan.txt', type: 'text/plain', size: 10 }, 'wrongType'],
  ] as const)('%s', (_name, file, expected) => expect(uploadProblem(file)).toBe(expected));

  it('a logo takes images only', () => {
    expect(uploadProblem({ name: 'logo.pdf', type: 'application/pdf', size: 10 }, ['image'])).toBe('wrongType');
    expect(uploadProblem({ name: 'logo.png', type: 'image/png', size: 10 }, ['image'])).toBeNull();
  });

  it('categoryOf prefers the type, then the extension', () => {
    expect(categoryOf({ name: 'x.pdf', type: 'image/png' })).toBe('image');
    expect(categoryOf({ name: 'x.PPTX', type: '' })).toBe('document');
    expect(categoryOf({ name: 'x', type: '' })).toBeNull();
  });
});

describe('downscaling photos before upload', () => {
  it.each([
    ['a 4000×3000 camera photo', { type: 'image/jpeg', size: 4 * MB, width: 4000, height: 3000 }, true],
    ['a small but heavy photo', { type: 'image/png', size: 2 * MB, width: 1200, height: 900 }, true],
    ['a light 1600 px photo is sent as it is', { type: 'image/jpeg', size: 400_000, width: 1600, height: 1200 }, false],
    ['a PDF is never touched', { type: 'application/pdf', size: 9 * MB, width: 0, height: 0 }, false],
  ] as const)('%s', (_name, photo, expected) => expect(shouldDownscale(photo)).toBe(expected));

  it.each([
    [4000, 3000, 1600, 1200],
    [3000, 4000, 1200, 1600],
    [1600, 900, 1600, 900],
    [800, 600, 800, 600],
    [10000, 10, 1600, 2],
  ])('fitWithin(%i, %i) = %i×%i', (w, h, ew, eh) => expect(fitWithin(w, h)).toEqual({ width: ew, height: eh }));

  it('names a re-encoded photo .jpg', () => {
    expect(jpegName('IMG_20260101.png')).toBe('IMG_20260101.jpg');
    expect(jpegName('foto')).toBe('foto.jpg');
    expect(jpegName('')).toBe('foto.jpg');
  });
});

describe('formatBytes', () => {
  it.each([
    [512, 'id', '512 B'],
    [850 * 1024, 'id', '850 KB'],
    [1.25 * MB, 'id', '1,3 MB'],
    [1.25 * MB, 'en', '1.3 MB'],
    [20 * MB, 'en', '20 MB'],
  ] as const)('%i bytes in %s: %s', (bytes, locale, text) => expect(formatBytes(bytes, locale)).toBe(text));
});
