import { describe, it } from 'node:test';
import { expect } from 'expect';
import { closedNotice } from '../../src/extract/closed-notice.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { scoreRun } from '../../src/history/score-run.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderedText } from '../../src/report/rendered.js';
import { loadProfile } from '../../src/score/profile.js';
import { cases } from '../helpers/cases.js';
import { crawlTestSites } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const NEWS = '我县召开全县经济工作会议，总结今年工作，部署明年任务。'.repeat(40);

describe('a home page that only says the site has closed or moved', () => {
  cases([
    ['merged into a portal', '根据政府网站集约化工作要求，本网站已整合至某某市人民政府门户网站。请访问 www.example.gov.cn 。', 1,
      '根据政府网站集约化工作要求，本网站已整合至某某市人民政府门户网站。'],
    ['closed', '通知\n该网站已关闭，感谢您的关注！', 0, '该网站已关闭，感谢您的关注！'],
    ['moved to a new address', '本站已更换域名，新网址：http://www.example.gov.cn', 1, '本站已更换域名，新网址：http://www.example.gov.cn'],
    ['a bureau\'s site moved into the county\'s', '某某县发展和改革局网站已迁移至县政府门户网站', 1, '某某县发展和改革局网站已迁移至县政府门户网站'],
    ['down for maintenance is not closed', '网站升级维护中，暂停访问，给您带来不便敬请谅解。', 0, null],
    ['a merger in a portal\'s news is no notice', `${NEWS}本网站已整合至市政府门户网站的消息。`, 3, null],
    ['a short page with a menu is no notice', '首页 政务公开 网站关闭公告', 24, null],
    ['a service, not the site, moved', '我县政务服务事项已整合至省一体化平台。', 1, null],
  ])('%s', (_what, text: string, links: number, notice: string | null) => {
    expect(closedNotice(text, links)).toBe(notice);
  });

  it('the site is not assessed, with the notice as the reason, and is down', async () => {
    const fleet = await FixtureFleet.start({ closed: { files: { '/': '<html><head><meta charset="utf-8"><title>某某县农业农村局</title></head><body><p>根据政府网站集约化工作要求，本网站已整合至某某县人民政府门户网站。</p><p><a href="http://www.example.gov.cn/">点击访问</a></p></body></html>' } } });
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'closed', url: `${fleet.origin('closed')}/` }]);
      const report = scoreRun(db, runId, loadProfile('gov-2019'));
      const notice = '根据政府网站集约化工作要求，本网站已整合至某某县人民政府门户网站。';
      expect(report.sites.map((s) => ({ verdict: s.verdict, score: s.score, health: s.health, closed: s.closed, homeJudged: !s.notAssessed.includes('homepage-not-updated') })))
        .toEqual([{ verdict: 'not-assessed', score: null, health: 'down', closed: notice, homeJudged: false }]);
      expect(renderedText(renderTerminal(report, { lang: 'zh' })).split('\n')[2]).toBe(`      首页称网站已关停或迁移，未予评估: ${notice}`);
    } finally {
      await fleet.close();
    }
  });
});
