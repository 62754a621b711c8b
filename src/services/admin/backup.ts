/**
 * `civicloop backup FILE` and `civicloop restore FILE` (issue 19 §6, docs/backup.md): one gzip'd JSON-lines file
 * with every table, every sequence and every photo (case photos and report photos), whatever store the photos are in. The backup reads one
 * snapshot (REPEATABLE READ: consistent while the server runs on PostgreSQL); the restore loads it in one
 * transaction into the schema the backup was made with, then migrates to this version.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  finishRestore, hasCases, listDumpTables, listSequences, loadDumpRows, prepareRestore, readDumpRows, restoreSequence,
  type DumpedSequence, type DumpedTable,
} from '../../db/dump.ts';
import { appliedMigrations, knownMigrations, migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { listAllAttachmentKeys } from '../../db/repositories/case/index.ts';
import { listAllReportPhotoKeys } from '../../db/repositories/projects/index.ts';
import type { FileStorage } from '../case/index.ts';

export const BACKUP_FORMAT = 'civicloop-backup';
export const BACKUP_VERSION = 1;
const BATCH = 500;

interface Header { format: typeof BACKUP_FORMAT; version: number; createdAt: string; database: string; migrations: string[]; tables: string[] }
type BackupLine =
  | Header
  | { table: string; columns: string[] }
  | { rows: unknown[] }
  | { sequence: DumpedSequence }
  | { photo: string; data: string }
  | { end: { tables: number; rows: number; photos: number } };

/** The photo store seen from inside a transaction (the database store must read and write through it). */
export type StorageFor = (db: Kysely<Database>) => FileStorage;

export interface BackupSummary { tables: number; rows: number; photos: number; missingPhotos: string[] }

/**
 * Writes a backup to `file` (through `<file>.partial`, renamed when complete).
 * @returns what it holds, and the photos an attachment row names but no store has
 */
export async function writeBackup(db: Kysely<Database>, databaseKind: string, storageFor: StorageFor, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const write = async (line: BackupLine) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const summary: BackupSummary = { tables: 0, rows: 0, photos: 0, missingPhotos: [] };
  try {
    await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const tables = await listDumpTables(trx);
      await write({
        format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), database: databaseKind,
        migrations: await appliedMigrations(trx as never), tables: tables.map((t) => t.name),
      });
      for (const table of tables) {
        await write({ table: table.name, columns: table.columns });
        summary.tables += 1;
        const page: { offset: number; after: unknown } = { offset: 0, after: undefined };
        for (;;) {
          const rows = (await readDumpRows(trx, table, page, BATCH)).map((row) => JSON.parse(row) as Record<string, unknown>);
          if (rows.length === 0) break;
          await write({ rows });
          summary.rows += rows.length;
          if (rows.length < BATCH) break;
          page.offset += rows.length;
          if (table.key.length === 1) page.after = rows.at(-1)![table.key[0]!];
        }
      }
      for (const sequence of await listSequences(trx)) await write({ sequence });
      const storage = storageFor(trx);
      for (const key of [...await listAllAttachmentKeys(trx), ...await listAllReportPhotoKeys(trx)]) {
        const data = await storage.get(key);
        if (!data) {
          summary.missingPhotos.push(key);
          continue;
        }
        await write({ photo: key, data: data.toString('base64') });
        summary.photos += 1;
      }
      await write({ end: { tables: summary.tables, rows: summary.rows, photos: summary.photos } });
    });
    gzip.end();
    await done;
    await rename(partial, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

export class RestoreRefused extends Error {}

/**
 * Loads a backup: the target is brought to the backup's schema, emptied and filled in one transaction (all or
 * nothing), photos included, then migrated to this version.
 * @param options.force replace a database that already holds cases
 * @throws RestoreRefused for a file that is not a complete backup, one from a newer version, or a target with cases
 */
export async function restoreBackup(db: Kysely<Database>, storageFor: StorageFor, file: string, options: { force: boolean }): Promise<{ rows: number; photos: number }> {
  const lines = readLines(file);
  const first = await lines.next();
  const header = first.done ? undefined : JSON.parse(first.value) as Partial<Header>;
  if (header?.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new RestoreRefused(`不是 civicloop 备份文件 / ${file} is not a civicloop backup (format ${BACKUP_FORMAT} v${BACKUP_VERSION})`);
  }
  const known = knownMigrations();
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new RestoreRefused(`备份来自更新的版本 / the backup is from a newer version (migrations ${unknown.join(', ')}): restore it with that version`);
  const applied = await appliedMigrations(db as never);
  const last = header.migrations.at(-1);
  if (applied.some((name) => !header.migrations!.includes(name))) {
    throw new RestoreRefused('目标数据库的版本比备份新 / the target database is newer than the backup: restore into a new, empty database');
  }
  if (applied.length > 0 && await hasCases(db) && !options.force) {
    throw new RestoreRefused('目标数据库已有工单 / the target database already holds cases: restore into a new database, or pass --force to replace them');
  }
  if (last) await migrateTo(db as never, last);
  let rows = 0;
  let photos = 0;
  await db.transaction().execute(async (trx) => {
    let table: DumpedTable | undefined;
    let complete = false;
    const keys = await prepareRestore(trx, header.tables!);
    const storage = storageFor(trx);
    const apply = async (line: BackupLine) => {
      if ('table' in line) table = { name: line.table, columns: line.columns, key: [] };
      else if ('rows' in line) {
        if (!table) throw new RestoreRefused('备份文件损坏 / rows before their table');
        await loadDumpRows(trx, table.name, table.columns, line.rows);
        rows += line.rows.length;
      } else if ('sequence' in line) await restoreSequence(trx, line.sequence);
      else if ('photo' in line) {
        await storage.remove(line.photo);
        await storage.put(line.photo, Buffer.from(line.data, 'base64'));
        photos += 1;
      } else if ('end' in line) complete = line.end.rows === rows && line.end.photos === photos;
    };
    for (let next = await lines.next(); !next.done; next = await lines.next()) await apply(JSON.parse(next.value) as BackupLine);
    if (!complete) throw new RestoreRefused('备份文件不完整 / the backup is incomplete (cut short or damaged): nothing was restored');
    await finishRestore(trx, keys);
  });
  await migrateToLatest(db as never);
  return { rows, photos };
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  for await (const line of reader) if (line.length > 0) yield line;
}

