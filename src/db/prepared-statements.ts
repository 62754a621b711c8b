/**
 * Named prepared statements for the writes on PostgreSQL. Kysely sends every statement unnamed, so the server
 * parses and plans it again each time; for the one-statement intake that was a third of the database's time per
 * case (bench, issue 10). A pool wrapped here sends each write as a statement named by its text, which `pg`
 * parses once per connection, and after a few runs PostgreSQL may keep a generic plan (plan_cache_mode auto only
 * does so when it costs no more than planning each time).
 *
 * Only writes (insert, update, delete, and `with` statements, which is how the data-modifying CTEs start): their
 * plans are key lookups, while a list's filters deserve a plan for their values. Statements too long to recur
 * (a bulk insert of many rows) and any beyond a per-connection budget stay unnamed, so a connection's cache is
 * bounded. PGlite's socket connections share one session, so a new connection there would find the names of the
 * one before taken ("prepared statement … already exists"): it starts with DEALLOCATE ALL.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { isStaleResultType } from './sql-state.ts';

/** Longer texts are one-offs (batched inserts whose row count varies). */
const LONGEST_PREPARED = 8_000;
/** Distinct names a connection keeps at most; PostgreSQL holds each plan in the backend's memory. */
const NAMES_PER_CONNECTION = 200;
const WRITE = /^\s*(insert|update|delete|with)\b/i;

export function isPreparedWrite(text: string): boolean {
  return text.length <= LONGEST_PREPARED && WRITE.test(text);
}

/** Hashed once per text and connection: the connection's own map (below) remembers the name after that. */
function statementName(text: string): string {
  return `cl_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/**
 * One connection's side: the name each prepared text goes by now (a text gets a fresh name when its table changed
 * under it) and how many names it has made in all, which the budget bounds.
 */
function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  const current = new Map<string, string>();
  let made = 0;
  const nameFor = (text: string, fresh: boolean): string | undefined => {
    const known = current.get(text);
    if (known !== undefined && !fresh) return known;
    if (made >= NAMES_PER_CONNECTION) return undefined;
    made += 1;
    const name = fresh && known !== undefined ? `${statementName(text)}_${made}` : statementName(text);
    current.set(text, name);
    return name;
  };
  const run = (text: string, values: unknown[] | undefined, name: string | undefined) =>
    name === undefined ? client.query(text, values) : client.query({ name, text, values: values ?? [] });
  const prepared = async (text: string, values: unknown[] | undefined) => {
    try {
      return await run(text, values, nameFor(text, false));
    } catch (error) {
      // A migration by another instance (a rolling deploy) added a column to a table this write returns: the old
      // name can never run again on this connection. The failed statement did nothing, so it runs once more under
      // a new name; inside a transaction the retry meets the aborted transaction, so the first error goes up and
      // runWrite runs the transaction again, by then under the new name (a name is kept only once parsed).
      if (!isStaleResultType(error)) throw error;
      try {
        return await run(text, values, nameFor(text, true));
      } catch {
        throw error;
      }
    }
  };
  return {
    // Not async itself: a cursor (Kysely's streaming) must come back as the object, not a promise of it.
    query: ((text: unknown, values?: unknown[]) => (typeof text === 'string' && isPreparedWrite(text)
      ? prepared(text, values)
      : client.query(text as never, values as never))) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

/** `pool` as Kysely's dialect takes it, sending writes as named prepared statements. */
export function preparingPool(pool: pg.Pool, options: { sharedSession?: boolean } = {}): PostgresPool {
  // One wrapper per pg client (one server connection), so the budget counts per connection and Kysely, which
  // keys its connections by the client object, sees the same object each time.
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        // A connection that shares its session with earlier ones (PGlite's socket) starts by dropping their names.
        if (options.sharedSession) await client.query('deallocate all');
        wrapped.set(client, (wrapper = preparingClient(client)));
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
