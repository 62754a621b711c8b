/**
 * Checking and preparing an uploaded photo: the type is decided by its bytes (magic numbers) and
 * confirmed by sharp; the public copy is re-encoded without EXIF (no GPS or camera data) and
 * turned upright; a small thumbnail is made for lists.
 */
import type { Metadata } from 'sharp';
import { loadSharp } from '../lazy-libraries.ts';
import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';

export type PhotoType = 'jpeg' | 'png' | 'webp';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const MAX_SIDE = 12_000;
const PUBLIC_MAX_SIDE = 2048;
const THUMB_SIDE = 320;

/**
 * The type the bytes say, or null.
 * @example sniffPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])) // => 'jpeg'
 */
export function sniffPhotoType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface PreparedPhoto {
  type: PhotoType;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  original: Buffer;
  publicCopy: Buffer;
  thumbnail: Buffer;
}

/**
 * Checks a photo and makes its public copy and thumbnail.
 * @throws DomainError ATTACHMENT_TYPE_UNSUPPORTED, ATTACHMENT_TOO_LARGE
 */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  const sharp = await loadSharp();
  if (bytes.length > PHOTO_MAX_BYTES) throw new DomainError('ATTACHMENT_TOO_LARGE', { maxBytes: PHOTO_MAX_BYTES });
  const type = sniffPhotoType(bytes);
  if (!type) throw new DomainError('ATTACHMENT_TYPE_UNSUPPORTED', { reason: 'content is not JPEG, PNG or WebP' });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE }).metadata();
  } catch {
    throw new DomainError('ATTACHMENT_TYPE_UNSUPPORTED', { reason: 'the image cannot be decoded' });
  }
  if (meta.format !== type || !meta.width || !meta.height) throw new DomainError('ATTACHMENT_TYPE_UNSUPPORTED', { reason: 'the image cannot be decoded' });
  if (meta.width > MAX_SIDE || meta.height > MAX_SIDE) throw new DomainError('ATTACHMENT_TOO_LARGE', { maxSide: MAX_SIDE });
  try {
    // sharp writes no metadata unless asked, so the re-encoded copies carry no EXIF, XMP or ICC comments.
    const upright = () => sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE }).rotate();
    const resized = upright().resize({ width: PUBLIC_MAX_SIDE, height: PUBLIC_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const publicCopy = await (type === 'png' ? resized.png() : type === 'webp' ? resized.webp({ quality: 85 }) : resized.jpeg({ quality: 85 })).toBuffer();
    const thumbnail = await upright().resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
    return {
      type, mime: `image/${type}`, width: meta.width, height: meta.height, sha256: createHash('sha256').update(bytes).digest('hex'),
      original: bytes, publicCopy, thumbnail,
    };
  } catch {
    throw new DomainError('ATTACHMENT_TYPE_UNSUPPORTED', { reason: 'the image cannot be decoded' });
  }
}

/** Where one photo's three files are kept. */
export interface PhotoKeys { original: string; public: string; thumb: string }

/**
 * Writes each photo's original, public copy and thumbnail under `<stemPrefix>/<uuid>-…`, then runs `record` (the
 * database write that names them); if writing or `record` fails, every file written is removed again, so a
 * refused upload leaves no bytes behind. The storage is passed as its `put`/`remove` (file-storage.ts).
 */
export async function storePhotosThen<T>(
  storage: { put(key: string, data: Buffer): Promise<void>; remove(key: string): Promise<void> },
  stemPrefix: string, photos: PreparedPhoto[], record: (keys: PhotoKeys[]) => Promise<T>,
): Promise<T> {
  const keys = photos.map((photo): PhotoKeys => {
    const stem = `${stemPrefix}/${randomUUID()}`;
    const ext = photo.type === 'jpeg' ? 'jpg' : photo.type;
    return { original: `${stem}-original.${ext}`, public: `${stem}-public.${ext}`, thumb: `${stem}-thumb.jpg` };
  });
  const written: string[] = [];
  try {
    for (const [i, photo] of photos.entries()) {
      for (const [key, data] of [[keys[i]!.original, photo.original], [keys[i]!.public, photo.publicCopy], [keys[i]!.thumb, photo.thumbnail]] as const) {
        await storage.put(key, data);
        written.push(key);
      }
    }
    return await record(keys);
  } catch (error) {
    await Promise.all(written.map((key) => storage.remove(key).catch(() => undefined)));
    throw error;
  }
}
