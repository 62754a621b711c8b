/**
 * Signed timeline anchors (issue 19 §2, ADR 0037): each district chain's position (chain_seq, last hash) signed
 * with an Ed25519 key kept outside the database, stored for the bulletin, and exported to be kept elsewhere.
 * `verify-timeline` checks the chain against every anchor it is given: a chain cut back, or re-hashed after an
 * edit, no longer holds the anchored row — which no one without the key can re-sign.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { repeatEvery, type RepeatingWork } from '../repeat-every.ts';
import type { Database } from '../../db/schema.ts';
import { anchorMismatch, anchorPayload, type TimelineAnchor } from '../../domain/case/timeline-anchor.ts';
import { chainAt, insertAnchor, listAnchors, listUnanchoredHeads, type StoredAnchor, type TimelineProblem } from '../../db/repositories/case/index.ts';

export interface AnchorKey {
  /** Absent when only the public key is known (an auditor's check). */
  privateKey?: KeyObject;
  publicKey: KeyObject;
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  keyId: string;
}

export interface AnchorKeySource {
  /** The private key as PEM (CIVICLOOP_TIMELINE_KEY). */
  pem?: string | undefined;
  /** The key file (CIVICLOOP_TIMELINE_KEY_FILE, default `<data dir>/timeline-anchor-key.pem`). */
  file: string;
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function fromPrivate(privateKey: KeyObject): AnchorKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('时间线锚点密钥须为 Ed25519 / the timeline anchor key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * The anchor key: from the PEM, else from the key file; with `create`, a missing key file is made (mode 0600).
 * @returns null when there is no key and `create` is off
 */
export async function loadAnchorKey(source: AnchorKeySource, options: { create: boolean }): Promise<AnchorKey | null> {
  if (source.pem) return fromPrivate(createPrivateKey(source.pem));
  if (existsSync(source.file)) return fromPrivate(createPrivateKey(await readFile(source.file, 'utf8')));
  if (!options.create) return null;
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(dirname(source.file), { recursive: true });
  try {
    await writeFile(source.file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: use theirs, so one key signs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fromPrivate(createPrivateKey(await readFile(source.file, 'utf8')));
    throw error;
  }
  return fromPrivate(privateKey);
}

/** A public key (SPKI PEM) to check anchors with, e.g. the one printed with an export. */
export function anchorKeyFromPublicPem(pem: string): AnchorKey {
  const publicKey = createPublicKey(pem);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

function toAnchor(stored: StoredAnchor): TimelineAnchor {
  return { districtId: stored.districtId, chainSeq: stored.chainSeq, eventId: stored.eventId, hash: stored.hash, anchoredAt: stored.anchoredAt.toISOString() };
}

/**
 * Anchors every district whose chain has grown since its latest anchor.
 * @returns the anchors made
 */
export async function createAnchors(db: Kysely<Database>, key: AnchorKey, now: Date): Promise<StoredAnchor[]> {
  if (!key.privateKey) throw new Error('签名锚点需要私钥 / signing anchors needs the private key');
  const made: StoredAnchor[] = [];
  for (const head of await listUnanchoredHeads(db)) {
    if (head.last_event_id === null) continue;
    const anchor: TimelineAnchor = { districtId: head.district_id, chainSeq: Number(head.last_seq), eventId: head.last_event_id, hash: head.last_hash, anchoredAt: now.toISOString() };
    const signature = sign(null, Buffer.from(anchorPayload(anchor)), key.privateKey).toString('base64');
    const stored: StoredAnchor = { ...anchor, anchoredAt: now, keyId: key.keyId, signature };
    if (await insertAnchor(db, stored)) made.push(stored);
  }
  return made;
}

/** One exported anchor: what it says and its signature. */
export interface ExportedAnchor extends TimelineAnchor { keyId: string; signature: string }

/** The file `civicloop anchors export` writes: the public key and every anchor. */
export interface AnchorExport { format: 'civicloop-timeline-anchors'; version: 1; publicKey: string; keyId: string; anchors: ExportedAnchor[] }

export async function exportAnchors(db: Kysely<Database>, key: AnchorKey): Promise<AnchorExport> {
  const anchors = (await listAnchors(db)).map((a) => ({ ...toAnchor(a), keyId: a.keyId, signature: a.signature }));
  return { format: 'civicloop-timeline-anchors', version: 1, publicKey: String(key.publicKey.export({ type: 'spki', format: 'pem' })), keyId: key.keyId, anchors };
}

/** Reads an exported anchors file (the JSON of `AnchorExport`). @throws Error for anything else */
export function parseAnchorExport(text: string): AnchorExport {
  const value = JSON.parse(text) as Partial<AnchorExport>;
  if (value.format !== 'civicloop-timeline-anchors' || value.version !== 1 || !Array.isArray(value.anchors)) {
    throw new Error('不是时间线锚点文件 / not a civicloop timeline anchors file (civicloop anchors export)');
  }
  return value as AnchorExport;
}

function signatureHolds(anchor: ExportedAnchor, key: AnchorKey): boolean {
  try {
    return verify(null, Buffer.from(anchorPayload(anchor)), key.publicKey, Buffer.from(anchor.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Checks anchors — those stored in the database and those given (an exported copy kept elsewhere) — against
 * the chain: each must be signed by `key` and the chain must still hold the anchored row at its place.
 * Without a key, the signatures go unchecked and that is reported.
 */
export async function verifyAnchors(db: Kysely<Database>, key: AnchorKey | null, given: ExportedAnchor[]): Promise<TimelineProblem[]> {
  const problems: TimelineProblem[] = [];
  const stored = (await listAnchors(db)).map((a) => ({ ...toAnchor(a), keyId: a.keyId, signature: a.signature, source: 'stored' }));
  const seen = new Set<string>();
  for (const anchor of [...given.map((a) => ({ ...a, source: 'exported' })), ...stored]) {
    const id = `${anchor.districtId}:${anchor.chainSeq}:${anchor.hash}:${anchor.signature}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const where = `${anchor.source} anchor at row ${anchor.chainSeq}`;
    if (key) {
      if (!signatureHolds(anchor, key)) {
        problems.push({ districtId: anchor.districtId, eventId: anchor.eventId, kind: 'tampered', problem: `${where}: signature does not verify with key ${key.keyId}` });
        continue;
      }
    }
    const mismatch = anchorMismatch(anchor, await chainAt(db, anchor.districtId, anchor.chainSeq));
    if (mismatch) problems.push({ districtId: anchor.districtId, eventId: anchor.eventId, kind: 'tampered', problem: `${where}: ${mismatch}` });
  }
  return problems;
}

/**
 * The server's periodic anchoring: every `intervalMs`, signs the chains that grew — once a key exists (made by the
 * first `civicloop anchors create`, or CIVICLOOP_TIMELINE_KEY); without one it does nothing, so a server never
 * makes a key on its own. Several instances may run it: one anchor per position is stored.
 */
export function startAnchorLoop(db: Kysely<Database>, source: AnchorKeySource, clock: () => Date, intervalMs: number, onError: (error: unknown) => void): RepeatingWork {
  return repeatEvery(async () => {
    const key = await loadAnchorKey(source, { create: false });
    if (key) await createAnchors(db, key, clock());
  }, intervalMs, onError);
}
