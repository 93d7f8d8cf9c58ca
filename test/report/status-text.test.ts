import { describe, it } from 'node:test';
import { expect } from 'expect';
import { evidenceOf } from '../../src/report/evidence.js';
import { statusText } from '../../src/report/status-text.js';
import { cases } from '../helpers/cases.js';

describe('statusText: a link status in words, the code kept', () => {
  cases([
    ['404', false, 'zh', '404（页面不存在）'],
    ['ENOTFOUND', false, 'en', 'ENOTFOUND (the host name does not resolve)'],
    ['EHOSTDOWN', false, 'zh', 'EHOSTDOWN（主机对此前请求均超时无响应，未再请求）'],
    ['200', true, 'zh', '200（页面提示不存在（软404））'],
    ['200', true, 'en', '200 (the page says it is missing (soft 404))'],
    ['418', false, 'en', '418 (client error)'],
    ['412', false, 'zh', '412（网站防护要求浏览器执行脚本验证，程序无法通过）'],
    ['599', false, 'zh', '599（服务器错误）'],
    ['302', false, 'zh', '302（重定向无目标地址）'],
    // links never asked for, and this machine's network down
    ['EFILE', false, 'zh', 'EFILE（链接指向编辑者本机文件，访问者无法打开）'],
    ['EBADURL', false, 'en', 'EBADURL (a malformed address: no browser can open it)'],
    ['EPRIVATE', false, 'zh', 'EPRIVATE（内网地址，公众无法访问）'],
    ['EOFFLINE', false, 'en', 'EOFFLINE (this machine\'s network was down: not checked)'],
    ['EPROXYDENIED', false, 'zh', 'EPROXYDENIED（本机所用代理服务器按其策略拒绝访问，未能检查）'],
    ['EWHATEVER', false, 'en', 'EWHATEVER'],
    ['40', false, 'en', '40'],
  ])('%s, soft 404 %s, %s → %s', (status: string, soft404: boolean, lang: 'zh' | 'en', text: string) => {
    expect(statusText(status, soft404, lang)).toBe(text);
  });

  it('a dead link to a soft 404 says so in its status, not as a pair of its own', () => {
    const finding = { rule: 'dead-link', url: 'http://a.gov.cn/', id: 'dead-link-0123456789', firstSeen: '2026-11-15', target: 'http://a.gov.cn/gone.html', status: '200', soft404: true, onHomepage: true, text: '政策解读' };
    expect(evidenceOf(finding, 'zh')).toEqual([['链接', 'http://a.gov.cn/gone.html'], ['状态', '200（页面提示不存在（软404））'], ['首页', '是'], ['文字', '政策解读']]);
  });

  cases([
    ['zh', [['栏目', '新闻动态'], ['类别', '动态要闻'], ['最近更新', '2025-06-10'], ['时限（天）', '14']]],
    ['en', [['column', '新闻动态'], ['category', 'news'], ['last update', '2025-06-10'], ['limit (days)', '14']]],
  ])('a stale column\'s category in words (%s): a Chinese notice said "类别：news"', (lang: 'zh' | 'en', pairs: string[][]) => {
    const finding = { rule: 'column-stale', url: 'http://x.gov.cn/xwdt/', id: 'column-stale-0123456789', firstSeen: '2026-11-15', column: '新闻动态', category: 'news', lastUpdate: '2025-06-10', limitDays: 14 };
    expect(evidenceOf(finding, lang)).toEqual(pairs);
  });

  // a notice in Chinese said "原因：shown on http://x.gov.cn/l/ after the as-of date 2026-11-15"
  const forged = (why: Record<string, string>) => ({ rule: 'forged-date', url: 'http://x.gov.cn/a.html', id: 'forged-date-0123456789', firstSeen: '2026-11-15', date: '2026-12-01', ...why });
  cases([
    ['after the as-of date, in Chinese', { reason: 'after-as-of', asOf: '2026-11-15', page: 'http://x.gov.cn/l/' }, 'zh', [['日期', '2026-12-01'], ['原因', '晚于监测时间点'], ['监测时间点', '2026-11-15'], ['所在页面', 'http://x.gov.cn/l/']]],
    ['after the day the site was read', { reason: 'after-read', readOn: '2026-11-29' }, 'en', [['date', '2026-12-01'], ['reason', 'later than the day the site was read'], ['read on', '2026-11-29']]],
    ['a year from its URL\'s date, in Chinese', { reason: 'url-date', urlDate: '2020-11-02' }, 'zh', [['日期', '2026-12-01'], ['原因', '与链接地址中的日期相差一年以上'], ['链接地址中的日期', '2020-11-02']]],
    ['a reason stored by an earlier version: as it was', { reason: 'its URL says 2020-11-02' }, 'zh', [['日期', '2026-12-01'], ['原因', 'its URL says 2020-11-02']]],
  ])('a forged date\'s reason in words: %s', (_what, why: Record<string, string>, lang: 'zh' | 'en', pairs: string[][]) => {
    expect(evidenceOf(forged(why), lang)).toEqual(pairs);
  });
});
