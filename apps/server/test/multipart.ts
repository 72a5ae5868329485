import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { Session } from './helpers.ts';

/** A multipart/form-data body with text fields and at most one file (field `file`). */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----tumbuh${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Sends one file (and fields) as the session. */
export function sendFile(session: Session, method: 'POST' | 'PUT', url: string, file: { name: string; content: Buffer; type?: string }, fields: Record<string, string> = {}) {
  const { body, headers } = multipart(fields, file);
  return session.request(method, url, body, headers);
}

/** A small JPEG made on the spot (no binary fixtures in the repository). */
export function smallJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 90 } } }).jpeg().toBuffer();
}
