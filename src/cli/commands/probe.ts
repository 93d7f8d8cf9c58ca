import { Command, Option } from 'commander';
import { HttpClient, DEFAULT_USER_AGENT, REQUEST_TIMEOUT_MS } from '../../crawl/http-client.js';
import { controlsOver } from '../../crawl/controls.js';
import { runProbeRounds } from '../../probe/probe.js';
import { importRegistry } from '../../registry/import.js';
import { inShard, parseShard } from '../../registry/shard.js';
import { databaseTrouble, troubleKind, withDb, type Db } from '../../store/db.js';
import { insertProbes, probesOf, probesSetAside, type Probe } from '../../store/probes.js';
import { probesByDay, PROBES_A_DAY } from '../../checks/probe-days.js';
import { UsageError } from '../../errors.js';
import { controlOption, dbOption, parseAsOf, parseControls, positiveInt, shardOption, userAgentOf } from '../options.js';
import { reportRowErrors } from '../row-errors.js';

/** sites named on a round's line, of those that failed or were set aside; the summary below names every site */
const LISTED = 20;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "72m", "7d", "15s", "500ms" → milliseconds. */
export function parseDuration(value: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (!m) throw new UsageError(`${name} must be a duration such as 72m, 7d, 15s or 500ms, got "${value}"`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

interface RawProbeOptions { db: string; shard?: string; once?: boolean; every?: string; for: string; rounds?: string; timeout: string; concurrency: string; control?: string[]; proxy?: string; userAgent: string }

export const probeCommand = new Command('probe')
  .description('home page availability probes (15 s = failed), stored per site: --once for cron, or --every 1h --for 7d as a monitor')
  .argument('<registry>', 'registry file (CSV, JSON, JSON Lines)')
  .addOption(dbOption())
  .addOption(shardOption())
  .addOption(new Option('--once', 'one round and exit (the default without --every)').conflicts(['every']))
  .option('--every <duration>', 'start a round this often (the rule needs 20 a day: 72m at the least, 1h leaves a margin)')
  .option('--for <duration>', 'keep probing this long', '7d')
  .option('--rounds <n>', 'stop after this many rounds')
  .option('--timeout <ms>', 'a probe that has not opened the page in this time failed', String(REQUEST_TIMEOUT_MS))
  .option('--concurrency <n>', 'probes at once', '16')
  .addOption(controlOption('asked after a site fails: when none answers, the failure was this machine\'s network and is not counted'))
  .option('--proxy <url>', 'HTTP proxy (default: HTTP_PROXY / HTTPS_PROXY / NO_PROXY)')
  .option('--user-agent <ua>', 'User-Agent with a contact URL', DEFAULT_USER_AGENT)
  .action(async (registry: string, raw: RawProbeOptions) => {
    const controlUrls = parseControls(raw.control);
    const schedule = raw.every
      ? { everyMs: parseDuration(raw.every, '--every'), forMs: parseDuration(raw.for, '--for'), rounds: raw.rounds ? positiveInt(raw.rounds, '--rounds') : Infinity }
      : { everyMs: 0, forMs: Infinity, rounds: 1 };
    const shard = parseShard(raw.shard);
    const concurrency = positiveInt(raw.concurrency, '--concurrency');
    const client = new HttpClient({ perHost: 1, timeoutMs: positiveInt(raw.timeout, '--timeout'), userAgent: userAgentOf(raw.userAgent), proxy: raw.proxy });
    try {
      await withDb(raw.db, async (db) => {
        const parsed = importRegistry(db, registry);
        reportRowErrors(parsed);
        const targets = parsed.rows.filter((r) => inShard(r.id, shard)).map((r) => ({ siteId: r.id, url: r.url }));
        const store = roundStore(db, raw.db);
        const rounds = await runProbeRounds(client, targets, schedule, concurrency, (probes, round) => {
          store(probes, round);
          const failed = probes.filter((p) => !p.ok && !p.controlFailed);
          const setAside = probes.filter((p) => p.controlFailed);
          // a round of thousands of sites with the network down is one line, not thousands of ids: the first ones, and the count
          const list = (ps: Probe[]) => ps.slice(0, LISTED).map((p) => `${p.siteId} (${p.status ?? p.errorCode})`).join(', ') + (ps.length > LISTED ? ` and ${ps.length - LISTED} more` : '');
          process.stderr.write(`probe round ${round}: ${probes.filter((p) => p.ok).length}/${probes.length} opened${failed.length ? `; failed: ${list(failed)}` : ''}${setAside.length ? `; not counted, this machine's network or proxy failed them (no control URL answered either, the proxy could not be reached, or it refused them by its policy): ${list(setAside)}` : ''}\n`);
        }, controlsOver(client, controlUrls));
        store([], null);
        const today = parseAsOf(undefined);
        process.stdout.write(`${rounds} round(s) of ${targets.length} site(s); the week to ${today}:\n`);
        for (const t of targets) {
          const probes = probesOf(db, t.siteId, today);
          const failed = probes.filter((p) => !p.ok).length;
          const setAside = probesSetAside(db, t.siteId, today);
          // opened, but behind a certificate a browser warns about: said, as the latest probe found it
          const certificate = probes.reduce<string | null>((last, p) => p.certificate ?? last, null);
          // the availability rules judge a site only once each of the 7 days has its 20 probes
          const fullDays = probesByDay(probes).filter((d) => d.probes >= PROBES_A_DAY).length;
          process.stdout.write(`  ${t.siteId}  ${probes.length} probes, ${failed} failed (${probes.length ? ((100 * failed) / probes.length).toFixed(1) : '—'} %)${setAside ? ` (${setAside} more not counted: this machine's network or proxy)` : ''}, ${fullDays} of 7 days with ≥ ${PROBES_A_DAY}  ${t.url}${certificate ? `  certificate not verified: ${certificate}` : ''}\n`);
        }
      });
    } finally {
      await client.close();
    }
  });

/**
 * Stores each round's probes as it ends. A week of probing outlasts a disk full for an hour or a lock
 * held past 5 s: a round not stored is kept, with a warning, and stored with the next one (a probe
 * stored twice is one: site and time). The last call (round null) stores what is kept, or fails.
 */
function roundStore(db: Db, file: string): (probes: readonly Probe[], round: number | null) => void {
  let unstored: Probe[] = [];
  return (probes, round) => {
    unstored.push(...probes);
    try {
      insertProbes(db, unstored);
      unstored = [];
    } catch (e) {
      if (round === null || troubleKind(e) !== 'passing') throw e;
      process.stderr.write(`warning: probe round ${round} is not stored yet, ${unstored.length} probes kept for the next round: ${databaseTrouble(file, e, false)!.message}\n`);
    }
  };
}
