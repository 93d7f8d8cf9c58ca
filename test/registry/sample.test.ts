import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { parseRegistry } from '../../src/registry/parse.js';
import { drawSample } from '../../src/registry/sample.js';
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
  });
});

describe('drawSample', () => {
  const rows = parseRegistry(writeTmp('r.csv', `id,url,level\n${Array.from({ length: 20 }, (_, i) => `${i + 1},http://s${i + 1}.gov.cn/,${i < 5 ? 'city' : 'county'}`).join('\n')}\n`)).rows;

  it('rounds each stratum up and keeps registry order', () => {
    const sample = drawSample(rows, { ratio: 0.35, seed: 's', by: 'level' });
    expect(levels(sample)).toEqual({ city: 2, county: 6 });
    expect(sample.map((r) => Number(r.id))).toEqual([...sample.map((r) => Number(r.id))].sort((x, y) => x - y));
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
