import sharp from 'sharp';
import { LIMITS } from '@tumbuh/shared';
import { filesErrors } from './files.errors.ts';
import { storedImageFormat } from './files.models.ts';

/** One encoded image. */
export interface EncodedImage {
  data: Buffer;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/** Photos larger than this many pixels are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 60_000_000;

async function encode(input: Buffer, maxPixels: number, format: 'png' | 'jpeg', quality: number): Promise<EncodedImage> {
  // autoOrient applies the EXIF orientation; sharp writes no metadata (EXIF, GPS, XMP) unless asked to.
  let pipeline = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .resize({ width: maxPixels, height: maxPixels, fit: 'inside', withoutEnlargement: true });
  pipeline = format === 'png' ? pipeline.png({ compressionLevel: 9, palette: false }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, mediaType: format === 'png' ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
}

/**
 * Re-encodes an uploaded photo for phones: long side ≤ `maxPixels` (1600), EXIF orientation
 * applied, metadata stripped, JPEG (PNG when it has transparency; WebP becomes one of the two,
 * since PDFs embed only JPEG and PNG), plus a thumbnail (long side ≤ `thumbPixels`).
 * @throws files.unreadable_image
 */
export async function processImage(input: Buffer, options: { maxPixels?: number; thumbPixels?: number } = {}): Promise<{ main: EncodedImage; thumb: EncodedImage }> {
  try {
    const meta = await sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const format = storedImageFormat(meta.hasAlpha === true);
    const main = await encode(input, options.maxPixels ?? LIMITS.imageMaxPixels, format, 82);
    const thumb = await encode(main.data, options.thumbPixels ?? LIMITS.thumbMaxPixels, format, 75);
    return { main, thumb };
  } catch {
    throw filesErrors['files.unreadable_image']();
  }
}

/** Re-encodes stored image bytes as JPEG (for a reader that needs JPEG/PNG and found another type). */
export async function toJpeg(input: Buffer): Promise<Buffer> {
  return sharp(input).flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
}
