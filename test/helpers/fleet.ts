import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import { FixtureFleet, loadSiteDir } from '../../src/fixture-server/server.js';
import { scoreRun } from '../../src/history/score-run.js';
import { loadProfile } from '../../src/score/profile.js';
import type { AuditReport } from '../../src/report/model.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import type { Db } from '../../src/store/db.js';
import { expectKeysHold, TEST_CRAWL } from './crawl.js';
import { tmpDb, writeTmp } from './tmp.js';

/** Serves fixtures/sites and writes fixtures/fleet.csv with this run's ports filled in. */
export async function startFixtureFleet(): Promise<{ fleet: FixtureFleet; registry: string }> {
  const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  const registry = writeTmp('fleet.csv', fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
  return { fleet, registry };
}

/** Planted in the <title> of 沉睡县's guide_3.html, which the report shows as evidence: it must stay text everywhere. */
export const TITLE_PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/** The fixture fleet crawled and scored (gov-2019) as the audit does, history kept. */
export async function scoredFixtureFleet(): Promise<{ fleet: FixtureFleet; report: AuditReport }> {
  const { fleet, db, runId } = await crawlFixtureFleet();
  return servedWhile(fleet, async () => ({ fleet, report: scoreRun(db, runId, loadProfile('gov-2019')) }));
}

/**
 * `work` with the fleet served, the fleet closed when it fails: a test file whose setup fails then
 * ends with its failure, instead of its process held open by the fleet's servers until CI's limit.
 */
async function servedWhile<T>(fleet: FixtureFleet, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await fleet.close();
    throw error;
  }
}

/** The fixture fleet served and crawled into a fresh database at the fixtures' reference date. */
export async function crawlFixtureFleet(asOf = '2026-11-15'): Promise<{ fleet: FixtureFleet; db: Db; runId: number }> {
  const { fleet, registry } = await startFixtureFleet();
  return servedWhile(fleet, async () => {
    const { db } = tmpDb();
    const { run } = await crawlRegistry(db, { registry, asOf, resume: false, options: TEST_CRAWL });
    expectKeysHold(db);
    return { fleet, db, runId: run.id };
  });
}

/**
 * The fixture fleet audited as of 2026-11-15, then 问题区 (trouble) partly rectified and everything
 * audited again as of 2026-11-16: the soft-404 link is gone and 通知公告 has a notice (no longer an
 * empty column), but that notice's link is dead and a new dead 信息公开 link is on the home page.
 */
export async function auditTwice(): Promise<{ fleet: FixtureFleet; db: Db; file: string; runs: [number, number] }> {
  const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  const registry = writeTmp('fleet.csv', fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
  return servedWhile(fleet, async () => {
    const { db, file } = tmpDb();
    const profile = loadProfile('gov-2019');
    const first = (await crawlRegistry(db, { registry, asOf: '2026-11-15', resume: false, options: TEST_CRAWL })).run.id;
    scoreRun(db, first, profile);
    const trouble = loadSiteDir(join(FIXTURES_DIR, 'sites', 'trouble'));
    const text = (path: string) => trouble.files[path]!.toString();
    fleet.update('trouble', {
      ...trouble,
      files: {
        ...trouble.files,
        '/index.html': text('/index.html').replace('<a href="/soft404.html">政策解读</a>', '<a href="/xxgk/index.html">信息公开</a>'),
        '/tzgg/index.html': text('/tzgg/index.html').replace('<div class="list">暂无信息</div>', '<ul class="list"><li><a href="/tzgg/2026/1116/n1.html">关于开展安全生产检查的通知</a><span>2026-11-16</span></li></ul>'),
      },
    });
    const second = (await crawlRegistry(db, { registry, asOf: '2026-11-16', resume: false, options: TEST_CRAWL })).run.id;
    scoreRun(db, second, profile);
    expectKeysHold(db);
    return { fleet, db, file, runs: [first, second] };
  });
}
