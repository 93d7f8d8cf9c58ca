import * as m0001 from './0001-initial.js';

/** Ordered and append-only; the database's user_version is the number applied last. */
export const MIGRATIONS: readonly { version: number; up: string }[] = [{ version: 1, up: m0001.up }];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
