import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { loadSiteFacts, type SiteFacts } from '../../src/facts/site-facts.js';
import { sitesOfRun } from '../../src/store/sites.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';

const AS_OF = '2026-11-15';
let fleet: FixtureFleet;
const facts = new Map<string, SiteFacts>();

before(async () => {
  const crawled = await crawlFixtureFleet(AS_OF);
  fleet = crawled.fleet;
  for (const site of sitesOfRun(crawled.db, crawled.runId)) facts.set(site.id, loadSiteFacts(crawled.db, crawled.runId, site, AS_OF));
});
after(() => fleet.close());

const columns = (id: string) => Object.fromEntries(facts.get(id)!.columns.map((c) => [c.name, { category: c.category, lastUpdate: c.lastUpdate, empty: c.empty }]));

describe('every planted fact of the fixture fleet is found', () => {
  it('column dates and categories, including a list rendered from XML and a paginated GBK list', () => {
    expect(columns('3201000001')).toMatchObject({
      工作动态: { category: 'news', lastUpdate: '2026-11-14', empty: false },
      通知公告: { category: 'notice', lastUpdate: '2026-10-20', empty: false },
      政策文件: { category: 'policy', lastUpdate: '2026-08-15', empty: false },
      人事信息: { category: 'personnel-plan', lastUpdate: '2026-09-20', empty: false },
      调查征集: { category: 'survey', lastUpdate: '2026-10-15', empty: false },
      在线访谈: { category: 'interview', lastUpdate: '2026-10-15', empty: false },
      机构职能: { category: 'static', lastUpdate: null, empty: false },
    });
    expect(columns('3408000002')).toMatchObject({
      新闻动态: { category: 'news', lastUpdate: '2026-11-10', empty: false },
      通知公告: { category: 'notice', lastUpdate: '2026-03-01', empty: false },
    });
    expect(facts.get('3408000002')!.columns.find((c) => c.name === '新闻动态')!.items).toBe(8); // three pages of the list
    expect(columns('4401000003')).toMatchObject({ 工作动态: { category: 'news', lastUpdate: '2026-08-01', empty: false } });
    expect(columns('5301000004')).toMatchObject({
      镇村动态: { category: 'news', lastUpdate: '2026-11-12', empty: false },
      公示公告: { category: 'notice', lastUpdate: '2026-09-10', empty: false },
    });
    expect(columns('6201000005')).toMatchObject({ 新闻动态: { lastUpdate: '2025-06-10' }, 政策文件: { lastUpdate: '2024-03-01' } });
  });

  it('the empty column (暂无信息), and no other', () => {
    const empty = [...facts.values()].flatMap((f) => f.columns.filter((c) => c.empty).map((c) => `${f.siteId} ${c.name}`));
    expect(empty).toEqual(['4401000003 通知公告']);
  });

  it('the image-only mailbox, and no other', () => {
    const imageOnly = [...facts.values()].flatMap((f) => f.mailboxes.filter((m) => m.imageOnly || m.dead).map((m) => `${f.siteId} ${m.label} ${m.href}`));
    expect(imageOnly).toEqual(['3408000002 县长信箱 #']);
    expect(facts.get('3201000001')!.mailboxes.map((m) => m.label)).toEqual(['市长信箱', '我要写信']);
  });

  it('overdue letters and boilerplate replies on the mailbox platform of another host', () => {
    expect(facts.get('4401000003')!.letterStats).toEqual({ total: 6, answered: 3, unanswered: 3, overdue: 2, medianReplyDays: 2, boilerplateShare: 1 });
    expect(facts.get('3201000001')!.letterStats).toEqual({ total: 5, answered: 5, unanswered: 0, overdue: 0, medianReplyDays: 2, boilerplateShare: 0 });
    // the zombie's letters are older than the 365-day window
    expect(facts.get('6201000005')!.letters).toHaveLength(3);
    expect(facts.get('6201000005')!.letterStats.total).toBe(0);
  });

  it('the twin pair, the hidden spam block and the incomplete guides, on the zombie site only', () => {
    const zombie = facts.get('6201000005')!;
    expect(zombie.twins.map((t) => t.pages.map((p) => p.replace(fleet.origin('zombie-county'), '')))).toEqual([['/xwdt/202506/t20250610_1.html', '/xwdt/202506/t20250602_2.html']]);
    expect(zombie.twins[0]!.similarity).toBeGreaterThanOrEqual(0.85);
    expect(zombie.spam).toEqual([{ url: `${fleet.origin('zombie-county')}/`, terms: ['百家乐', '真人视讯', '娱乐城', '澳门新葡京', '新葡京'], hiddenLinks: [{ href: 'http://127.0.0.2:9/', text: '澳门新葡京' }, { href: 'http://127.0.0.3:9/', text: '百家乐在线' }] }]);
    expect(zombie.guides.map((g) => g.missing.length)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(zombie.guides[0]!.missing).toEqual(['设定依据', '申请条件', '办理材料', '办理时间', '办理流程']);
    for (const [id, f] of facts) {
      if (id === '6201000005') continue;
      expect({ id, twins: f.twins, spam: f.spam, incompleteGuides: f.guides.filter((g) => g.missing.length > 0) }).toEqual({ id, twins: [], spam: [], incompleteGuides: [] });
    }
  });

  it('the healthy site has all its guides complete and its home page dated within two weeks', () => {
    const healthy = facts.get('3201000001')!;
    expect(healthy.guides.map((g) => g.missing)).toEqual([[], [], []]);
    expect(healthy.guides.map((g) => g.attachments.map((a) => [a.target.replace(fleet.origin('healthy'), ''), a.verdict]))).toEqual([
      [['/bsfw/files/form1.doc', 'ok']], [['/bsfw/files/form2.doc', 'ok']], [['/bsfw/files/form3.doc', 'ok']]]);
    expect(healthy.homeItems.filter((i) => i.date! >= '2026-11-01')).toHaveLength(11);
    expect(healthy.home!.identifiers).toEqual({ siteId: '3201000001', icp: '苏ICP备12345678号', police: '苏公网安备32010202000001号', badge: true });
    expect([healthy.home!.search, healthy.home!.errorReportEntry]).toEqual([true, true]);
  });
});
