import { loadConfig, type AppConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Opens the database named by the environment and brings its schema up to date. */
export async function openConfiguredDatabase(): Promise<{ config: AppConfig; handle: DatabaseHandle; migrated: string[] }> {
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: { error: (message) => process.stderr.write(`${message}\n`) },
  });
  try {
    const migrated = await migrateToLatest(handle.db as never);
    return { config, handle, migrated };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
