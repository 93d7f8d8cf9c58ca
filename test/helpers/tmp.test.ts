import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const helper = fileURLToPath(new URL('./tmp.js', import.meta.url));

// a process that made a test folder, stopped by each signal a test run is stopped with
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`a test process stopped by ${signal} removes its folders and still ends by the signal`, async () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e',
      `const { tmpDir } = await import(${JSON.stringify(helper)}); console.log(tmpDir()); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [dir] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    assert.ok(existsSync(dir));
    const ended = once(child, 'exit');
    child.kill(signal);
    assert.deepEqual(await ended, [null, signal]);
    assert.equal(existsSync(dir), false);
  });
}
