import Database from 'better-sqlite3';
import { RuntimeError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type Db = Database.Database;

export const DEFAULT_DB_FILE = 'govsite.db';

/** Opens (creating if needed) and migrates a govsite database. */
export function openDb(file: string, { readonly = false } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw new RuntimeError(`${file}: cannot open database: ${(e as Error).message}`);
  }
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable against a killed process; only an OS crash can lose the last commits
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768'); // 32 MiB: the hot index pages of a large run stay in memory between commits
    // checkpoint (and fsync) every 32 MiB of WAL, not every 4; every 256 MiB was no faster once a run's
    // last checkpoint (at close) is counted, for a WAL that size on disk and 0.55 s pauses
    db.pragma('wal_autocheckpoint = 8192');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readonly) migrate(db, file);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new RuntimeError(`${file}: schema version ${current} is newer than this govsite (${SCHEMA_VERSION}); upgrade govsite`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A statement prepared once per connection: the per-site queries of a national report run thousands of times. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
