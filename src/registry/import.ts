import type { Db } from '../store/db.js';
import { upsertSites } from '../store/sites.js';
import { parseRegistry } from './parse.js';
import type { ParsedRegistry } from './types.js';

/** Parses a registry and stores its good rows; the bad ones come back with their file:line. */
export function importRegistry(db: Db, file: string): ParsedRegistry {
  const parsed = parseRegistry(file);
  upsertSites(db, parsed.rows);
  return parsed;
}
