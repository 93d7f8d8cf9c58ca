import { describe, it } from 'node:test';
import { expect } from 'expect';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateProfile } from '../../src/score/profile.js';
import { cases } from '../helpers/cases.js';

const gov = JSON.parse(readFileSync(fileURLToPath(new URL('../../src/score/profiles/gov-2019.json', import.meta.url)), 'utf8')) as { rules: Record<string, unknown>[] } & Record<string, unknown>;
const edited = (edit: (p: typeof gov) => void) => {
  const copy = structuredClone(gov);
  edit(copy);
  return copy;
};

describe('profiles are data, validated loudly', () => {
  it('the bundled profile is valid', () => expect(validateProfile(gov, 'gov-2019.json').name).toBe('gov-2019'));

  cases([
    ['points as a string', (p: typeof gov) => { p.rules[7]!['points'] = '3'; }, 'my.json: rules[7].points: expected a number ≥ 0, got "3"'],
    ['a misspelt rule id', (p: typeof gov) => { p.rules[12]!['rule'] = 'colum-stale'; }, 'my.json: rules[12].rule: unknown rule "colum-stale" (did you mean "column-stale"?)'],
    ['an unknown key', (p: typeof gov) => { p.rules[0]!['weight'] = 2; }, 'my.json: rules[0].weight: unknown key (expected one of rule, kind, group, points, cap, options, provenance)'],
    ['a missing provenance', (p: typeof gov) => { delete p.rules[3]!['provenance']; }, 'my.json: rules[3].provenance: expected a provenance tag C, S, I or D, got undefined'],
    ['an unknown group', (p: typeof gov) => { p.rules[9]!['group'] = 'fun'; }, 'my.json: rules[9].group: expected one of function, publishing, interaction, services, got "fun"'],
    ['a rule listed twice', (p: typeof gov) => { p.rules.push({ ...p.rules[0]! }); }, 'my.json: rules[24].rule: "site-unreachable" is listed twice'],
    ['no pass line', (p: typeof gov) => { p['pass'] = { provenance: 'C' }; }, 'my.json: pass: needs minScore or maxDeduction'],
  ])('%s', (_name, edit: (p: typeof gov) => void, message: string) => {
    expect(() => validateProfile(edited(edit), 'my.json')).toThrow(message);
  });

  cases([
    ['column-stale\'s windows, when columns-not-updated names none', undefined, { news: 30, notice: 183, policy: 183, 'personnel-plan': 365 }],
    ['its own, when it names them', { news: 7 }, { news: 7 }],
  ])('columns-not-updated (b) counts stale columns by %s', (_what, own: object | undefined, expected: object) => {
    const profile = validateProfile(edited((p) => {
      ((p.rules.find((r) => r['rule'] === 'column-stale')!['options'] as { windows: Record<string, number> }).windows)['news'] = 30;
      if (own) p.rules.find((r) => r['rule'] === 'columns-not-updated')!['options'] = { b: 10, windows: own };
    }), 'my.json');
    expect(profile.rules.find((r) => r.rule === 'columns-not-updated')!.options?.['windows']).toEqual(expected);
  });
});
