import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import type { Db } from '../../src/store/db.js';
import { TEST_CRAWL } from './crawl.js';
import { tmpDb, writeTmp } from './tmp.js';

/** Serves fixtures/sites and writes fixtures/fleet.csv with this run's ports filled in. */
export async function startFixtureFleet(): Promise<{ fleet: FixtureFleet; registry: string }> {
  const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  const registry = writeTmp('fleet.csv', fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
  return { fleet, registry };
}

/** The fixture fleet served and crawled into a fresh database at the fixtures' reference date. */
export async function crawlFixtureFleet(asOf = '2026-11-15'): Promise<{ fleet: FixtureFleet; db: Db; runId: number }> {
  const { fleet, registry } = await startFixtureFleet();
  const { db } = tmpDb();
  const { run } = await crawlRegistry(db, { registry, asOf, resume: false, options: TEST_CRAWL });
  return { fleet, db, runId: run.id };
}
