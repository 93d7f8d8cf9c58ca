import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pageWeight } from './portal-chrome.js';

/**
 * A national sweep simulated on loopback: every host of county-portals.csv (3,208 real portals)
 * is played by one local forward proxy (which renders their pages before it answers), and audited
 * through --proxy at 300, 1,000 and all hosts:
 * wall time, pages/s, peak RSS, the second (conditional) audit — whole, and its crawl alone (the
 * report reads every page's facts again however little changed) — and the raw fetch+parse floor
 * measured in the same run.
 * Usage: node dist/bench/sweep-sim.js [corpus dir=../shared/corpus] [articles per site=12] [sizes=300,1000,3208] [light|portal] [http|https]
 * (page weight: see portal-chrome.ts; https plays every host over TLS inside the proxy's CONNECT tunnels)
 */
const [corpus = join(process.cwd(), '..', 'shared', 'corpus'), articles = '12', sizes = '300,1000,3208'] = process.argv.slice(2);
const weight = pageWeight(process.argv[5]);
const scheme = process.argv[6] ?? 'http';
if (scheme !== 'http' && scheme !== 'https') throw new Error(`scheme: http or https, not ${scheme}`);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const portals = readFileSync(join(corpus, 'registries', 'county-portals.csv'), 'utf8').trim().split('\n');

type Audit = { pages: number; ms: number; reportMs: number; maxRssMb: number };
const dir = mkdtempSync(join(tmpdir(), 'govsite-sweep-'));
const counts = sizes.split(',').map(Number);
// every portal played over one scheme (the registry's are 97 % http://)
const registryOf = (n: number) => {
  const file = join(dir, `portals-${n}.csv`);
  writeFileSync(file, [portals[0], ...portals.slice(1, n + 1)].join('\n').replace(/https?:\/\//g, `${scheme}://`));
  return file;
};
// the proxy renders every page first, as real servers have theirs: their work is not on the audit's cores
const server = spawn(process.execPath, [here('./sweep-server.js'), articles, weight, registryOf(Math.max(...counts))], { stdio: ['pipe', 'pipe', 'inherit'] });
const [proxy] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
console.log(`sweep simulation · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${articles} articles per site, 8 columns, a mailbox, ${weight} pages over ${scheme}`);
console.log('hosts   audit s (report s)  pages   pages/s  2nd audit s (report s)  speed-up  crawl speed-up  peak RSS MB  floor pages  floor pages/s  audit/floor');
/** Each fleet size's figures against the targets (SPEC's sweep: issue 6), printed after the table. */
const targets: { hosts: number; floorShare: number; speedUp: number; rssMb: number }[] = [];
try {
  for (const n of counts) {
    const registry = registryOf(n);
    // each audit its own process, as each `govsite audit` is: the second one finds the first one's validators
    const [first, second] = [1, 2].map(() => JSON.parse(execFileSync(process.execPath, [here('./run-audit.js'), registry, join(dir, `sweep-${n}.db`), proxy], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Audit) as [Audit, Audit];
    const floor = JSON.parse(execFileSync(process.execPath, [here('./run-floor.js'), registry, proxy], { encoding: 'utf8' })) as { pages: number; ms: number };
    const rate = first.pages / (first.ms / 1000);
    const floorRate = floor.pages / (floor.ms / 1000);
    // a floor that read other pages than the audit (a body it could not decode, links it did not see) measures something else
    const comparable = Math.abs(floor.pages - first.pages) <= first.pages * 0.05;
    const floorShare = comparable ? rate / floorRate : NaN;
    console.log(`${String(n).padStart(5)} ${(first.ms / 1000).toFixed(1).padStart(9)} ${`(${(first.reportMs / 1000).toFixed(1)})`.padStart(10)} ${String(first.pages).padStart(6)} ${rate.toFixed(0).padStart(9)} ${(second.ms / 1000).toFixed(1).padStart(12)} ${`(${(second.reportMs / 1000).toFixed(1)})`.padStart(10)} ${(first.ms / second.ms).toFixed(2).padStart(9)} ${((first.ms - first.reportMs) / (second.ms - second.reportMs)).toFixed(2).padStart(15)} ${String(Math.max(first.maxRssMb, second.maxRssMb)).padStart(12)} ${String(floor.pages).padStart(12)} ${floorRate.toFixed(0).padStart(14)} ${(comparable ? floorShare.toFixed(2) : 'n/a').padStart(12)}`);
    if (!comparable) console.log(`  the floor read ${floor.pages} pages against the audit's ${first.pages}: audit/floor is not a comparison`);
    targets.push({ hosts: n, floorShare, speedUp: first.ms / second.ms, rssMb: Math.max(first.maxRssMb, second.maxRssMb) });
  }
  const line = (name: string, figure: (t: (typeof targets)[number]) => string, met: (t: (typeof targets)[number]) => boolean) =>
    console.log(`target ${name.padEnd(36)} ${targets.map((t) => `${t.hosts}: ${figure(t)} ${met(t) ? 'met' : 'NOT met'}`).join(' · ')}`);
  line('audit ≥ 0.70 × floor pages/s', (t) => (Number.isNaN(t.floorShare) ? 'not comparable,' : t.floorShare.toFixed(2)), (t) => t.floorShare >= 0.7);
  line('2nd audit ≥ 3× faster', (t) => `${t.speedUp.toFixed(2)}×`, (t) => t.speedUp >= 3);
  line('peak RSS ≤ 500 MB', (t) => `${t.rssMb} MB`, (t) => t.rssMb <= 500);
} finally {
  server.stdin!.end();
  rmSync(dir, { recursive: true, force: true });
}
