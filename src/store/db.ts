import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { InputError, RuntimeError, UsageError } from '../errors.js';
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

const LOCKED_OUT = { says: 'another process held it locked for more than 5 s (another govsite writing to it?)', kept: true };
/**
 * What the trouble SQLite reports of a database file (by its primary result code) is to whoever runs
 * govsite: a full disk, a lock or a damaged file is no bug of govsite's, and says what to do.
 * `kept`: the commits before it are intact (a write that fails is rolled back whole).
 */
const TROUBLES: Record<string, { says: string; kept: boolean }> = {
  SQLITE_FULL: { says: 'the disk holding it (or the temporary folder) is full', kept: true },
  SQLITE_IOERR: { says: 'the disk failed to read or write it', kept: true },
  SQLITE_READONLY: { says: 'it cannot be written (a read-only file, folder or disk)', kept: true },
  SQLITE_BUSY: LOCKED_OUT,
  SQLITE_LOCKED: LOCKED_OUT,
  SQLITE_CORRUPT: { says: 'it is damaged: restore it from a copy, or crawl again into a new file', kept: false },
  SQLITE_NOTADB: { says: 'it is not a database (a registry or a report named in its place?), and was left as it is', kept: false },
  // WAL mode writes its journal beside the file, even to read it
  SQLITE_CANTOPEN: { says: 'it cannot be opened: govsite writes beside it, so its folder must be writable (a read-only disk or share?)', kept: false },
};

/** Trouble that may pass while a process waits (space freed, a lock released, a disk back). */
export const passingTrouble = (error: unknown): boolean => error instanceof Database.SqliteError && /^SQLITE_(FULL|IOERR|BUSY|LOCKED)/.test(error.code);

/**
 * The trouble of a database file as an error naming it, or null for any other error. `resumable`:
 * a crawl's, which adds how it goes on once the trouble is fixed.
 */
export function databaseTrouble(file: string, error: unknown, resumable: boolean): RuntimeError | null {
  if (!(error instanceof Database.SqliteError)) return null;
  const trouble = TROUBLES[error.code.split('_', 2).join('_')];
  if (!trouble) return null;
  const next = resumable && trouble.kept ? '. Nothing it stored is lost: once this is fixed, --resume goes on with an unfinished crawl, and `govsite check` reports a finished one' : '';
  return new RuntimeError(`${file}: ${trouble.says} (SQLite: ${error.message})${next}`);
}

/**
 * Runs `use` on the database in `file` (opened, and migrated if need be), closed after, its file's
 * trouble told as such (see databaseTrouble). When `use` fails, that failure is the one told; when
 * it fails on its input (a registry missing, no valid site in it), a database file it created, still
 * empty of anything crawled, is removed: a mistyped command leaves nothing behind.
 */
export async function withDb<T>(file: string, use: (db: Db) => T | Promise<T>, { resumable = false } = {}): Promise<T> {
  const told = (error: unknown) => databaseTrouble(file, error, resumable) ?? error;
  const created = !existsSync(file);
  let db: Db;
  try {
    db = openDb(file);
  } catch (error) {
    throw told(error);
  }
  let result: T;
  try {
    result = await use(db);
  } catch (error) {
    const leftEmpty = created && (error instanceof InputError || error instanceof UsageError) && holdsNothingGathered(db);
    try {
      db.close();
    } catch {
      // the failure that stopped `use` is the one to tell
    }
    if (leftEmpty) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    throw told(error);
  }
  try {
    db.close();
  } catch (error) {
    throw told(error);
  }
  return result;
}

/** No run and no probe: what a command that failed on its input leaves in a database it created. */
const holdsNothingGathered = (db: Db): boolean => db.prepare(`SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM probes) AS n`).pluck().get() === 0;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A statement prepared once per connection: the per-site queries of a national report run thousands of times. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
