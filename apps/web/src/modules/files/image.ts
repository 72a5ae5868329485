import { LIMITS } from '@tumbuh/shared';
import { fitWithin, jpegName, shouldDownscale } from './files.rules.ts';

/**
 * Makes a phone photo smaller before it is sent (long side ≤ 1600 px, JPEG quality 0.8): a 4 MB
 * camera photo becomes ~300 KB on a weak connection. The EXIF orientation is applied by the
 * browser when decoding; the canvas writes no metadata (no GPS leaves the phone). Anything that is
 * not a JPEG/PNG/WebP photo, or a photo the browser cannot decode, is sent unchanged (the server
 * re-encodes photos anyway).
 */
export async function downscaleForUpload(file: File): Promise<File> {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) || typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    if (!shouldDownscale({ type: file.type, size: file.size, width: bitmap.width, height: bitmap.height })) return file;
    const { width, height } = fitWithin(bitmap.width, bitmap.height, LIMITS.imageMaxPixels);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.fillStyle = '#ffffff'; // a transparent PNG becomes a JPEG on white
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
