import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pageWeight } from './portal-chrome.js';

/**
 * Crawls a generated fleet (N sites × M pages, served by a separate process on loopback) with
 * govsite and with linkinator at the same total concurrency, and prints URLs/s, pages/s and peak RSS.
 * Usage: node dist/bench/crawl-vs-linkinator.js [sites=20] [pages=100] [concurrency=16] [light|portal] [latency ms=0]
 * (page weight: see portal-chrome.ts; latency: each answer waits that long first, as real servers' do)
 * Each tool runs in its own process so its peak RSS is its own. A benchmark, never a timed test.
 */
const [sites = 20, pages = 100, concurrency = 16] = process.argv.slice(2, 5).map(Number);
const weight = pageWeight(process.argv[5]);
const latencyMs = Number(process.argv[6] ?? 0);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const server = spawn(process.execPath, [here('./serve-fleet.js'), String(sites), String(pages), weight, String(latencyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];

type Figures = { runs: { pages: number; urls: number; ms: number; mainBusyMs: number; notModified?: number }[]; maxRssMb: number; cpuMs: number };
const run = (script: string, ...args: string[]): Figures => JSON.parse(execFileSync(process.execPath, [here(script), line, String(concurrency), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Figures;

try {
  // a warm-up pass, not measured: the server gzips each page and compiles its code at the first request,
  // which would slow whichever tool came first (linkinator, by 10–25 % before this pass)
  run('./run-linkinator.js');
  // govsite at per-host = concurrency too: linkinator has no per-host limit, so this is the like-for-like row
  const rows: [string, Figures][] = [
    ['linkinator 6 (no storage)', run('./run-linkinator.js')],
    [`govsite, per-host ${concurrency}, stores all`, run('./run-govsite.js', String(concurrency))],
    ['govsite, per-host 2 (default)', run('./run-govsite.js', '2')],
    ['govsite, 2nd run (conditional)', run('./run-govsite.js', '2', '2')],
  ];
  console.log(`fleet: ${sites} sites × ${pages} ${weight} pages, ${latencyMs} ms latency, concurrency ${concurrency}, ${new Date().toISOString().slice(0, 10)}, node ${process.version}`);
  console.log('tool                              pages   urls   seconds  main thread busy s   urls/s  pages/s  peak RSS MB  CPU s (all runs)');
  const last = (f: Figures) => f.runs[f.runs.length - 1]!;
  for (const [name, f] of rows) {
    const r = last(f);
    const s = r.ms / 1000;
    console.log(`${name.padEnd(32)} ${String(r.pages).padStart(6)} ${String(r.urls).padStart(6)} ${s.toFixed(2).padStart(9)} ${(r.mainBusyMs / 1000).toFixed(2).padStart(19)} ${(r.urls / s).toFixed(0).padStart(8)} ${(r.pages / s).toFixed(0).padStart(8)} ${f.maxRssMb.toFixed(0).padStart(12)} ${(f.cpuMs / 1000).toFixed(2).padStart(17)}${r.notModified ? `  (${r.notModified} answered 304)` : ''}`);
  }
  // the default (per-host 2) against linkinator: the crawl an inspector runs — if both read the same pages
  // (a tool that cannot decode a body, or does not follow a kind of link, measures something else)
  const [linkinator, govsite] = [last(rows[0]![1]), last(rows[2]![1])];
  const ratio = govsite.pages / govsite.ms / (linkinator.pages / linkinator.ms);
  if (Math.abs(govsite.pages - linkinator.pages) > linkinator.pages * 0.05) console.log(`govsite read ${govsite.pages} pages against linkinator's ${linkinator.pages}: not a comparison`);
  else console.log(`govsite (per-host 2) / linkinator pages/s: ${ratio.toFixed(2)} · target ≥ 1.3 ${ratio >= 1.3 ? 'met' : 'NOT met'} (≥ 1.0 ${ratio >= 1 ? 'met' : 'NOT met'})`);
} finally {
  server.stdin!.end();
}
