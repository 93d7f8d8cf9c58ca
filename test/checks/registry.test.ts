import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { runCheck } from '../../src/checks/run.js';
import type { CheckFacts } from '../../src/checks/types.js';
import { factsFor, letterFacts, mailboxFacts, probes } from './factsfor.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { BUNDLED_PROFILES, loadProfile } from '../../src/score/profile.js';

describe('one rule, one file, one id', () => {
  const ids = ALL_CHECKS.map((c) => c.meta.id);
  it('ids are unique', () => expect(new Set(ids).size).toBe(ids.length));
  it('each rule has its own test, named by its id', () => {
    expect(ids.filter((id) => !existsSync(join(PACKAGE_ROOT, 'test', 'checks', `${id}.test.ts`)))).toEqual([]);
  });
  it('each id is its file name, and has a title in both languages', () => {
    for (const c of ALL_CHECKS) {
      expect({ id: c.meta.id, file: existsSync(join(PACKAGE_ROOT, 'src', 'checks', `${c.meta.id}.ts`)) }).toEqual({ id: c.meta.id, file: true });
      expect(c.meta.title.zh.length * c.meta.title.en.length).toBeGreaterThan(0);
    }
  });
  for (const name of BUNDLED_PROFILES) {
    it(`${name}: every profile rule has a check and every check is in the profile`, () => {
      const rules = loadProfile(name).rules.map((r) => r.rule).sort();
      expect(rules).toEqual([...ids].sort());
    });
  }
});

describe('a site whose home page was not read (down, walled, merged into another site)', () => {
  it('is judged by the availability rules alone: every rule that reads its pages is not assessed, never a pass (a pass would say its problems were fixed)', () => {
    // the facts a crawl of nothing leaves, with a week of probes, a letter read on a registered mailbox of another host, and broken links
    const facts = factsFor({ home: null, probes: probes(140, 0), letters: [letterFacts({ asked: '2026-01-01' })], mailboxes: [mailboxFacts({ url: 'http://m.gov.cn/' })],
      brokenLinks: [{ fromUrl: 'http://m.gov.cn/', target: 'http://m.gov.cn/x', tag: 'a', text: 'x', onHomepage: false, status: '404', soft404: false }] });
    const judged = ALL_CHECKS.filter((c) => runCheck(c, facts, '2026-11-15').kind !== 'not-assessed').map((c) => c.meta.id);
    expect(judged).toEqual(['site-unreachable', 'homepage-availability']);
  });

  it('merged into another site: each rule that reads its pages says where its home page leads (registered site, or its parent domain\'s)', () => {
    const reasons = (mergedInto: CheckFacts['mergedInto']) => new Set(ALL_CHECKS.filter((c) => c.meta.requires.includes('home')).map((c) => {
      const result = runCheck(c, factsFor({ home: null, mergedInto }), '2026-11-15');
      return result.kind === 'not-assessed' ? result.reason : result.kind;
    }));
    expect([...reasons({ id: '3201000001', name: '示范市人民政府', url: 'http://www.x.gov.cn/', landing: 'http://www.x.gov.cn/col/col102/index.html' })])
      .toEqual(['the home page leads into registered site 3201000001 (http://www.x.gov.cn/col/col102/index.html): merged into it']);
    expect([...reasons({ id: null, name: null, url: null, landing: 'http://www.x.gov.cn/' })]).toEqual(['the home page leads into its parent domain\'s site (http://www.x.gov.cn/): merged into it']);
    expect([...reasons(null)]).toEqual(['the home page was not fetched']);
  });
});
