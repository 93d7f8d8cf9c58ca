import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

type Verdicts = [id: string, verdict: string, score: number | null, health: string][];
const verdicts = (report: AuditReport): Verdicts => report.sites.map((s): Verdicts[number] => [s.id, s.verdict, s.score, s.health]).sort((a, b) => a[0].localeCompare(b[0]));

before(async () => {
  fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  registry = fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8'));
  const bin = tmpDir();
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

describe('the deploy/ examples run as written', () => {
  it('GitHub Actions: the eight shard jobs side by side, then the merge job on their artifacts', { timeout: 180_000 }, async () => {
    const workflow = asMap(read('github-actions.yml')[0]);
    const dir = workspace();
    const runJob = async (job: YamlMap, matrix: YamlMap) => {
      const results: { step: string; ran: Ran }[] = [];
      for (const step of asList(job['steps']).map(asMap)) {
        // the expressions the workflow uses; any other would be left unread
        const expand = (text: string) => text.replace(/\$\{\{\s*(matrix\.(\w+)|inputs\.as_of)\s*\}\}/g, (_, _all, key: string | undefined) => (key ? String(matrix[key]) : AS_OF));
        const uses = step['uses'];
        if (typeof uses === 'string') {
          if (uses.startsWith('actions/setup-node')) expect(asMap(step['with'])['node-version']).toBe(NODE_MAJOR);
          // an uploaded artifact is there to upload (a download is the shared workspace)
          if (uses.startsWith('actions/upload-artifact')) expect([uses, globbed(dir, expand(String(asMap(step['with'])['path'])))]).not.toEqual([uses, []]);
          continue;
        }
        const run = String(step['run']);
        if (run === SET_UP) continue;
        const script = expand(run);
        expect(script).not.toContain('${{');
        const env = Object.fromEntries(Object.entries(asMap(step['env'])).map(([k, v]) => [k, expand(String(v))]));
        results.push({ step: script, ran: await shell('bash', `set -e\n${script}`, dir, env) });
        // a failed step ends its job
        if (results[results.length - 1]!.ran.code !== 0) break;
      }
      return results;
    };
    const jobs = asMap(workflow['jobs']);
    const shard = asMap(jobs['shard']);
    const shards = asList(asMap(asMap(shard['strategy'])['matrix'])['shard']);
    // the matrix names every shard the command divides the registry into
    const divided = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(asList(shard['steps']).map((s) => String(asMap(s)['run'])).join('\n'))?.[1]);
    expect(shards).toEqual(Array.from({ length: divided }, (_, i) => i + 1));
    expectAllRan((await Promise.all(shards.map((k) => runJob(shard, { shard: k })))).flat());
    expect(asMap(jobs['merge'])['needs']).toBe('shard');
    expectAllRan(await runJob(asMap(jobs['merge']), {}));
    expect(readdirSync(join(dir, 'report')).sort()).toEqual(['report.csv', 'report.json', 'summary.txt']);
    await expectMergedAsWhole(dir, 'all.db');
  });

  it('GitLab CI: the parallel shard job\'s eight nodes, then the merge stage', { timeout: 180_000 }, async () => {
    const pipeline = asMap(read('gitlab-ci.yml')[0]);
    const dir = workspace();
    const variables = Object.fromEntries(Object.entries(asMap(pipeline['variables'])).map(([k, v]) => [k, String(v)]));
    const runJob = async (job: YamlMap, env: Record<string, string>) => {
      expect(job['image']).toBe(`node:${NODE_MAJOR}`);
      const results: { step: string; ran: Ran }[] = [];
      for (const line of asList(job['script']).map(String)) {
        if (line === SET_UP) continue;
        results.push({ step: line, ran: await shell('sh', `set -e\n${line}`, dir, { ...variables, ...env }) });
        // a failed line ends its job
        if (results[results.length - 1]!.ran.code !== 0) return results;
      }
      // what the job keeps as artifacts is there
      for (const p of asList(asMap(job['artifacts'])['paths']).map(String)) expect([p, globbed(dir, p)]).not.toEqual([p, []]);
      return results;
    };
    const stages = asList(pipeline['stages']).map(String);
    expect(stages).toEqual(['shards', 'merge']);
    const jobsOf = (stage: string) => Object.values(pipeline).map(asMap).filter((j) => j['stage'] === stage);
    for (const stage of stages) {
      for (const job of jobsOf(stage)) {
        const nodes = typeof job['parallel'] === 'number' ? job['parallel'] : 1;
        const runs = Array.from({ length: nodes }, (_, i) => runJob(job, nodes > 1 ? { CI_NODE_INDEX: String(i + 1), CI_NODE_TOTAL: String(nodes) } : {}));
        expectAllRan((await Promise.all(runs)).flat());
      }
    }
    await expectMergedAsWhole(dir, 'all.db');
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
    expect(readdirSync(join(volume, `notices-${AS_OF}`)).some((f) => f.endsWith('.docx'))).toBe(true);
    await expectMergedAsWhole(volume, 'all.db');
    // next month, applied again on the same volume: its own files, and a second run in every database
    const december = { AS_OF: '2026-12-15' };
    expectAllRan((await Promise.all(indexed(sweep!).map((i) => runPod(sweep!, i, undefined, december)))).flat());
    expect(globbed(volume, 'shard-*-2026-12-15.json')).toHaveLength(waitsFor);
    expectAllRan(await runPod(merge!, null, undefined, december));
    expect(existsSync(join(volume, 'report-2026-12-15', 'report.html'))).toBe(true);
    const months = openDb(join(volume, 'all.db'), { readonly: true });
    expect(months.prepare(`SELECT as_of, (SELECT count(*) FROM run_sites s WHERE s.run_id = r.id) AS sites FROM runs r ORDER BY id`).all())
      .toEqual([{ as_of: AS_OF, sites: whole.length }, { as_of: '2026-12-15', sites: whole.length }]);
    months.close();
    // the probes of both pods merged too: one per registered site
    const merged = openDb(join(volume, 'all.db'), { readonly: true });
    expect(merged.prepare(`SELECT count(*) AS n FROM probes`).get()).toEqual({ n: whole.length });
    merged.close();
  });
});
