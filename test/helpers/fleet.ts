import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { writeTmp } from './tmp.js';

/** Serves fixtures/sites and writes fixtures/fleet.csv with this run's ports filled in. */
export async function startFixtureFleet(): Promise<{ fleet: FixtureFleet; registry: string }> {
  const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  const registry = writeTmp('fleet.csv', fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
  return { fleet, registry };
}
