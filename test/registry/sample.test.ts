import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { parseRegistry } from '../../src/registry/parse.js';
import { drawSample, sampledRegistry, sampleLabel } from '../../src/registry/sample.js';
import { regionOf } from '../../src/registry/region.js';
import type { RegistryRow } from '../../src/registry/types.js';
import { cases } from '../helpers/cases.js';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeCorpus } from '../helpers/corpus.js';
import { tmpDir, writeTmp } from '../helpers/tmp.js';

const levels = (rows: { level: string | null }[]) => rows.reduce<Record<string, number>>((n, r) => ({ ...n, [r.level ?? '']: (n[r.level ?? ''] ?? 0) + 1 }), {});

describeCorpus('govsite sample on the 3,208 county portals', () => {
  const registry = corpusPath('registries', 'county-portals.csv');

  it('draws at least 35 % of every level, reproducibly by seed, as a registry that imports as it is', () => {
    const dir = tmpDir();
    const a = runCli(['sample', registry, '--ratio', '0.35', '--seed', '2026-11', '--by', 'level', '--output', join(dir, 'a.csv')]);
    const b = runCli(['sample', registry, '--ratio', '0.35', '--seed', '2026-11', '--by', 'level', '--output', join(dir, 'b.csv')]);
    const c = runCli(['sample', registry, '--ratio', '0.35', '--seed', '2026-12', '--by', 'level', '--output', join(dir, 'c.csv')]);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'c.csv'), 'utf8'));
    const all = parseRegistry(registry).rows;
    const drawn = parseRegistry(join(dir, 'a.csv'));
    expect(drawn.errors).toEqual([]);
    const whole = levels(all);
    const part = levels(drawn.rows);
    for (const level of Object.keys(whole)) expect(part[level]).toBe(Math.ceil(whole[level]! * 0.35));
    // the registry's rows to check (sites at another's address) are named as every command names them
    expect(a.stderr.split('\n').filter((l) => l.endsWith('(row kept)'))).toHaveLength(4);
    expect(a.stderr.split('\n').filter((l) => !l.endsWith('(row kept)'))).toEqual([`sample county-portals.csv ratio=0.35 seed=2026-11 by=level: ${drawn.rows.length} of ${all.length} sites`, '']);
    // the sample's rows are the registry's own rows, unchanged
    const byId = new Map(all.map((r) => [r.id, r]));
    for (const r of drawn.rows) expect({ ...r, source: '', extra: {} }).toEqual({ ...byId.get(r.id)!, source: '', extra: {} });
    // the registry's other fields too, after the sample's
    expect(drawn.rows.every((r) => r.extra['note'] === byId.get(r.id)!.extra['note'])).toBe(true);
    expect(drawn.rows.filter((r) => r.extra['note']).length).toBeGreaterThan(50); // some have one: the check above compares values, not two absences
    // the same sites as samples drawn before regions existed (a seed's sample does not change with the version)
    expect(drawn.rows).toHaveLength(1124);
    expect([...drawn.rows.slice(0, 5), ...drawn.rows.slice(-3)].map((r) => r.id)).toEqual(['130000', '140000', '150000', '230000', '430000', '659007', '659009', '659012']);
  });

  cases([
    // strata, how many of them
    [['region'], 33],
    [['level', 'region'], 91],
  ] as const)('--by %s draws at least 35 % of each (%i strata)', (by, strata) => {
    const dir = tmpDir();
    expect(runCli(['sample', registry, '--ratio', '0.35', '--seed', '2026-11', '--by', by.join(','), '--output', join(dir, 's.csv')]).code).toBe(0);
    const key = (r: RegistryRow) => by.map((f: string) => (f === 'level' ? r.level : regionOf(r))).join('/');
    const count = (rows: readonly RegistryRow[]) => rows.reduce((n, r) => n.set(key(r), (n.get(key(r)) ?? 0) + 1), new Map<string, number>());
    const whole = count(parseRegistry(registry).rows);
    const part = count(parseRegistry(join(dir, 's.csv')).rows);
    expect(whole.size).toBe(strata);
    for (const [k, n] of whole) expect([k, part.get(k)]).toEqual([k, Math.ceil(n * 0.35)]);
  });

  it('a region said only in a registry\'s own field reaches the sample, and its import', () => {
    const dir = tmpDir();
    expect(runCli(['sample', corpusPath('registries', 'provincial.jsonl'), '--ratio', '0.2', '--seed', 's', '--by', 'region', '--output', join(dir, 's.csv')]).code).toBe(0);
    const drawn = parseRegistry(join(dir, 's.csv')).rows;
    expect(drawn).toHaveLength(31);
    expect(drawn.map(regionOf)).toEqual(parseRegistry(corpusPath('registries', 'provincial.jsonl')).rows.map(regionOf));
  });
});

it('--by region on a registry that names no region: one group, and a warning saying so', () => {
  const { code, stderr } = runCli(['sample', writeTmp('central.csv', 'name,url\n国务院,https://www.gov.cn/\n外交部,https://www.mfa.gov.cn/\n北京市人民政府,https://www.beijing.gov.cn/\n'), '--seed', 's', '--by', 'region', '--ratio', '0.5']);
  expect(code).toBe(0);
  expect(stderr).toBe('sample central.csv ratio=0.5 seed=s by=region: 2 of 3 sites\nwarning: 3 of 3 sites have no region in central.csv (no region column, no 省|市|县 org, no administrative code for an id): drawn as one group of their own\n');
});

it('--by names level, region or both, each once', () => {
  const { code, stderr } = runCli(['sample', writeTmp('r.csv', 'url\nhttp://a.gov.cn/\n'), '--seed', 's', '--by', 'level,level']);
  expect(code).toBe(2);
  expect(stderr).toContain("option '--by <fields>' argument 'level,level' is invalid. one or more of level, region, comma-separated, each once");
});

describe('drawSample', () => {
  const rows = parseRegistry(writeTmp('r.csv', `id,url,level\n${Array.from({ length: 20 }, (_, i) => `${i + 1},http://s${i + 1}.gov.cn/,${i < 5 ? 'city' : 'county'}`).join('\n')}\n`)).rows;

  it('rounds each stratum up and keeps registry order', () => {
    const sample = drawSample(rows, { ratio: 0.35, seed: 's', by: ['level'] });
    expect(levels(sample)).toEqual({ city: 2, county: 6 });
    expect(sample.map((r) => Number(r.id))).toEqual([...sample.map((r) => Number(r.id))].sort((x, y) => x - y));
  });

  it('its label names the registry it was drawn from first, as the runs that audit it are matched by (see registryName)', () => {
    const label = sampleLabel('/home/a/county-portals.csv', { ratio: 0.35, seed: '2026-11', by: ['level', 'region'] });
    expect([label, sampledRegistry(label)]).toEqual(['county-portals.csv ratio=0.35 seed=2026-11 by=level,region', 'county-portals.csv']);
  });

  it('without --by, one share of the whole', () => {
    expect(drawSample(rows, { ratio: 0.35, seed: 's' })).toHaveLength(7);
  });
});

describe('a run of a sample registry records the sample it audited', () => {
  it('the run options and the report name the sample', () => {
    const dir = tmpDir();
    const registry = writeTmp('sites.csv', 'id,url\n1,http://127.0.0.1:1/\n2,http://127.0.0.1:1/b\n3,http://127.0.0.1:1/c\n');
    expect(runCli(['sample', registry, '--ratio', '0.5', '--seed', 'x', '--output', join(dir, 'sample.csv')]).code).toBe(0);
    const audit = runCli(['audit', join(dir, 'sample.csv'), '--db', join(dir, 'g.db'), '--as-of', '2026-11-15', '--format', 'json', '--retries', '0']);
    expect(JSON.parse(audit.stdout)).toMatchObject({ sample: 'sites.csv ratio=0.5 seed=x' });
  });
});
