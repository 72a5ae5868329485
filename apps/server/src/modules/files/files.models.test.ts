import { describe, expect, it } from 'vitest';
import { LIMITS } from '@tumbuh/shared';
import { canDeleteFile, classifyUpload, cleanFileName, contentDisposition, downloadName, extensionOf, normaliseDeclaredType, storedImageFormat, type DetectedType } from './files.models.ts';

const JPEG: DetectedType = { mime: 'image/jpeg', ext: 'jpg' };
const PNG: DetectedType = { mime: 'image/png', ext: 'png' };
const WEBP: DetectedType = { mime: 'image/webp', ext: 'webp' };
const PDF: DetectedType = { mime: 'application/pdf', ext: 'pdf' };
const DOCX: DetectedType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
const XLSX: DetectedType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
const PPTX: DetectedType = { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' };
const GIF: DetectedType = { mime: 'image/gif', ext: 'gif' };
const EXE: DetectedType = { mime: 'application/x-msdownload', ext: 'exe' };
const ZIP: DetectedType = { mime: 'application/zip', ext: 'zip' };
const KB = 1024;

describe('classifyUpload: the type comes from the content, the label must agree, sizes per category', () => {
  const cases: Array<[string, Parameters<typeof classifyUpload>[0], string]> = [
    ['a JPEG photo labelled image/jpeg is accepted', { detected: JPEG, declaredType: 'image/jpeg', fileName: 'IMG_001.jpg', byteSize: 500 * KB }, 'image/jpeg'],
    ['image/jpg and .jpeg are the same type', { detected: JPEG, declaredType: 'image/jpg', fileName: 'foto.JPEG', byteSize: 500 * KB }, 'image/jpeg'],
    ['a PNG with a generic label is accepted (the content decides)', { detected: PNG, declaredType: 'application/octet-stream', fileName: 'layar.png', byteSize: 10 * KB }, 'image/png'],
    ['a WebP photo is accepted', { detected: WEBP, declaredType: 'image/webp', fileName: 'a.webp', byteSize: 10 * KB }, 'image/webp'],
    ['a name without extension is fine', { detected: JPEG, declaredType: undefined, fileName: 'blob', byteSize: 10 * KB }, 'image/jpeg'],
    ['a label with parameters is compared without them', { detected: PDF, declaredType: 'application/pdf; charset=binary', fileName: 'notulen.pdf', byteSize: 10 * KB }, 'application/pdf'],
    ['a DOCX is accepted', { detected: DOCX, declaredType: DOCX?.mime, fileName: 'rpp.docx', byteSize: 10 * KB }, DOCX?.mime ?? ''],
    ['an XLSX is accepted', { detected: XLSX, declaredType: '', fileName: 'nilai.xlsx', byteSize: 10 * KB }, XLSX?.mime ?? ''],
    ['a PPTX is accepted', { detected: PPTX, declaredType: undefined, fileName: 'materi.pptx', byteSize: 10 * KB }, PPTX?.mime ?? ''],
    ['an empty file is refused', { detected: undefined, declaredType: 'image/jpeg', fileName: 'a.jpg', byteSize: 0 }, 'files.empty'],
    ['a GIF is not an accepted type', { detected: GIF, declaredType: 'image/gif', fileName: 'a.gif', byteSize: 10 * KB }, 'files.type_not_allowed'],
    ['a program is not an accepted type', { detected: EXE, declaredType: undefined, fileName: 'setup.exe', byteSize: 10 * KB }, 'files.type_not_allowed'],
    ['a plain zip is not an accepted type', { detected: ZIP, declaredType: 'application/zip', fileName: 'a.zip', byteSize: 10 * KB }, 'files.type_not_allowed'],
    ['unrecognised content under an unaccepted name is not an accepted type', { detected: undefined, declaredType: 'text/plain', fileName: 'catatan.txt', byteSize: 10 * KB }, 'files.type_not_allowed'],
    ['text content named .jpg is mislabelled', { detected: undefined, declaredType: 'image/jpeg', fileName: 'foto.jpg', byteSize: 10 * KB }, 'files.mislabelled'],
    ['text content labelled application/pdf is mislabelled', { detected: undefined, declaredType: 'application/pdf', fileName: 'x', byteSize: 10 * KB }, 'files.mislabelled'],
    ['a program renamed to .pdf is mislabelled', { detected: EXE, declaredType: 'application/pdf', fileName: 'laporan.pdf', byteSize: 10 * KB }, 'files.mislabelled'],
    ['a PNG labelled image/jpeg is mislabelled', { detected: PNG, declaredType: 'image/jpeg', fileName: 'a.png', byteSize: 10 * KB }, 'files.mislabelled'],
    ['a JPEG named .png is mislabelled', { detected: JPEG, declaredType: undefined, fileName: 'a.png', byteSize: 10 * KB }, 'files.mislabelled'],
    ['a PDF named .docx is mislabelled', { detected: PDF, declaredType: 'application/octet-stream', fileName: 'a.docx', byteSize: 10 * KB }, 'files.mislabelled'],
    ['a photo of exactly the image limit is accepted', { detected: JPEG, declaredType: 'image/jpeg', fileName: 'a.jpg', byteSize: LIMITS.imageFileMaxBytes }, 'image/jpeg'],
    ['a photo one byte over the image limit is too large', { detected: JPEG, declaredType: 'image/jpeg', fileName: 'a.jpg', byteSize: LIMITS.imageFileMaxBytes + 1 }, 'files.too_large'],
    ['a document over the image limit but under its own is accepted', { detected: PDF, declaredType: 'application/pdf', fileName: 'a.pdf', byteSize: LIMITS.imageFileMaxBytes + 1 }, 'application/pdf'],
    ['a document one byte over the document limit is too large', { detected: PDF, declaredType: 'application/pdf', fileName: 'a.pdf', byteSize: LIMITS.documentFileMaxBytes + 1 }, 'files.too_large'],
    ['a document where only images are taken (logo) is not an accepted type', { detected: PDF, declaredType: 'application/pdf', fileName: 'logo.pdf', byteSize: 10 * KB, categories: ['image'] }, 'files.type_not_allowed'],
    ['a photo where only images are taken is accepted', { detected: PNG, declaredType: 'image/png', fileName: 'logo.png', byteSize: 10 * KB, categories: ['image'] }, 'image/png'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const verdict = classifyUpload(input);
    expect(verdict.ok ? verdict.type.mediaType : verdict.code).toBe(expected);
  });
});

describe('names and labels', () => {
  it.each([
    ['IMG_20260101.JPG', 'jpg'],
    ['laporan.final.pdf', 'pdf'],
    ['C:\\Users\\guru\\foto.png', 'png'],
    ['.bashrc', ''],
    ['tanpa-ekstensi', ''],
  ])('extensionOf(%s) = %s', (name, ext) => expect(extensionOf(name)).toBe(ext));

  it.each([
    ['image/JPG', 'image/jpeg'],
    ['image/pjpeg', 'image/jpeg'],
    [' application/PDF ; x=1', 'application/pdf'],
    [undefined, ''],
  ])('normaliseDeclaredType(%s) = %s', (input, out) => expect(normaliseDeclaredType(input)).toBe(out));

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\fakepath\\Foto Rapat.jpg', 'Foto Rapat.jpg'],
    ['a"b<c>d|e?.pdf', 'abcde.pdf'],
    ['line\r\nbreak.png', 'linebreak.png'],
    ['...hidden', 'hidden'],
    ['', 'berkas'],
    [undefined, 'berkas'],
    [`${'x'.repeat(200)}.docx`, `${'x'.repeat(115)}.docx`],
  ])('cleanFileName(%j) = %j', (input, out) => expect(cleanFileName(input)).toBe(out));

  it('a re-encoded image is sent under its stored type’s extension', () => {
    expect(downloadName('foto.webp', 'image/jpeg')).toBe('foto.jpg');
    expect(downloadName('foto.jpeg', 'image/jpeg')).toBe('foto.jpeg');
    expect(downloadName('logo', 'image/png')).toBe('logo.png');
    expect(downloadName('rapat.pdf', 'application/pdf')).toBe('rapat.pdf');
  });

  it('Content-Disposition cannot be broken by quotes or line breaks and keeps the exact name in filename*', () => {
    expect(contentDisposition('Foto "rapat"; 1.jpg', 'inline')).toBe(`inline; filename="Foto _rapat__ 1.jpg"; filename*=UTF-8''Foto%20%22rapat%22%3B%201.jpg`);
    expect(contentDisposition('Notulen Musyawarah – Mei.pdf', 'attachment')).toMatch(/^attachment; filename="Notulen Musyawarah Mei.pdf"; filename\*=UTF-8''Notulen%20Musyawarah%20%E2%80%93%20Mei.pdf$/);
    expect(contentDisposition('فوتو.jpg', 'inline')).toMatch(/^inline; filename="\.jpg"; filename\*=UTF-8''/);
  });

  it('a transparent image stays PNG; every other photo is stored as JPEG', () => {
    expect(storedImageFormat(true)).toBe('png');
    expect(storedImageFormat(false)).toBe('jpeg');
  });
});

describe('canDeleteFile', () => {
  it.each([
    ['a manager deletes anyone’s file', { uploadedByActor: false, canRead: true, canManage: true }, true],
    ['the uploader deletes their own while they see the owner', { uploadedByActor: true, canRead: true, canManage: false }, true],
    ['the uploader who no longer sees the owner cannot', { uploadedByActor: true, canRead: false, canManage: false }, false],
    ['a member cannot delete someone else’s file', { uploadedByActor: false, canRead: true, canManage: false }, false],
  ])('%s', (_name, input, expected) => expect(canDeleteFile(input)).toBe(expected));
});
