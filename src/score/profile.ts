import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_CHECKS } from '../checks/index.js';
import { InputError } from '../errors.js';

export type Provenance = 'C' | 'S' | 'I' | 'D';

export interface ProfileRule {
  rule: string;
  kind: 'veto' | 'deduction' | 'off';
  group?: string;
  /** per finding; an object gives a rate per finding class (homepage / other, news / notice …) */
  points?: number | Record<string, number>;
  /** most points this rule may take */
  cap?: number;
  options?: Record<string, unknown>;
  provenance: Provenance;
}

export interface Profile {
  name: string;
  description: string;
  /** qualified when the score reaches minScore, or when the total deduction stays under maxDeduction */
  pass: { minScore?: number; maxDeduction?: number; provenance: Provenance };
  bonus?: { gate: number; max: number; provenance: Provenance; rules: unknown[] };
  groups: Record<string, { zh: string; en: string; points: number; provenance: Provenance }>;
  rules: ProfileRule[];
}

export const BUNDLED_PROFILES = ['gov-2019', 'census-2015'] as const;
export const DEFAULT_PROFILE = 'gov-2019';

/** A bundled profile by name, or a profile file by path; validated loudly, naming the file and field. */
export function loadProfile(nameOrPath: string): Profile {
  const bundled = fileURLToPath(new URL(`./profiles/${nameOrPath}.json`, import.meta.url));
  const file = (BUNDLED_PROFILES as readonly string[]).includes(nameOrPath) ? bundled : nameOrPath;
  if (!existsSync(file)) throw new InputError(nameOrPath, `no such profile (bundled: ${BUNDLED_PROFILES.join(', ')})`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
  }
  return validateProfile(doc, file);
}

const KNOWN_IDS = ALL_CHECKS.map((c) => c.meta.id);

export function validateProfile(doc: unknown, file: string): Profile {
  const fail = (path: string, reason: string): never => {
    throw new InputError(file, `${path}: ${reason}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const onlyKeys = (v: Record<string, unknown>, path: string, keys: string[]) => {
    for (const k of Object.keys(v)) if (!keys.includes(k)) fail(`${path}.${k}`, `unknown key (expected one of ${keys.join(', ')})`);
  };
  const provenance = (v: unknown, path: string) => {
    if (!['C', 'S', 'I', 'D'].includes(v as string)) fail(path, `expected a provenance tag C, S, I or D, got ${JSON.stringify(v)}`);
  };
  const number = (v: unknown, path: string) => {
    if (typeof v !== 'number' || !(v >= 0)) fail(path, `expected a number ≥ 0, got ${JSON.stringify(v)}`);
  };
  if (!isObject(doc)) return fail('(root)', 'expected an object');
  onlyKeys(doc, '(root)', ['name', 'description', 'pass', 'bonus', 'groups', 'rules']);
  if (typeof doc['name'] !== 'string') fail('name', 'expected a string');
  if (!isObject(doc['pass'])) return fail('pass', 'expected an object');
  onlyKeys(doc['pass'], 'pass', ['minScore', 'maxDeduction', 'provenance']);
  if (doc['pass']['minScore'] === undefined && doc['pass']['maxDeduction'] === undefined) fail('pass', 'needs minScore or maxDeduction');
  provenance(doc['pass']['provenance'], 'pass.provenance');
  if (!isObject(doc['groups'])) return fail('groups', 'expected an object');
  for (const [g, v] of Object.entries(doc['groups'])) {
    if (!isObject(v)) return fail(`groups.${g}`, 'expected an object');
    onlyKeys(v, `groups.${g}`, ['zh', 'en', 'points', 'provenance']);
    number(v['points'], `groups.${g}.points`);
    provenance(v['provenance'], `groups.${g}.provenance`);
  }
  if (!Array.isArray(doc['rules'])) return fail('rules', 'expected an array');
  const seen = new Set<string>();
  doc['rules'].forEach((r: unknown, i: number) => {
    const path = `rules[${i}]`;
    if (!isObject(r)) return fail(path, 'expected an object');
    onlyKeys(r, path, ['rule', 'kind', 'group', 'points', 'cap', 'options', 'provenance']);
    const id = r['rule'] as string;
    if (!KNOWN_IDS.includes(id)) fail(`${path}.rule`, `unknown rule "${id}"${suggest(id)}`);
    if (seen.has(id)) fail(`${path}.rule`, `"${id}" is listed twice`);
    seen.add(id);
    if (!['veto', 'deduction', 'off'].includes(r['kind'] as string)) fail(`${path}.kind`, `expected veto, deduction or off, got ${JSON.stringify(r['kind'])}`);
    provenance(r['provenance'], `${path}.provenance`);
    if (r['kind'] === 'deduction') {
      if (!isObject(doc['groups']) || !(String(r['group']) in doc['groups'])) fail(`${path}.group`, `expected one of ${Object.keys(doc['groups'] as object).join(', ')}, got ${JSON.stringify(r['group'])}`);
      if (isObject(r['points'])) for (const [k, v] of Object.entries(r['points'])) number(v, `${path}.points.${k}`);
      else number(r['points'], `${path}.points`);
    }
    if (r['cap'] !== undefined) number(r['cap'], `${path}.cap`);
    if (r['options'] !== undefined && !isObject(r['options'])) fail(`${path}.options`, 'expected an object');
  });
  return withSharedWindows(doc as unknown as Profile);
}

/**
 * columns-not-updated's part (b) counts the columns that are stale: stale by column-stale's windows
 * unless it names its own, so a province that widens a window in one place sees both rules follow.
 */
function withSharedWindows(profile: Profile): Profile {
  const stale = profile.rules.find((r) => r.rule === 'column-stale')?.options?.['windows'];
  if (stale === undefined) return profile;
  const rules = profile.rules.map((r) => (r.rule === 'columns-not-updated' && r.options?.['windows'] === undefined ? { ...r, options: { ...r.options, windows: stale } } : r));
  return { ...profile, rules };
}

/** " (did you mean "column-stale"?)" for a near miss. */
function suggest(id: string): string {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const best = [...KNOWN_IDS].sort((a, b) => distance(id ?? '', a) - distance(id ?? '', b))[0];
  return best && distance(id ?? '', best) <= 4 ? ` (did you mean "${best}"?)` : '';
}
