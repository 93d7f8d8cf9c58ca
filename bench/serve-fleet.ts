import { FixtureFleet, type SiteContent } from '../src/fixture-server/server.js';
import { pageWeight } from './portal-chrome.js';
import { externalSite, syntheticSite } from './synthetic-fleet.js';

/**
 * Child process: serves the synthetic fleet on loopback and prints the origins as one JSON line.
 * Usage: serve-fleet.js sites pages [light|portal] [latency ms=0] — each answer waits `latency` first, as a real server's do.
 */
const [sites = 20, pages = 100] = process.argv.slice(2, 4).map(Number);
const weight = pageWeight(process.argv[4]);
const latencyMs = Number(process.argv[5] ?? 0);
const slowed = (content: SiteContent): SiteContent =>
  latencyMs > 0 ? { ...content, behaviours: Object.fromEntries(['/', ...Object.keys(content.files)].map((path) => [path, { delayMs: latencyMs }])) } : content;
const external = await FixtureFleet.start({ external: externalSite() });
const ext = external.origin('external');
const fleet = await FixtureFleet.start(Object.fromEntries(Array.from({ length: sites }, (_, s) => [`site${s}`, slowed(syntheticSite(s, pages, ext, weight))])));
process.stdout.write(`${JSON.stringify([...fleet.sites.values()].map((s) => s.origin))}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
