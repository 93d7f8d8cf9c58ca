import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'govsite-test-'));
}

export function tmpDb(): { db: Db; file: string; dir: string } {
  const dir = tmpDir();
  const file = join(dir, 'test.db');
  return { db: openDb(file), file, dir };
}

export function writeTmp(name: string, content: string): string {
  const file = join(tmpDir(), name);
  writeFileSync(file, content);
  return file;
}
