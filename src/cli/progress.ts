import { constants } from 'node:os';
import type { Crawler } from '../crawl/crawler.js';

const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Crawl progress on stderr: one rewritten line on a terminal (sites done/total, pages, pages/s,
 * errors), plain log lines otherwise (CI). Warnings always get a line of their own. An interrupt
 * (Ctrl-C; SIGTERM from a scheduler evicting a pod) ends the process as the signal would (exit
 * 128 + its number) after a line saying that what is stored is kept and how to go on.
 */
export function showProgress(crawler: Crawler, totalSites: number, stream: NodeJS.WriteStream = process.stderr): () => void {
  const started = Date.now();
  let sites = 0;
  let pages = 0;
  let errors = 0;
  const tty = Boolean(stream.isTTY);
  const line = () => {
    const secs = Math.max(0.001, (Date.now() - started) / 1000);
    return `sites ${sites}/${totalSites} · pages ${pages} · ${(pages / secs).toFixed(1)} pages/s · errors ${errors}`;
  };
  const draw = () => stream.write(`\r\x1b[2K${line()}`);
  crawler.on('fetch', (e) => {
    if (e.purpose === 'page') pages++;
    if (e.verdict !== 'ok') errors++;
  });
  crawler.on('site-done', (siteId) => {
    sites++;
    if (!tty) stream.write(`[${sites}/${totalSites}] ${siteId} done · ${line()}\n`);
  });
  crawler.on('warn', (message) => stream.write(`${tty ? '\r\x1b[2K' : ''}warning: ${message}\n`));
  const timer = tty ? setInterval(draw, 200) : null;
  const interrupted = (signal: (typeof INTERRUPTS)[number]) => {
    stream.write(`${tty ? '\r\x1b[2K' : ''}${signal}: stopped at ${line()}; every page stored so far is kept, and the same command with --resume continues this run\n`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of INTERRUPTS) process.once(signal, interrupted);
  return () => {
    if (timer) clearInterval(timer);
    for (const signal of INTERRUPTS) process.off(signal, interrupted);
    if (tty) stream.write(`\r\x1b[2K${line()}\n`);
  };
}
