import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { WebSocket } from 'undici';

/** The Debian chromium binary, when installed (.ci/run installs it). */
export const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);

export interface PageVisit {
  /** console messages, uncaught exceptions and browser log entries of level error */
  errors: string[];
  evaluate<T>(expression: string): Promise<T>;
  screenshot(width: number, height: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Opens a URL in headless Chromium and drives it over the DevTools protocol (undici's WebSocket),
 * recording console errors and exceptions from the first instant.
 */
export async function openInChromium(url: string): Promise<PageVisit> {
  const profile = mkdtempSync(join(tmpdir(), 'govsite-chromium-'));
  const browser: ChildProcess = spawn(CHROMIUM!, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${err}`)), 20_000);
    browser.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const port = new URL(endpoint).port;
  const ws = new WebSocket((await pageTarget(port)).webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: ((method: string, params: Record<string, unknown>) => void)[] = [];
  ws.onmessage = (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) for (const l of listeners) l(msg.method, msg.params ?? {});
  };
  const send = <T>(method: string, params: Record<string, unknown> = {}) => new Promise<T>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
  const errors: string[] = [];
  listeners.push((method, params) => {
    if (method === 'Runtime.consoleAPICalled' && (params['type'] === 'error' || params['type'] === 'warning')) errors.push(`console: ${JSON.stringify(params['args'])}`);
    if (method === 'Runtime.exceptionThrown') errors.push(`exception: ${JSON.stringify(params['exceptionDetails'])}`);
    if (method === 'Log.entryAdded' && (params['entry'] as { level: string }).level === 'error') errors.push(`log: ${(params['entry'] as { text: string }).text}`);
  });
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Page.enable');
  const loaded = new Promise<void>((resolve) => listeners.push((method) => { if (method === 'Page.loadEventFired') resolve(); }));
  await send('Page.navigate', { url });
  await loaded;
  return {
    errors,
    async evaluate<T>(expression: string) {
      const r = await send<{ result: { value: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(r.exceptionDetails)}`);
      return r.result.value;
    },
    async screenshot(width, height) {
      await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
      const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } });
      return Buffer.from(data, 'base64');
    },
    async close() {
      // A SIGKILL to the browser alone left its storage and network processes writing into the
      // profile while it was removed (ENOTEMPTY on CI): the browser is asked to shut down, its
      // process group killed only if it has not within 10 s, and removal retried.
      const exited = browser.exitCode !== null || browser.signalCode !== null ? Promise.resolve() : new Promise((r) => browser.once('exit', r));
      const unref = { ref: false };
      await Promise.race([send('Browser.close').catch(() => undefined), delay(2_000, undefined, unref)]);
      ws.close();
      if (await Promise.race([exited.then(() => true), delay(10_000, false, unref)]) === false) {
        process.kill(-browser.pid!, 'SIGKILL');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/**
 * The browser's page target: DevTools may listen before its first page is listed (a loaded machine
 * showed it), so the list is asked again until it is there.
 */
async function pageTarget(port: string): Promise<{ webSocketDebuggerUrl: string }> {
  for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 100))) {
    const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json() as { type: string; webSocketDebuggerUrl: string }[];
    const page = targets.find((t) => t.type === 'page');
    if (page) return page;
  }
  throw new Error('chromium listed no page within 20 s');
}
