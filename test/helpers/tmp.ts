import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';

/** this test file's folders, removed when its process ends (a suite run made ~720, left behind in the system's temp folder) */
const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tmpDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govsite-test-'));
  made.push(dir);
  return dir;
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
