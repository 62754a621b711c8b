import pg from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Decides which PostgreSQL the http tests use.
 * TEST_DATABASE_URL set → that server must answer, or the run fails (never a silent skip).
 * Unset → the local default is used when it answers; otherwise only PGlite runs, said loudly.
 * TEST_DATABASE_URL=none → PostgreSQL is skipped on purpose.
 */
export async function resolvePostgresTarget(): Promise<string | null> {
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit === 'none') return null;
  const url = explicit ?? DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch (error) {
    if (explicit) {
      throw new Error(`TEST_DATABASE_URL=${explicit} cannot be reached: ${(error as Error).message}`, { cause: error });
    }
    console.warn(`\n!! PostgreSQL at ${DEFAULT_URL} is not reachable: http tests run on PGlite only.\n!! Set TEST_DATABASE_URL to demand PostgreSQL.\n`);
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
