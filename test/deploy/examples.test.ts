import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import type { AuditReport } from '../../src/report/model.js';
import { openDb } from '../../src/store/db.js';
import { BIN } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { parseYamlDocuments, type Yaml } from '../helpers/yaml.js';

/**
 * The deploy/ examples run as written, on the fixture fleet served on loopback: every shell step of
 * every job, a matrix's or an Indexed Job's shards side by side as their engine runs them, in one
 * workspace (a volume, or artifacts passed on). What only the engine does — checkout, `npm ci`,
 * moving artifacts — is the test's; their control pages are real hosts, so the test gives the
 * fleet's own (nothing leaves loopback). The merged result must give every site the verdict one
 * whole audit gives it.
 */
const AS_OF = '2026-11-15';
const SET_UP = 'npm ci && npm run build';
/** the Node the package is for (its `engines`): what a job must set up */
const NODE_MAJOR = Number(/\d+/.exec((JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node)![0]);

let fleet: FixtureFleet;
let registry: string;
let whole: Verdicts;
/** `govsite` on the PATH, as an image with govsite installed has it */
let path: string;
/** the folder of that `govsite`, where a test puts the other programs an engine's runners have */
let bin: string;

type Verdicts = [id: string, verdict: string, score: number | null, health: string][];
const verdicts = (report: AuditReport): Verdicts => report.sites.map((s): Verdicts[number] => [s.id, s.verdict, s.score, s.health]).sort((a, b) => a[0].localeCompare(b[0]));

before(async () => {
  fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  registry = fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8'));
  bin = tmpDir();
  writeFileSync(join(bin, 'govsite'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'govsite'), 0o755);
  path = [bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':');
  const dir = workspace();
  const { code, stdout } = await shell('sh', `govsite audit registry.csv --as-of ${AS_OF} --db whole.db --format json`, dir);
  expect(code).toBe(0);
  whole = verdicts(JSON.parse(stdout) as AuditReport);
});
after(() => fleet.close());

/** A checked-out repository: the registry the examples name, and `node bin/govsite.js` working. */
function workspace(): string {
  const dir = tmpDir();
  writeFileSync(join(dir, 'registry.csv'), registry);
  symlinkSync(join(PACKAGE_ROOT, 'bin'), join(dir, 'bin'));
  return dir;
}

interface Ran { code: number | null; stdout: string; stderr: string }

/** `shell -c script` in `cwd` with only `env` and the PATH; `until`: the output that ends it early (SIGTERM). */
function shell(sh: string, script: string, cwd: string, env: Record<string, string> = {}, until?: RegExp): Promise<Ran> {
  // its own process group: a pod's stop reaches what the shell started
  const child = spawn(sh, ['-c', script], { cwd, env: { PATH: path, HOME: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  let stopped = false;
  const seen = () => {
    if (!stopped && until?.test(stderr)) {
      stopped = true;
      process.kill(-child.pid!, 'SIGTERM');
    }
  };
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => ((stderr += d), seen()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Every step ended well, or the test says which did not and what it printed. */
function expectAllRan(results: { step: string; ran: Ran }[]): void {
  expect(results.filter((r) => r.ran.code !== 0).map((r) => ({ step: r.step, ...r.ran }))).toEqual([]);
}

const read = (file: string): Yaml[] => parseYamlDocuments(readFileSync(join(PACKAGE_ROOT, 'deploy', file), 'utf8'), file);
type YamlMap = { [key: string]: Yaml };
const asMap = (y: Yaml | undefined): YamlMap => (y !== null && typeof y === 'object' && !Array.isArray(y) ? y : {});
const asList = (y: Yaml | undefined): Yaml[] => (Array.isArray(y) ? y : []);

/** The files a glob names in `dir` (`shard-*.db`, `report/`). */
function globbed(dir: string, pattern: string): string[] {
  const re = new RegExp(`^${pattern.replace(/\/$/, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return readdirSync(dir).filter((f) => re.test(f));
}

/** The merged database's report, against the whole audit's. */
async function expectMergedAsWhole(dir: string, db: string): Promise<void> {
  const { code, stdout } = await shell('sh', `govsite report --db ${db} --format json`, dir);
  expect(code).toBe(0);
  expect(verdicts(JSON.parse(stdout) as AuditReport)).toEqual(whole);
  const merged = openDb(join(dir, db), { readonly: true });
  expect(merged.prepare(`SELECT count(*) AS n FROM run_sites`).get()).toEqual({ n: whole.length });
  merged.close();
}

/**
 * Whether December's crawl asked conditionally what November's stored (a shard audited its own database again): the healthy
 * city's home page answered 304, and so did others (how many depends on what timed out under the test's load).
 */
const unchangedPages = (db: ReturnType<typeof openDb>) => db.prepare(`SELECT sum(f.not_modified) > 0 AS some, sum(f.not_modified * (f.site_id = '3201000001' AND f.depth = 0)) AS home
  FROM fetches f JOIN runs r ON r.id = f.run_id WHERE r.as_of = '2026-12-15' AND f.purpose = 'page'`).get();

/**
 * Each month's runs of a database kept between months: November's pruned after December's, December's whole; and
 * every site of both months reported (a shard's database holds its share, none for some of the eight: the fleet is six).
 */
const PRUNED_MONTHS = [{ as_of: AS_OF, pruned: 1, unreported: 0 }, { as_of: '2026-12-15', pruned: 0, unreported: 0 }];
const prunedMonths = (db: ReturnType<typeof openDb>) => db.prepare(`SELECT as_of, pruned_at IS NOT NULL AS pruned,
  (SELECT count(*) FROM run_sites s WHERE s.run_id = runs.id AND s.site_id NOT IN (SELECT site_id FROM results WHERE run_id = runs.id)) AS unreported FROM runs ORDER BY id`).all();

describe('the deploy/ examples run as written', () => {
  it('GitHub Actions, two months: the eight shard jobs side by side, then the merge job on their artifacts; the second month goes on from the first one\'s', { timeout: 300_000 }, async () => {
    const workflow = asMap(read('github-actions.yml')[0]);
    // the artifacts GitHub keeps of each run of the workflow (store/<run>/<name>/), and the runs that succeeded
    const store = tmpDir();
    const NAME = 'govsite sweep';
    expect(workflow['name']).toBe(NAME);
    expect(asMap(workflow['permissions'])['actions']).toBe('read');
    // the GitHub CLI the runners have, for the two calls the workflow makes, on that store
    writeFileSync(join(bin, 'gh.mjs'), `import { cpSync, existsSync, readFileSync } from 'node:fs';
const [command, sub, ...args] = process.argv.slice(2);
const flag = (name) => args[args.indexOf(name) + 1];
if (!process.env.GH_TOKEN || !process.env.GH_REPO) { console.error('gh: set GH_TOKEN (and GH_REPO) to use the GitHub CLI in a workflow'); process.exit(4); }
if (command === 'run' && sub === 'list' && flag('--workflow') === ${JSON.stringify(NAME)} && flag('--status') === 'success' && flag('--jq') === '.[0].databaseId') {
  const done = existsSync('${store}/succeeded') ? readFileSync('${store}/succeeded', 'utf8').split('\\n').filter(Boolean) : [];
  if (done.length) console.log(done[done.length - 1]);
} else if (command === 'run' && sub === 'download' && existsSync(\`${store}/\${args[0]}/\${flag('--name')}\`)) {
  cpSync(\`${store}/\${args[0]}/\${flag('--name')}\`, process.cwd(), { recursive: true });
} else {
  console.error('gh: not found: ' + process.argv.slice(2).join(' '));
  process.exit(1);
}
`);
    writeFileSync(join(bin, 'gh'), `#!/bin/sh\nexec "${process.execPath}" "${join(bin, 'gh.mjs')}" "$@"\n`);
    chmodSync(join(bin, 'gh'), 0o755);
    const jobs = asMap(workflow['jobs']);
    const shard = asMap(jobs['shard']);
    const shards = asList(asMap(asMap(shard['strategy'])['matrix'])['shard']);
    // the matrix names every shard the command divides the registry into
    const divided = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(asList(shard['steps']).map((s) => String(asMap(s)['run'])).join('\n'))?.[1]);
    expect(shards).toEqual(Array.from({ length: divided }, (_, i) => i + 1));
    expect(asMap(jobs['merge'])['needs']).toBe('shard');

    /** One run of the workflow (`runNumber` its number) as of a month's date, on fresh runners sharing one workspace as artifacts passed on. */
    const sweep = async (runNumber: number, asOf: string) => {
      const dir = workspace();
      const runJob = async (job: YamlMap, matrix: YamlMap) => {
        const results: { step: string; ran: Ran }[] = [];
        // what a step writes to $GITHUB_ENV, the job's later steps have in their environment
        const githubEnv = join(tmpDir(), 'github-env');
        writeFileSync(githubEnv, '');
        for (const step of asList(job['steps']).map(asMap)) {
          // the expressions the workflow uses; any other would be left unread
          const expand = (text: string) => text.replace(/\$\{\{\s*(?:matrix\.(\w+)|inputs\.as_of|github\.(workflow|token|repository))\s*\}\}/g, (_, key: string | undefined, github: string | undefined) =>
            (key ? String(matrix[key]) : github ? ({ workflow: NAME, token: 'a-token', repository: 'office/sweeps' } as Record<string, string>)[github]! : asOf));
          const uses = step['uses'];
          if (typeof uses === 'string') {
            const given = asMap(step['with']);
            if (uses.startsWith('actions/setup-node')) expect(given['node-version']).toBe(NODE_MAJOR);
            if (uses.startsWith('actions/upload-artifact')) {
              // an uploaded artifact is there to upload, and kept for the next run (a download is the shared workspace)
              const files = globbed(dir, expand(String(given['path'])));
              expect([uses, files]).not.toEqual([uses, []]);
              for (const f of files) cpSync(join(dir, f), join(store, String(runNumber), expand(String(given['name'])), f), { recursive: true });
            }
            continue;
          }
          const command = String(step['run']);
          if (command === SET_UP) continue;
          const script = expand(command);
          expect(script).not.toContain('${{');
          const later = Object.fromEntries(readFileSync(githubEnv, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
          const env = { ...later, GITHUB_ENV: githubEnv, ...Object.fromEntries(Object.entries(asMap(step['env'])).map(([k, v]) => [k, expand(String(v))])) };
          results.push({ step: script, ran: await shell('bash', `set -e -o pipefail\n${script}`, dir, env) });
          // a failed step ends its job
          if (results[results.length - 1]!.ran.code !== 0) break;
        }
        return results;
      };
      expectAllRan((await Promise.all(shards.map((k) => runJob(shard, { shard: k })))).flat());
      expectAllRan(await runJob(asMap(jobs['merge']), {}));
      writeFileSync(join(store, 'succeeded'), `${runNumber}\n`, { flag: 'a' });
      return dir;
    };

    const november = await sweep(1, AS_OF);
    expect(readdirSync(join(november, 'report')).sort()).toEqual(['bulletin-2026Q4.docx', 'bulletin-2026Q4.md', 'report.csv', 'report.json', 'summary.txt']);
    await expectMergedAsWhole(november, 'all.db');
    // a shard's and the merge's files kept past a month, for the next one
    for (const step of Object.values(jobs).flatMap((j) => asList(asMap(j)['steps']).map(asMap))) {
      const given = asMap(step['with']);
      if (String(step['uses']).startsWith('actions/upload-artifact') && given['name'] !== 'report') expect([given['name'], Number(given['retention-days'])]).toEqual([given['name'], 90]);
    }

    const december = await sweep(2, '2026-12-15');
    expect(readdirSync(join(december, 'report')).sort()).toEqual(['bulletin-2026Q4.docx', 'bulletin-2026Q4.md', 'diff.md', 'report.csv', 'report.json', 'summary.txt']);
    expect(readFileSync(join(december, 'report', 'diff.md'), 'utf8')).toContain('2026-11-15');
    const months = openDb(join(december, 'all.db'), { readonly: true });
    expect(months.prepare(`SELECT as_of, (SELECT count(*) FROM run_sites s WHERE s.run_id = r.id) AS sites FROM runs r ORDER BY id`).all())
      .toEqual([{ as_of: AS_OF, sites: whole.length }, { as_of: '2026-12-15', sites: whole.length }]);
    // each shard audited its own database of November again: what had not changed answered 304
    expect(unchangedPages(months)).toEqual({ some: 1, home: 1 });
    expect(prunedMonths(months)).toEqual(PRUNED_MONTHS);
    months.close();
    for (const k of shards) {
      const own = openDb(join(december, `shard-${String(k)}.db`), { readonly: true });
      expect(prunedMonths(own)).toEqual(PRUNED_MONTHS);
      own.close();
    }
  });

  it('GitLab CI, two months: the parallel shard job\'s eight nodes, then the merge stage; the second month goes on from the first one\'s artifacts', { timeout: 300_000 }, async () => {
    const pipeline = asMap(read('gitlab-ci.yml')[0]);
    // the artifacts GitLab keeps of each pipeline's jobs (store/<pipeline>/<job>/), and the pipelines that succeeded
    const store = tmpDir();
    const api = { CI_API_V4_URL: 'https://gitlab.example.gov.cn/api/v4', CI_PROJECT_ID: '42', CI_COMMIT_REF_NAME: 'main', CI_JOB_TOKEN: 'a-job-token' };
    // curl as the job's image has it, for the one request the jobs make: a file of the ref's last successful pipeline's job (GitLab's jobs/artifacts/:ref/raw/:path?job=:name)
    const tools = tmpDir();
    writeFileSync(join(tools, 'curl.mjs'), `import { copyFileSync, existsSync, readFileSync } from 'node:fs';
const args = process.argv.slice(2);
const flag = (name) => args[args.indexOf(name) + 1];
const url = new URL(args[args.length - 1]);
const prefix = ${JSON.stringify(`${api.CI_API_V4_URL}/projects/${api.CI_PROJECT_ID}/jobs/artifacts/${api.CI_COMMIT_REF_NAME}/raw/`)};
const done = existsSync('${store}/succeeded') ? readFileSync('${store}/succeeded', 'utf8').split('\\n').filter(Boolean) : [];
const file = done.length && url.href.startsWith(prefix) && flag('--header') === 'JOB-TOKEN: ${api.CI_JOB_TOKEN}' && args.includes('--fail')
  ? \`${store}/\${done[done.length - 1]}/\${url.searchParams.get('job')}/\${decodeURIComponent(url.href.slice(prefix.length).split('?')[0])}\` : null;
if (file === null || !existsSync(file)) { console.error('curl: (22) The requested URL returned error: 404'); process.exit(22); }
copyFileSync(file, flag('--output'));
`);
    writeFileSync(join(tools, 'curl'), `#!/bin/sh\nexec "${process.execPath}" "${join(tools, 'curl.mjs')}" "$@"\n`);
    chmodSync(join(tools, 'curl'), 0o755);
    const stages = asList(pipeline['stages']).map(String);
    expect(stages).toEqual(['shards', 'merge']);
    const jobsOf = (stage: string) => Object.entries(pipeline).filter(([, j]) => asMap(j)['stage'] === stage);

    /** One pipeline (`number`), its jobs on fresh runners sharing one workspace as artifacts passed on; `variables`: those given to this pipeline. */
    const sweep = async (number: number, variables: Record<string, string>) => {
      const dir = workspace();
      const runJob = async (name: string, job: YamlMap, env: Record<string, string>) => {
        expect(job['image']).toBe(`node:${NODE_MAJOR}`);
        // the job's script lines in one shell, as the runner runs them (what one line exports, the next has)
        const lines = asList(job['script']).map(String).filter((line) => line !== SET_UP);
        const ran = await shell('sh', `set -e\n${lines.join('\n')}`, dir, { ...variables, ...api, ...env, CI_JOB_NAME: name, PATH: `${tools}:${path}` });
        // what the job keeps as artifacts is there, and kept for the pipelines after it
        if (ran.code === 0) {
          for (const p of asList(asMap(job['artifacts'])['paths']).map(String)) {
            expect([p, globbed(dir, p)]).not.toEqual([p, []]);
            for (const f of globbed(dir, p)) cpSync(join(dir, f), join(store, String(number), name, f), { recursive: true });
          }
        }
        return { step: name, ran };
      };
      for (const stage of stages) {
        for (const [name, job] of jobsOf(stage).map(([n, j]) => [n, asMap(j)] as const)) {
          const nodes = typeof job['parallel'] === 'number' ? job['parallel'] : 1;
          // a parallel job's nodes are named `shard 1/8` …
          const runs = Array.from({ length: nodes }, (_, i) => (nodes > 1 ? runJob(`${name} ${i + 1}/${nodes}`, job, { CI_NODE_INDEX: String(i + 1), CI_NODE_TOTAL: String(nodes) }) : runJob(name, job, {})));
          expectAllRan(await Promise.all(runs));
        }
      }
      writeFileSync(join(store, 'succeeded'), `${number}\n`, { flag: 'a' });
      return dir;
    };
    const given = Object.fromEntries(Object.entries(asMap(pipeline['variables'])).map(([k, v]) => [k, String(v)]));
    expect(given['AS_OF']).toBe(AS_OF);
    // the artifacts outlive a month
    for (const [, job] of [...jobsOf('shards'), ...jobsOf('merge')]) expect(asMap(asMap(job)['artifacts'])['expire_in']).toBe('3 months');

    const november = await sweep(1, given);
    await expectMergedAsWhole(november, 'all.db');
    expect(readdirSync(join(november, 'report')).sort()).toEqual(['bulletin-2026Q4.docx', 'bulletin-2026Q4.md', 'report.csv', 'report.json', 'summary.txt']);

    const december = await sweep(2, { ...given, AS_OF: '2026-12-15' });
    expect(readdirSync(join(december, 'report')).sort()).toEqual(['bulletin-2026Q4.docx', 'bulletin-2026Q4.md', 'diff.md', 'report.csv', 'report.json', 'summary.txt']);
    const months = openDb(join(december, 'all.db'), { readonly: true });
    expect(months.prepare(`SELECT as_of, (SELECT count(*) FROM run_sites s WHERE s.run_id = r.id) AS sites FROM runs r ORDER BY id`).all())
      .toEqual([{ as_of: AS_OF, sites: whole.length }, { as_of: '2026-12-15', sites: whole.length }]);
    // each shard audited its own database of November again: what had not changed answered 304
    expect(unchangedPages(months)).toEqual({ some: 1, home: 1 });
    expect(prunedMonths(months)).toEqual(PRUNED_MONTHS);
    months.close();
    for (const shard of globbed(december, 'shard-*.db')) {
      const own = openDb(join(december, shard), { readonly: true });
      expect(prunedMonths(own)).toEqual(PRUNED_MONTHS);
      own.close();
    }
  });

  it('Kubernetes: the probe Job\'s pods (their first round), the sweep\'s Indexed Job, then the merge Job with its wait', { timeout: 180_000 }, async () => {
    const volume = workspace();
    /** A pod of a Job's template: its containers' commands with this index, the volume at its mount path. */
    const podOf = (job: YamlMap) => asMap(asMap(asMap(job['spec'])['template'])['spec']);
    /** `month`: the values given for the pod's variables where it has them (next month's AS_OF) */
    const runPod = async (job: YamlMap, index: number | null, until?: RegExp, month: Record<string, string> = {}) => {
      const pod = podOf(job);
      const results: { step: string; ran: Ran }[] = [];
      for (const container of [...asList(pod['initContainers']), ...asList(pod['containers'])].map(asMap)) {
        const [sh, ...shArgs] = [...asList(container['command']), ...asList(container['args'])].map(String);
        expect([sh, shArgs[0]]).toEqual(['sh', '-c']);
        const mounts = asList(container['volumeMounts']).map(asMap);
        expect(mounts.map((m) => m['mountPath'])).toEqual(['/data']);
        const script = shArgs.slice(1).join(' ').replaceAll('/data/', `${volume}/`);
        const env: Record<string, string> = Object.fromEntries(asList(container['env']).map(asMap).map((e) => [String(e['name']), String(e['value'])]));
        // the examples' control pages are real hosts: the fleet's own stand in for them
        if ('CONTROL' in env) env['CONTROL'] = `${fleet.origin('healthy')}/`;
        for (const [name, value] of Object.entries(month)) if (name in env) env[name] = value;
        if (index !== null) env['JOB_COMPLETION_INDEX'] = String(index);
        results.push({ step: `${String(container['name'])} ${index ?? ''}`, ran: await shell(sh!, script, volume, env, until) });
      }
      return results;
    };
    const indexed = (job: YamlMap) => {
      const spec = asMap(job['spec']);
      const shards = asList(asMap(asList(podOf(job)['containers'])[0])['env']).map(asMap).find((e) => e['name'] === 'SHARDS')?.['value'];
      // every pod at once, each its own shard: the registry divided by the pods' count
      expect([spec['completionMode'], spec['parallelism'], Number(shards)]).toEqual(['Indexed', spec['completions'], spec['completions']]);
      // each pod writes a SQLite file of its own: a replacement never runs beside the pod it replaces
      expect(spec['podReplacementPolicy']).toBe('Failed');
      return Array.from({ length: Number(spec['completions']) }, (_, i) => i);
    };
    const [probe] = read('k8s-probe-job.yaml').map(asMap);
    const [sweep, merge] = read('k8s-indexed-job.yaml').map(asMap);
    // a probe pod runs for a week: it is stopped once its first round is stored
    const probed = (await Promise.all(indexed(probe!).map((i) => runPod(probe!, i, /^probe round 1: /m)))).flat();
    expect(probed.filter((p) => !/^probe round 1: \d+\/\d+ opened/m.test(p.ran.stderr))).toEqual([]);
    expectAllRan((await Promise.all(indexed(sweep!).map((i) => runPod(sweep!, i)))).flat());
    // the merge waits for every pod's report of the month
    const waitsFor = Number(/-ge (\d+)/.exec(asList(asMap(asList(podOf(merge!)['initContainers'])[0])['command']).join(' '))?.[1]);
    expect(globbed(volume, `shard-*-${AS_OF}.json`)).toHaveLength(waitsFor);
    expect(waitsFor).toBe(indexed(sweep!).length);
    expectAllRan(await runPod(merge!, null));
    expect(existsSync(join(volume, `report-${AS_OF}`, 'report.html'))).toBe(true);
    expect(existsSync(join(volume, `report-${AS_OF}`, 'bulletin-2026Q4.docx'))).toBe(true);
    // no month before it: nothing to compare with
    expect(existsSync(join(volume, `report-${AS_OF}`, 'diff.md'))).toBe(false);
    expect(readdirSync(join(volume, `notices-${AS_OF}`)).some((f) => f.endsWith('.docx'))).toBe(true);
    await expectMergedAsWhole(volume, 'all.db');
    // next month, applied again on the same volume: its own files, and a second run in every database
    const december = { AS_OF: '2026-12-15' };
    expectAllRan((await Promise.all(indexed(sweep!).map((i) => runPod(sweep!, i, undefined, december)))).flat());
    expect(globbed(volume, 'shard-*-2026-12-15.json')).toHaveLength(waitsFor);
    expectAllRan(await runPod(merge!, null, undefined, december));
    expect(existsSync(join(volume, 'report-2026-12-15', 'report.html'))).toBe(true);
    expect(readFileSync(join(volume, 'report-2026-12-15', 'diff.md'), 'utf8')).toContain('2026-11-15');
    const months = openDb(join(volume, 'all.db'), { readonly: true });
    expect(months.prepare(`SELECT as_of, (SELECT count(*) FROM run_sites s WHERE s.run_id = r.id) AS sites FROM runs r ORDER BY id`).all())
      .toEqual([{ as_of: AS_OF, sites: whole.length }, { as_of: '2026-12-15', sites: whole.length }]);
    expect(prunedMonths(months)).toEqual(PRUNED_MONTHS);
    months.close();
    for (const shard of globbed(volume, 'shard-*.db')) {
      const own = openDb(join(volume, shard), { readonly: true });
      expect(prunedMonths(own)).toEqual(PRUNED_MONTHS);
      own.close();
    }
    // the probes of both pods merged too: one per registered site
    const merged = openDb(join(volume, 'all.db'), { readonly: true });
    expect(merged.prepare(`SELECT count(*) AS n FROM probes`).get()).toEqual({ n: whole.length });
    merged.close();
  });
});
