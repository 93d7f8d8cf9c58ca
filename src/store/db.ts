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

/**
 * A database file's trouble: `passing` may pass while a process waits (space freed, a lock released,
 * a disk back); `lasting` needs someone to act; both leave the commits before it intact (a write that
 * fails is rolled back whole). `damaged`: the file itself is not what a database should be.
 */
export type TroubleKind = 'passing' | 'lasting' | 'damaged';

const LOCKED_OUT = { says: 'another process held it locked for more than 5 s (another govsite writing to it?)', kind: 'passing' } as const;
/**
 * What the trouble SQLite reports of a database file (by its primary result code) is to whoever runs
 * govsite: a full disk, a lock or a damaged file is no bug of govsite's, and says what to do.
 */
const TROUBLES: Record<string, { says: string; kind: TroubleKind }> = {
  SQLITE_FULL: { says: 'the disk holding it (or the temporary folder) is full', kind: 'passing' },
  SQLITE_IOERR: { says: 'the disk failed to read or write it', kind: 'passing' },
  SQLITE_BUSY: LOCKED_OUT,
  SQLITE_LOCKED: LOCKED_OUT,
  SQLITE_READONLY: { says: 'it cannot be written (a read-only file, folder or disk)', kind: 'lasting' },
  // WAL mode writes its journal beside the file, even to read it
  SQLITE_CANTOPEN: { says: 'it cannot be opened: govsite writes beside it, so its folder must be writable (a read-only disk or share?)', kind: 'lasting' },
  SQLITE_CORRUPT: { says: 'it is damaged: restore it from a copy, or crawl again into a new file', kind: 'damaged' },
  SQLITE_NOTADB: { says: 'it is not a database (a registry or a report named in its place?), and was left as it is', kind: 'damaged' },
};

/** The trouble SQLite's error tells of a database file (by its primary result code: SQLITE_IOERR_WRITE is SQLITE_IOERR's), or undefined for any other error. */
const troubleOf = (error: unknown) => (error instanceof Database.SqliteError ? TROUBLES[error.code.split('_', 2).join('_')] : undefined);

/** What kind of trouble an error is of its database file (see TroubleKind); null for any other error. */
export const troubleKind = (error: unknown): TroubleKind | null => troubleOf(error)?.kind ?? null;

/**
 * The trouble of a database file as an error naming it, or null for any other error. `resumable`:
 * a crawl's, which adds how it goes on once the trouble is fixed.
 */
export function databaseTrouble(file: string, error: unknown, resumable: boolean): RuntimeError | null {
  const trouble = troubleOf(error);
  if (!trouble) return null;
  const next = resumable && trouble.kind !== 'damaged' ? '. Nothing it stored is lost: once this is fixed, --resume goes on with an unfinished crawl, and `govsite check` reports a finished one' : '';
  return new RuntimeError(`${file}: ${trouble.says} (SQLite: ${(error as Error).message})${next}`);
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
