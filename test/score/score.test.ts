import { describe, it } from 'node:test';
import { expect } from 'expect';
import type { CheckResult, Finding } from '../../src/checks/types.js';
import { loadProfile } from '../../src/score/profile.js';
import { scoreSite } from '../../src/score/score.js';
import { cases } from '../helpers/cases.js';

const gov = loadProfile('gov-2019');
const census = loadProfile('census-2015');
const f = (rule: string, n: number, cls?: string): CheckResult => ({ kind: 'findings', findings: Array.from({ length: n }, (): Finding => ({ rule, url: 'http://x/', ...(cls ? { class: cls } : {}) })) });
const results = (entries: [string, CheckResult][]) => new Map<string, CheckResult>([['homepage-not-updated', { kind: 'findings', findings: [] }], ...entries]);
const county = { level: 'county', offersServices: true };
const both = (a: CheckResult, b: CheckResult): CheckResult => ({ kind: 'findings', findings: [a, b].flatMap((r) => (r.kind === 'findings' ? r.findings : [])) });

describe('scoring: one row per SPEC §3.2 sentence', () => {
  cases([
    ['a veto ⇒ 不合格 with no score', [['letters-unanswered', f('letter-unanswered', 1)], ['no-search', f('no-search', 1)]], county, { verdict: 'unqualified', score: null, vetoes: ['letters-unanswered'] }],
    ['no problem ⇒ 100, qualified', [], county, { verdict: 'qualified', score: 100, vetoes: [] }],
    ['deductions add up per finding', [['no-search', f('no-search', 1)], ['column-empty', f('column-empty', 3)]], county, { verdict: 'qualified', score: 91 }],
    ['point rates by class: a dead link costs 1 on the home page, 0.1 elsewhere', [['dead-link', both(f('dead-link', 2, 'homepage'), f('dead-link', 3, 'other'))]], county, { score: 97.7, deductions: [{ rule: 'dead-link', points: 2.3, count: 5 }] }],
    ['each group is capped at its points (功能设计 15)', [['dead-link', f('dead-link', 30, 'homepage')]], county, { score: 85, deductions: [{ rule: 'dead-link', points: 30, count: 30 }] }],
    ['below 60 ⇒ 不合格', [['column-stale', f('column-stale', 8, 'notice')], ['survey-inactive', f('survey-inactive', 1, 'none')], ['interview-inactive', f('interview-inactive', 1, 'none')], ['no-published-replies', f('no-published-replies', 1)], ['reply-boilerplate', f('reply-boilerplate', 1)]], county, { verdict: 'unqualified', score: 44 }],
    ['exactly 60 is qualified', [['column-stale', f('column-stale', 8, 'notice')]], county, { verdict: 'qualified', score: 60 }],
    ['a department without services: the other 75 points × 4/3', [['no-search', f('no-search', 1)], ['guide-missing-elements', f('guide-missing-elements', 4)]], { level: 'department', offersServices: false }, { score: 96 }],
    ['a department with services is scored normally', [['no-search', f('no-search', 1)], ['guide-missing-elements', f('guide-missing-elements', 4)]], { level: 'department', offersServices: true }, { score: 93 }],
    ['a check that failed ⇒ not assessed, never a pass', [['dead-link', { kind: 'error', message: 'boom' }]], county, { verdict: 'not-assessed', score: null, notAssessed: ['dead-link'] }],
    ['home page not fetched ⇒ not assessed', [['homepage-not-updated', { kind: 'not-assessed', reason: 'the home page was not fetched' }]], county, { verdict: 'not-assessed', score: null }],
    ['no probes: the availability rules are listed as not assessed, the site is still scored', [['site-unreachable', { kind: 'not-assessed', reason: 'no probes' }]], county, { verdict: 'qualified', score: 100, notAssessed: ['site-unreachable'] }],
  ])('%s', (_name, entries: [string, CheckResult][], site: { level: string; offersServices: boolean }, expected: object) => {
    expect(scoreSite(results(entries), gov, site)).toMatchObject(expected as Record<string, unknown>);
  });

  it('census-2015: stale notices cost 4 each and the pass line is a total deduction under 40', () => {
    expect(scoreSite(results([['column-stale', f('column-stale', 9, 'notice')]]), census, county)).toMatchObject({ verdict: 'qualified', score: 64, deductions: [{ rule: 'column-stale', points: 36, count: 9 }] });
    expect(scoreSite(results([['column-stale', f('column-stale', 9, 'notice')]]), gov, county)).toMatchObject({ verdict: 'qualified', score: 60, deductions: [{ rule: 'column-stale', points: 45, count: 9 }] });
    // 40 points off: qualified at exactly 60 under gov-2019, not under census-2015's "under 40"
    const forty = results([['column-stale', f('column-stale', 10, 'notice')]]);
    expect(scoreSite(forty, census, county)).toMatchObject({ verdict: 'unqualified', score: 60 });
    expect(scoreSite(forty, gov, county)).toMatchObject({ verdict: 'qualified', score: 60 });
  });
});
