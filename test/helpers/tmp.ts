import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';

/** this test file's folders, removed when its process ends (a suite run made ~720, left behind in the system's temp folder) */
const made: string[] = [];
const removeMade = () => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
};
process.on('exit', removeMade);
// a test run stopped (Ctrl-C, a CI job cancelled) ends by a signal, which skips 'exit': the folders
// go, then the signal is raised again with its default action, so the process still ends by it
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeMade();
    process.kill(process.pid, signal);
  });
}

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

export function writeTmp(name: string, content: string | Uint8Array): string {
  const file = join(tmpDir(), name);
  writeFileSync(file, content);
  return file;
}
