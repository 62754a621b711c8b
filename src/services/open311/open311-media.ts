/**
 * Fetching a client's media_url into the attachment pipeline, bounded: a few seconds, the photo size
 * limit, a handful of redirects, image bytes only, and (unless configured otherwise) no loopback or
 * private addresses, so a report cannot make the server read the internal network. A failure is a
 * reason, never an error: the URL stays on the request as a link and the report is accepted.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { PHOTO_MAX_BYTES, sniffPhotoType } from '../case/index.ts';

export type MediaFetchPolicy = 'public' | 'any' | 'off';

export const MEDIA_FETCH_TIMEOUT_MS = 5_000;
export const MEDIA_MAX_REDIRECTS = 3;

const PRIVATE_RANGES = new BlockList();
for (const [net, prefix] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['127.0.0.0', 8], ['169.254.0.0', 16], ['0.0.0.0', 8], ['100.64.0.0', 10]] as const) {
  PRIVATE_RANGES.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10], ['::', 128]] as const) PRIVATE_RANGES.addSubnet(net, prefix, 'ipv6');

/** True when the host name or address reaches a loopback, link-local or private network. */
export async function isPrivateHost(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) return true;
  return addresses.some((a) => PRIVATE_RANGES.check(a.address.replace(/^::ffff:/, ''), a.address.startsWith('::ffff:') || a.family === 4 ? 'ipv4' : 'ipv6'));
}

export type MediaFetchResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

async function readBounded(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(Buffer.from(value));
  }
}

/** Fetches one photo URL within the bounds. */
export async function fetchMediaPhoto(url: string, policy: MediaFetchPolicy, maxBytes = PHOTO_MAX_BYTES): Promise<MediaFetchResult> {
  if (policy === 'off') return { ok: false, reason: 'fetching is turned off' };
  const signal = AbortSignal.timeout(MEDIA_FETCH_TIMEOUT_MS);
  let current = url;
  try {
    for (let hop = 0; hop <= MEDIA_MAX_REDIRECTS; hop += 1) {
      const target = new URL(current);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return { ok: false, reason: 'not an http(s) URL' };
      if (policy === 'public' && (await isPrivateHost(target.hostname))) return { ok: false, reason: 'a private or loopback address' };
      const response = await fetch(target, { redirect: 'manual', signal, headers: { accept: 'image/jpeg, image/png, image/webp' } });
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        current = new URL(response.headers.get('location')!, target).href;
        continue;
      }
      if (!response.ok || !response.body) return { ok: false, reason: `HTTP ${response.status}` };
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        await response.body.cancel();
        return { ok: false, reason: `larger than ${maxBytes} bytes` };
      }
      const bytes = await readBounded(response.body, maxBytes);
      if (!bytes) return { ok: false, reason: `larger than ${maxBytes} bytes` };
      if (!sniffPhotoType(bytes)) return { ok: false, reason: 'not a JPEG, PNG or WebP image' };
      return { ok: true, bytes };
    }
    return { ok: false, reason: `more than ${MEDIA_MAX_REDIRECTS} redirects` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${MEDIA_FETCH_TIMEOUT_MS} ms` : 'the address could not be fetched' };
  }
}
