import { describe, it } from 'node:test';
import { expect } from 'expect';
import { runCheck } from '../../src/checks/run.js';
import { seriousError } from '../../src/checks/serious-error.js';
import { factsFor } from './factsfor.js';
import { cases } from '../helpers/cases.js';

describe('serious-error', () => {
  it('reports injected spam, dates after the as-of date and dates a year off their URL', () => {
    const facts = factsFor({
      spam: [{ url: 'http://x.gov.cn/', terms: ['百家乐'], hiddenLinks: [{ href: 'http://bad.example/', text: '百家乐' }] }],
      pageItems: [{ page: 'http://x.gov.cn/l/', items: [
        { title: 'a', href: 'http://x.gov.cn/t20261102_1.html', date: '2026-12-01', urlDate: '2026-11-02', dateConflict: true },
        { title: 'b', href: 'http://x.gov.cn/t20201102_2.html', date: '2022-01-05', urlDate: '2020-11-02', dateConflict: true },
        { title: 'c', href: 'http://x.gov.cn/t20181102_3.html', date: '2018-03-26', urlDate: '2018-11-02', dateConflict: true },
        // a row that also shows a deadline: its first date is not surely its publish date
        { title: 'd', href: 'http://x.gov.cn/t20261110_4.html', date: '2026-11-20', urlDate: '2026-11-10', dateConflict: true, otherDates: true },
      ] }],
      articles: [{ url: 'http://x.gov.cn/t20170504_9.html', publishDate: '2022-04-24' }],
    });
    expect(runCheck(seriousError, facts, '2026-11-15')).toEqual({ kind: 'findings', findings: [
      { rule: 'spam-injection', url: 'http://x.gov.cn/', terms: ['百家乐'], hidden: true, targets: ['http://bad.example/'] },
      { rule: 'forged-date', url: 'http://x.gov.cn/t20261102_1.html', date: '2026-12-01', reason: 'after-as-of', asOf: '2026-11-15', page: 'http://x.gov.cn/l/' },
      { rule: 'forged-date', url: 'http://x.gov.cn/t20201102_2.html', date: '2022-01-05', reason: 'url-date', urlDate: '2020-11-02', page: 'http://x.gov.cn/l/' },
      { rule: 'forged-date', url: 'http://x.gov.cn/t20170504_9.html', date: '2022-04-24', reason: 'url-date', urlDate: '2017-05-04' },
    ] });
  });

  cases([
    ['the as-of date', '2026-11-15', false],
    ['the day after: a crawl that ran past midnight saw it', '2026-11-16', false],
    ['two days after', '2026-11-17', true],
  ])('a list date on %s is forged: %s', (_when, date, forged) => {
    const facts = factsFor({ pageItems: [{ page: 'http://x.gov.cn/l/', items: [{ title: 'a', href: 'http://x.gov.cn/a.html', date, urlDate: null, dateConflict: false }] }] });
    const result = runCheck(seriousError, facts, '2026-11-15');
    expect(result.kind === 'findings' && result.findings.length === 1).toBe(forged);
  });

  // a crawl dated back to its monitoring point, or resumed days later, read the news published since
  cases([
    ['read on the as-of date: two days after it', '2026-11-15', '2026-11-17', { reason: 'after-as-of', asOf: '2026-11-15' }],
    ['read before the as-of date: the as-of date still bounds it', '2026-11-10', '2026-11-16', null],
    ['read before the as-of date, two days after it', '2026-11-10', '2026-11-17', { reason: 'after-as-of', asOf: '2026-11-15' }],
    ['read two weeks later: news of the week after', '2026-11-29', '2026-11-22', null],
    ['read two weeks later: the day after it was read', '2026-11-29', '2026-11-30', null],
    ['read two weeks later: two days after it was read', '2026-11-29', '2026-12-01', { reason: 'after-read', readOn: '2026-11-29' }],
  ])('a list date of a site %s', (_when, readOn, date, why) => {
    const facts = factsFor({ readOn, pageItems: [{ page: 'http://x.gov.cn/l/', items: [{ title: 'a', href: 'http://x.gov.cn/a.html', date, urlDate: null, dateConflict: false }] }] });
    expect(runCheck(seriousError, facts, '2026-11-15')).toEqual({ kind: 'findings', findings: why ? [{ rule: 'forged-date', url: 'http://x.gov.cn/a.html', date, ...why, page: 'http://x.gov.cn/l/' }] : [] });
  });

  it('an article published after the day its site was read is forged; one between the as-of date and that day is news', () => {
    const facts = factsFor({ readOn: '2026-11-29', articles: [{ url: 'http://x.gov.cn/a.html', publishDate: '2026-11-20' }, { url: 'http://x.gov.cn/b.html', publishDate: '2026-12-05' }] });
    expect(runCheck(seriousError, facts, '2026-11-15')).toEqual({ kind: 'findings', findings: [
      { rule: 'forged-date', url: 'http://x.gov.cn/b.html', date: '2026-12-05', reason: 'after-read', readOn: '2026-11-29' },
    ] });
  });

  const hidden = (hosts: string[]) => factsFor({ spam: [{ url: 'http://x.gov.cn/', terms: [], hiddenLinks: hosts.map((h) => ({ href: `http://${h}/`, text: h })) }] });
  cases([
    ['two hidden links to other hosts (a share widget, a CMS credit): none', ['www.bshare.cn', 'www.hanweb.com'], 0],
    ['three: a finding', ['a.example', 'b.example', 'c.example'], 1],
    ['five to government sites (a hidden menu of sister sites): none', ['fgw.x.gov.cn', 'jyj.x.gov.cn', 'www.gov.cn', 'y.gov.cn', 'z.gov.cn'], 0],
    ['three to other hosts among government ones: a finding', ['fgw.x.gov.cn', 'a.example', 'b.example', 'c.example'], 1],
  ])('hidden links without spam words, %s', (_what, hosts, n) => {
    expect((runCheck(seriousError, hidden(hosts), '2026-11-15') as { findings: unknown[] }).findings).toHaveLength(n);
  });
});
