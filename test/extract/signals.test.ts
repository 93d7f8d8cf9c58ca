import { describe, it } from 'node:test';
import { expect } from 'expect';
import { classifyColumn } from '../../src/extract/categories.js';
import { hasVisitorCounter } from '../../src/extract/footer.js';
import { extractLinks } from '../../src/extract/links.js';
import { extractMailboxes } from '../../src/extract/mailboxes.js';
import { extractPage, type PageFacts } from '../../src/extract/page.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { cases } from '../helpers/cases.js';

describe('column categories (SPEC §4)', () => {
  cases([
    ['工作动态', 'news'], ['图片新闻', 'news'], ['通知公告', 'notice'], ['公示公告', 'notice'], ['政策文件', 'policy'], ['政策解读', 'policy'],
    ['人事信息', 'personnel-plan'], ['发展规划', 'personnel-plan'], ['县长信箱', 'consultation'], ['网上信访', 'other'], ['纪检举报', 'other'],
    ['意见征集', 'survey'], ['在线访谈', 'interview'], ['办事指南', 'service'], ['机构职能', 'static'], ['省退役军人事务厅', 'other'], ['专题专栏', 'other'],
    ['我要写信', 'consultation'], ['为民服务', 'service'], ['为企服务', 'service'], ['服务', 'service'], ['便民服务', 'service'], ['一网通办', 'service'], ['我要办事', 'service'], ['网上办事大厅', 'service'],
    ['街道办事处', 'other'], ['服务动态', 'news'],
  ])('%s → %s', (name, category) => {
    expect(classifyColumn(name)).toBe(category);
  });
});

describe('consultation entries', () => {
  cases([
    ['<a href="/xx/">县长信箱</a>', [{ label: '县长信箱', href: 'http://x.gov.cn/xx/', imageOnly: false }]],
    ['<a href="#"><img src="/i/xzxx.gif" alt="县长信箱"></a>', [{ label: '县长信箱', href: '#', imageOnly: true }]],
    ['<a href="javascript:void(0)"><img src="/i/xzxx.gif"></a>', [{ label: 'xzxx.gif', href: 'javascript:void(0)', imageOnly: true }]],
    ['<img src="/i/szxx.png" alt="市长信箱">', [{ label: '市长信箱', href: '', imageOnly: true }]],
    // a picture link with no words at all, named by where it leads
    ['<a href="/szxx/index.html"><img src="/images/icon_07.png"></a>', [{ label: '/szxx/index.html', href: 'http://x.gov.cn/szxx/index.html', imageOnly: false }]],
    ['<a href="/zwgk/index.html"><img src="/images/icon_08.png"></a>', []],
    ['<a href="/ly/">我要留言</a>', [{ label: '我要留言', href: 'http://x.gov.cn/ly/', imageOnly: false }]],
    ['<a href="/xx/write.html">我要写信</a><a href="/xx/">给县长写信</a>', [{ label: '我要写信', href: 'http://x.gov.cn/xx/write.html', imageOnly: false }, { label: '给县长写信', href: 'http://x.gov.cn/xx/', imageOnly: false }]],
    ['<a href="/l/3.html">关于给孩子写信的倡议</a>', []],
    ['<a href="/xf/">网上信访</a><a href="/jb/">纪检举报信箱</a>', []],
    ['<a href="/l/1.html">幼儿园入学政策咨询</a><a href="/l/2.html">关于停车难的咨询</a>', []],
    // opened by script: the mailbox is where the script goes
    ['<a href="javascript:void(0)" onclick="window.open(\'/xzxx/index.html\')">县长信箱</a>', [{ label: '县长信箱', href: 'http://x.gov.cn/xzxx/index.html', imageOnly: false }]],
    ['<a href="javascript:window.open(\'http://ly.x.gov.cn/\',\'_blank\')"><img src="/i/zxzx.gif" alt="在线咨询"></a>', [{ label: '在线咨询', href: 'http://ly.x.gov.cn/', imageOnly: false }]],
    ['<a href="#" onclick="location.href = \'/ly.html\'; return false">我要留言</a>', [{ label: '我要留言', href: 'http://x.gov.cn/ly.html', imageOnly: false }]],
    ['<a href="javascript:void(0)" onclick="openMailbox(this)">市长信箱</a>', [{ label: '市长信箱', href: 'javascript:void(0)', imageOnly: true }]],
  ])('%s', (html, expected) => {
    expect(extractMailboxes(parseHtml(html), 'http://x.gov.cn/')).toEqual(expected);
  });
});

describe('page signals', () => {
  // what a visitor sees in a page's footer: each signal as its usual markup and the markup scripts and icons give it
  const signals = { badge: (f: PageFacts) => f.identifiers.badge, search: (f: PageFacts) => f.search, '找错 entry': (f: PageFacts) => f.errorReportEntry };
  cases([
    ['badge', 'the badge image', '<a href="https://bszs.conac.cn/sitename?method=show&id=1"><img src="/images/red.png" alt="党政机关"></a>', true],
    ['badge', 'CONAC\'s script, as handed out', '<span id="_ideConac"></span><script type="text/javascript" src="https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710002.js"></script>', true],
    ['badge', '… written by document.write', '<script type="text/javascript">document.write(unescape("%3Cspan id=\'_ideConac\' %3E%3C/span%3E%3Cscript src=\'http://dcs.conac.cn/js/07/136/0000/40624487/CA071360000406244870001.js\' type=\'text/javascript\'%3E%3C/script%3E"));</script>', true],
    ['badge', 'none', '<img src="/images/logo.png" alt="县政府">', false],
    ['search', 'a form with a text box', '<form action="/s.jsp"><input type="text" name="q"><button>搜索</button></form>', true],
    ['search', 'a box a script sends, no form', '<input type="text" id="keyword" placeholder="请输入关键词"><a href="javascript:doSearch()">搜索</a>', true],
    ['search', 'a login box is none', '<input type="text" id="username" placeholder="用户名">', false],
    ['找错 entry', 'the national platform\'s link, an icon without words', '<a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=3201000001"><img src="/images/zc.png"></a>', true],
    ['找错 entry', 'an icon named for it', '<a href="/zc.html"><img src="/images/jiucuo.png"></a>', true],
    ['找错 entry', 'the words', '<a href="/zc.html">我为政府网站找错</a>', true],
    ['找错 entry', 'none', '<a href="/about.html"><img src="/images/about.png"></a>', false],
  ])('%s: %s', (signal: keyof typeof signals, _what, html: string, shown: boolean) => {
    expect(signals[signal](extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/', '2026-11-15'))).toBe(shown);
  });

  cases([['网站标识码：3201000001', '3201000001'], ['网站识别码 3201000001', '3201000001'], ['标识码', null]])('site identifier in "%s"', (footer, siteId) => {
    expect(extractPage(`<html><body><div class="footer">${footer}</div></body></html>`, 'http://x.gov.cn/', '2026-11-15').identifiers.siteId).toBe(siteId);
  });

  cases([
    ['您是第 123456 位访客', true], ['访问量：98765', true], ['总访问：12345 次', true], ['本站访问说明', false], ['第3位', false],
  ])('visitor counter in "%s": %s', (text, expected) => {
    expect(hasVisitorCounter(text)).toBe(expected);
  });

  cases([
    ['display:none', '<div style="display:none"><a href="http://bad.example/">博彩</a></div>'],
    ['visibility:hidden', '<div style="visibility: hidden"><a href="http://bad.example/">博彩</a></div>'],
    ['off-screen', '<div style="position:absolute;left:-9999px"><a href="http://bad.example/">博彩</a></div>'],
    ['zero size', '<div style="height:0;overflow:hidden;font-size:0"><a href="http://bad.example/">博彩</a></div>'],
    ['a <style> class rule', '<style>.x{display:none}</style><div class="x"><a href="http://bad.example/">博彩</a></div>'],
  ])('a hidden link (%s) is found with its words', (_how, html) => {
    const facts = extractPage(`<html><body>${html}<p>正文</p></body></html>`, 'http://x.gov.cn/', '2026-11-15');
    expect(facts.spam).toEqual({ terms: ['博彩'], hiddenLinks: [{ href: 'http://bad.example/', text: '博彩' }] });
    expect(facts.links).toEqual([{ href: 'http://bad.example/', text: '博彩', imageOnly: false, hidden: true }]);
  });

  cases([
    ['<p>欢迎访问BET365官网</p>', ['bet365']],
    ['<p>av女优 188Bet</p>', ['188bet', 'AV女优']],
    ['<p>福利彩票销售情况，皇冠假日酒店</p>', []],
    ['<p>网上赌场</p><div hidden>六合彩</div>', ['网上赌场', '六合彩']],
  ])('spam words in %s: %j (Latin ones in any case, hidden blocks read too)', (html, terms) => {
    expect(extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/', '2026-11-15').spam.terms).toEqual(terms);
  });

  cases([
    ['<style>div.x{display:none}</style><div class="y x"><a href="http://bad.example/">博彩</a></div>', true],
    ['<style>div.x{display:none}</style><span class="x"><a href="http://bad.example/">博彩</a></span>', false],
    ['<style>p.z, #y {visibility: hidden}</style><div id="y"><a href="http://bad.example/">博彩</a></div>', true],
    ['<style>/* .x{display:none} */ .x{color:red}</style><div class="x"><a href="http://bad.example/">博彩</a></div>', false],
    ['<style>.a .x{display:none}</style><div class="x"><a href="http://bad.example/">博彩</a></div>', false],
  ])('a <style> rule: %s → the link hidden %s', (html, hidden) => {
    const facts = extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/', '2026-11-15');
    expect(facts.links.map((l) => l.hidden)).toEqual([hidden]);
  });

  cases([
    ['http://www.x.gov.cn/a.html', []],
    ['http://news.x.gov.cn/a.html', []],
    ['http://notx.gov.cn/a.html', [{ href: 'http://notx.gov.cn/a.html', text: '博彩' }]],
    ['http://x.gov.cn.bad.example/a.html', [{ href: 'http://x.gov.cn.bad.example/a.html', text: '博彩' }]],
  ])('a hidden link to %s leaves the site: %j', (href, hiddenLinks) => {
    const facts = extractPage(`<html><body><div style="display:none"><a href="${href}">博彩</a></div></body></html>`, 'http://www.x.gov.cn/', '2026-11-15');
    expect(facts.spam.hiddenLinks).toEqual(hiddenLinks);
  });

  cases([
    ['<div class="list">暂无信息</div>', true],
    ['<div class="list">栏目正在建设中</div>', true],
    ['<div class="list" style="display:none">暂无信息</div><ul><li><a href="/a.html">一条有日期的信息标题</a> 2026-11-01</li></ul>', false],
    ['<p>机构职能：负责全县政务公开工作。</p>', false],
  ])('%s → empty %s', (html, empty) => {
    expect(extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/col/', '2026-11-15').empty).toBe(empty);
  });
});

describe('list rows', () => {
  const row = (href: string, title: string, date: string) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`;
  cases([
    ['a row repeated in its list counts once, as first shown', `<ul>${row('/a.html', '关于第一项工作的通知', '2026-11-01')}${row('/b.html', '关于第二项工作的通知', '2026-11-02')}${row('/a.html', '关于第一项工作的通知（重复）', '2026-11-03')}</ul>`,
      [[['http://x.gov.cn/a.html', '2026-11-01'], ['http://x.gov.cn/b.html', '2026-11-02']]]],
    ['the same article in two lists is in each', `<ul>${row('/a.html', '关于第一项工作的通知', '2026-11-01')}</ul><ul>${row('/a.html', '关于第一项工作的通知', '2026-11-01')}</ul>`,
      [[['http://x.gov.cn/a.html', '2026-11-01']], [['http://x.gov.cn/a.html', '2026-11-01']]]],
    ['a flat list (titles and dates side by side in one container): each title its own date, dates after titles',
      `<div class="list"><a href="/a/20261101/1.html">关于开展第一项工作的通知</a><span>2026-11-01</span><br><a href="/a/20241001/2.html">关于开展第二项工作的通知</a><span>2024-10-01</span><br><a href="/a/20230506/3.html">关于开展第三项工作的通知</a><span>2023-05-06</span></div>`,
      [[['http://x.gov.cn/a/20261101/1.html', '2026-11-01'], ['http://x.gov.cn/a/20241001/2.html', '2024-10-01'], ['http://x.gov.cn/a/20230506/3.html', '2023-05-06']]]],
    ['… and dates before titles', `<div class="list">[2026-11-01] <a href="/1.html">关于开展第一项工作的通知</a><br>[2024-10-01] <a href="/2.html">关于开展第二项工作的通知</a></div>`,
      [[['http://x.gov.cn/1.html', '2026-11-01'], ['http://x.gov.cn/2.html', '2024-10-01']]]],
    ['a row of two titles and one date: both the row\'s date', `<ul><li><a href="/bgs.html">[办公室]</a><a href="/1.html">关于开展第一项工作的通知</a><span>2026-11-01</span></li></ul>`,
      [[['http://x.gov.cn/bgs.html', '2026-11-01'], ['http://x.gov.cn/1.html', '2026-11-01']]]],
    ['a date inside a title stops the pairing: each title is read outside itself', `<div><a href="/1.html">关于2026年10月1日停电的通知</a> 2026-09-28 <a href="/2.html">关于开展第二项工作的通知</a></div>`,
      [[['http://x.gov.cn/1.html', '2026-09-28'], ['http://x.gov.cn/2.html', '2026-10-01']]]],
    ['an anchor straight in the page\'s body is in no row (the whole page is no list row)', '<a href="/a.html">关于开展第一项工作的通知</a> 发布时间：2026-11-01', []],
    ['rows of divs: the title in its own div, the date in the next', `<div class="list">${[1, 2].map((i) => `<div class="item"><div class="tit"><a href="/${i}.html">关于开展第${i}项工作的通知</a></div><div class="date">2026-11-0${i}</div></div>`).join('')}</div>`,
      [[['http://x.gov.cn/1.html', '2026-11-01'], ['http://x.gov.cn/2.html', '2026-11-02']]]],
    ['… a heading and a span', `<div class="list">${[1, 2].map((i) => `<div class="news"><h3><a href="/${i}.html">关于开展第${i}项工作的通知</a></h3><span>2026-11-0${i}</span></div>`).join('')}</div>`,
      [[['http://x.gov.cn/1.html', '2026-11-01'], ['http://x.gov.cn/2.html', '2026-11-02']]]],
    ['a lone link beside today\'s date in a top bar is no row (it does not repeat)', '<div class="top"><div class="today">2026年11月15日 星期日</div><div class="weather"><a href="/tq.html">今日天气预报服务</a></div></div><div class="main">正文</div>', []],
    ['a block of content with one link in it is no row: its dates are not the link\'s', `<div class="article"><div class="body"><div><a href="/fj.html">关于开展第一项工作的通知（附件）</a></div>${'为进一步做好相关工作，现将有关事项通知如下。'.repeat(15)}2026年10月1日起施行。</div></div><div class="side"><a href="/x.html">其他链接</a></div>`,
      []],
    ['4,000 rows', `<ul>${Array.from({ length: 4000 }, (_, i) => row(`/t${i % 3000}.html`, `关于第${i}项工作的通知`, '2026-11-01')).join('')}</ul>`,
      [Array.from({ length: 3000 }, (_, i) => [`http://x.gov.cn/t${i}.html`, '2026-11-01'])]],
  ])('%s', (_what, html, lists) => {
    const facts = extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/col/', '2026-11-15');
    expect(facts.lists.map((l) => l.items.map((i) => [i.href, i.date]))).toEqual(lists);
  });

  const split = (date: string) => `<ul>${[1, 2].map((i) => `<li><a href="/${i}.html">关于开展第${i}项重点工作的通知</a>${date}</li>`).join('')}</ul>`;
  cases([
    ['a big day number beside its year and month', split('<div class="date"><span>02</span><em>2026-11</em></div>'), '2026-11-02'],
    ['… in the other order, dotted, the day with 日', split('<div class="time"><p>2026.11</p><p>2日</p></div>'), '2026-11-02'],
    ['… as 年月', split('<span class="date"><b>2026年11月</b><i>2</i></span>'), '2026-11-02'],
    ['month-day beside the year, straight in the row', split('<span>11/02</span><span>2026</span>'), '2026-11-02'],
    ['… the day a text beside its element', split('<div class="date">02<span>2026-11</span></div>'), '2026-11-02'],
    ['not a month that is not one', split('<div class="date"><span>02</span><em>2026-13</em></div>'), null],
    ['not a count beside a year', split('<span>浏览 12 次</span><span>2026</span>'), null],
  ])('split dates: %s', (_what, html, date) => {
    const items = extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/col/', '2026-11-15').lists.flatMap((l) => l.items);
    expect(items.map((i) => i.date)).toEqual(date === null ? [] : [date, date]);
  });

  it('a card (date, heading and summary in one link) is titled by its heading, and dated by its split date', () => {
    const card = (i: number) => `<li><a href="/${i}.html"><div class="time"><span>1${i}</span><span>2026-11</span></div><h4>关于开展第${i}项重点工作的通知</h4><p>为进一步做好相关工作，现将有关事项通知如下。</p></a></li>`;
    const items = extractPage(`<html><body><ul>${card(1)}${card(2)}</ul></body></html>`, 'http://x.gov.cn/col/', '2026-11-15').lists.flatMap((l) => l.items);
    expect(items.map((i) => [i.title, i.date])).toEqual([['关于开展第1项重点工作的通知', '2026-11-11'], ['关于开展第2项重点工作的通知', '2026-11-12']]);
  });

  cases([
    ['a date after the as-of date in a row that shows a deadline too', '<li><a href="/t20261110_1.html">某单位2026年公开招聘工作人员公告</a><span>报名时间：2026-11-20至2026-12-05</span><span>2026-11-10</span></li>', { date: '2026-11-20', otherDates: true }],
    ['… and in a row that shows only it', '<li><a href="/t20261120_1.html">某单位2026年公开招聘工作人员公告</a><span>2026-11-20</span></li>', { date: '2026-11-20' }],
    ['a row of several dates whose first one looks right is not marked', '<li><a href="/t20261110_1.html">某单位2026年公开招聘工作人员公告</a><span>2026-11-10</span><span>报名截止：2026-12-05</span></li>', { date: '2026-11-10' }],
  ])('%s', (_what, row, expected) => {
    const [item] = extractPage(`<html><body><ul>${row}</ul></body></html>`, 'http://x.gov.cn/col/', '2026-11-15').lists[0]!.items;
    expect({ date: item!.date, ...(item!.otherDates ? { otherDates: item!.otherDates } : {}) }).toEqual(expected);
  });
});

describe('letters', () => {
  const list = (row: string) => `<table class="letters"><tr><th>标题</th><th>来信时间</th><th>状态</th></tr>${row}</table>`;
  const letterPage = (body: string) => `<h1>关于小区物业的投诉</h1><p>来信时间：2026-06-01</p>${body}`;
  /** a list row asked 2026-10-02 whose status cell holds `status` */
  const statusRow = (status: string, title = '关于路灯损坏的反映') => list(`<tr><td><a href="/l/1.html">${title}</a></td><td>2026-10-02</td><td>${status}</td></tr>`);
  cases([
    ['a row whose title says 未回复 is as its status cell says', list('<tr><td><a href="/l/1.html">关于物业一直未回复业主诉求的投诉</a></td><td>2026-06-01</td><td>已回复</td></tr>'),
      { status: 'answered', asked: '2026-06-01', replied: null }],
    ['a date in a row\'s title is not when the letter was asked', statusRow('办理中', '关于2025年3月1日停水的咨询'),
      { status: 'in-progress', asked: '2026-10-02', replied: null }],
    ['a row whose status is an icon', statusRow('<img src="/i/yhf.gif" alt="已回复">'),
      { status: 'answered', asked: '2026-10-02', replied: null }],
    ['a row whose letter is not concluded (未办结) is under way, not concluded (办结)', statusRow('未办结'),
      { status: 'in-progress', asked: '2026-10-02', replied: null }],
    ['a row refused with its reason (不予受理) was answered', statusRow('不予受理', '关于邻里纠纷的反映'),
      { status: 'answered', asked: '2026-10-02', replied: null }],
    ['a row 已办理', statusRow('已办理'),
      { status: 'answered', asked: '2026-10-02', replied: null }],
    ['a row whose status is its link', '<table><tr><td>关于路灯损坏的反映</td><td>2026-10-02</td><td><a href="/l/1.html">已回复</a></td></tr></table>',
      { status: 'answered', asked: '2026-10-02', replied: null }],
    ['a letter page\'s status field wins over the citizen\'s words', letterPage('<p>办理状态：已办结</p><p>来信内容：反映多次至今未回复。</p><p>回复时间：2026-06-05</p><p>回复内容：已督促物业整改。</p>'),
      { status: 'answered', asked: '2026-06-01', replied: '2026-06-05' }],
    ['… as does a reply date where there is no field', letterPage('<p>来信内容：问题一直未处理。</p><p>回复时间：2026-06-05</p><p>回复内容：已督促物业整改。</p>'),
      { status: 'answered', asked: '2026-06-01', replied: '2026-06-05' }],
    ['a letter page that shows its reply, undated and with no status field, was answered', letterPage('<p>来信内容：小区路灯不亮。</p><p>回复内容：已安排维修，现已恢复照明。</p><p>回复单位：城管局</p>'),
      { status: 'answered', asked: '2026-06-01', replied: null }],
    ['… as 回复：', letterPage('<p>来信内容：小区路灯不亮。</p><p>回复：已安排维修，现已恢复照明。</p>'), { status: 'answered', asked: '2026-06-01', replied: null }],
    ['… as 办理结果：', letterPage('<p>来信内容：小区路灯不亮。</p><p>办理结果：已安排维修，现已恢复照明。</p>'), { status: 'answered', asked: '2026-06-01', replied: null }],
    ['… not when the reply field says there is none', letterPage('<p>来信内容：小区路灯不亮。</p><p>回复内容：暂无回复</p>'),
      { status: 'unanswered', asked: '2026-06-01', replied: null }],
    ['a letter page with neither is read by its words', letterPage('<p>来信内容：反映多次至今未回复。</p>'),
      { status: 'unanswered', asked: '2026-06-01', replied: null }],
    ['a status field that says it is under way', letterPage('<p>办理状态：办理中</p><p>回复时间：2026-06-05</p><p>回复内容：已转交属地街道。</p>'),
      { status: 'in-progress', asked: '2026-06-01', replied: '2026-06-05' }],
  ])('%s', (_what, html, expected) => {
    const { letters } = extractPage(`<html><head><title>市长信箱</title></head><body>${html}</body></html>`, 'http://x.gov.cn/hdjl/', '2026-11-15');
    expect(letters.map(({ status, asked, replied }) => ({ status, asked, replied }))).toEqual([expected]);
  });
});

describe('pages a script writes the pager of (TRS)', () => {
  const written = `<script>var currentPage = 0;\nvar countPage = 3//共多少页\nfor (var i = 1; i < countPage; i++) document.write("<a href=\\"index"+"_" + i + "."+"html\\">"+(i+1)+"</a>");</script>`;
  cases([
    ['written out from a page count', written, ['http://x.gov.cn/col/col1/index_1.html', 'http://x.gov.cn/col/col1/index_2.html']],
    ['createPageHTML', '<script>createPageHTML(3, 0, "index", "shtml");</script>', ['http://x.gov.cn/col/col1/index_1.shtml', 'http://x.gov.cn/col/col1/index_2.shtml']],
    ['one page only', '<script>createPageHTML(1, 0, "index", "html");</script>', []],
    ['no pager', '<script>var countPage = 3;</script>', []],
  ])('%s', (_what, script, pages) => {
    const html = `<html><body><ul><li><a href="/a.html">关于开展第一项工作的通知</a><span>2026-11-01</span></li></ul>${script}</body></html>`;
    const url = 'http://x.gov.cn/col/col1/index.html';
    expect(extractPage(html, url, '2026-11-15').pagination).toEqual(pages);
    // … and they are links, so the crawl follows them
    expect(extractLinks(parseHtml(html), url).map((l) => l.target).filter((t) => t.includes('index_'))).toEqual(pages);
  });
});

describe('parts a script loads into the page', () => {
  cases([
    ["jQuery's .load, with a selector after the URL", `<div id="foot"></div><script>$('#foot').load('/inc/foot.html #footer'); jQuery("#top").load("top.html");</script>`, [['http://x.gov.cn/inc/foot.html', 'include'], ['http://x.gov.cn/a/top.html', 'include']]],
    ['a URL held in a variable is not written out: nothing to follow', `<script>var u = '/inc/foot.html'; $('#foot').load(u);</script>`, []],
    ['a line commented out is not loaded (an old menu left in the template)', `<script>\n  // $('#nav').load('/inc/old-nav.html');\n  $('#foot').load('/inc/foot.html'); // and the footer\n</script>`, [['http://x.gov.cn/inc/foot.html', 'include']]],
    ['code commented out is not loaded, after code or in a block; a URL string keeps its //',
      `<script>$('#foot').load('http://x.gov.cn/inc/foot.html'); // $('#a').load('/inc/a.html');\n/* $('#nav').load('/inc/old-nav.html');\n $('#b').load('/inc/b.html'); */</script>`, [['http://x.gov.cn/inc/foot.html', 'include']]],
    ['an external script is not read', `<script src="/js/foot.js"></script>`, [['http://x.gov.cn/js/foot.js', 'script']]],
  ])('%s', (_what, html: string, links: [string, string][]) => {
    expect(extractLinks(parseHtml(`<html><body>${html}</body></html>`), 'http://x.gov.cn/a/b.html').map((l) => [l.target, l.tag])).toEqual(links);
  });
});

describe('an article\'s shown publish date', () => {
  const article = (info: string) => `<html><head><title>通知</title></head><body><h1>关于开展重点工作的通知</h1><div class="info">${info}</div><div id="zoom"><p>${'为进一步做好相关工作，现将有关事项通知如下。'.repeat(10)}</p></div></body></html>`;
  cases([
    ['发布时间', '发布时间：2026-11-02 10:30 来源：县政府办', '2026-11-02'],
    ['a bare 日期', '日期：2026年11月02日 浏览次数：123', '2026-11-02'],
    ['a 信息公开 page: 成文日期 shown first, 发布日期 is the publish date', '索引号：000-2026-0001 成文日期：2026-10-30　发布日期：2026-11-02', '2026-11-02'],
    ['… 成文日期 alone is the best there is', '发文机关：县政府办 成文日期：2026-10-30', '2026-10-30'],
    ['a date in force or a deadline is none', '施行日期：2026-12-01 截止时间：2026-12-31', null],
    ['an unlabelled date before the info bar\'s 来源', '<span>2026-11-02 10:30</span> <span>来源：县政府办</span>', '2026-11-02'],
    ['… or its view count, behind a bar', '2026年11月2日 | 浏览次数：123', '2026-11-02'],
    ['… or after its 来源', '来源：县政府办 2026-11-02 【字号：大 中 小】', '2026-11-02'],
    ['… but 发布时间 beats it', '2026-10-30 来源：县政府办 发布时间：2026-11-02', '2026-11-02'],
    ['… and it beats 成文日期', '成文日期：2026-10-30 2026-11-02 来源：县政府办', '2026-11-02'],
    ['a date with no label and no info bar is none', '<span>2026-11-02</span>', null],
    ['a date in prose beside a source is none', '<p>数据截至2019年12月31日来源于国家统计局。（截至2019年12月31日，来源：国家统计局）</p>', null],
  ])('%s', (_what, info, date) => {
    expect(extractPage(article(info), 'http://x.gov.cn/art/a.html', '2026-11-15').publishDate).toBe(date);
  });
});

describe('columns of a home page', () => {
  cases([
    ['a block heading that links to its list is a column', '<div class="block"><h2><a href="/col/col101/index.html">工作动态</a></h2><ul><li><a href="/art/2026/11/2/art_101_1.html">市政府召开常务会议研究冬季供暖工作</a><span>2026-11-02</span></li></ul></div>', ['工作动态']],
    ['a news card\'s headline in a heading is an article (its URL is dated), not a column', '<div class="news"><h3><a href="/xxgk/202611/t20261102_1.html">全县安全生产工作动态</a></h3><span>2026-11-02</span></div>', []],
    ['the 政务服务 entry on the province\'s service platform is the site\'s service column; other sites\' links are not its columns',
      '<div class="nav"><a href="/xwzx/">新闻中心</a><a href="http://www.jxzwfww.gov.cn/">政务服务</a><a href="http://www.jiangxi.gov.cn/">江西省政府</a><a href="http://www.example.com/bs/">办事服务</a></div>', ['新闻中心', '政务服务']],
    ['the menu\'s /xwdt/ and a heading\'s www.…/xwdt/index.html are one column, at the menu\'s address',
      '<div class="nav"><a href="/xwdt/">工作动态</a><a href="/tzgg/">通知公告</a></div><div class="box"><h3><a href="/xwdt/index.html">工作动态</a></h3></div><div class="box"><div class="title"><a href="https://www.x.gov.cn/tzgg/default.aspx">通知公告</a></div></div>',
      ['工作动态', '通知公告'], ['http://x.gov.cn/xwdt/', 'http://x.gov.cn/tzgg/']],
    ['other folders, and one column\'s other pages, stay apart',
      '<div class="nav"><a href="/xwdt/">工作动态</a><a href="/xwdt/bmdt/">部门动态</a><a href="/xwdt/index_1.html">工作动态二</a></div>',
      ['工作动态', '部门动态', '工作动态二'], ['http://x.gov.cn/xwdt/', 'http://x.gov.cn/xwdt/bmdt/', 'http://x.gov.cn/xwdt/index_1.html']],
  ])('%s', (_what, html, names, urls?: string[]) => {
    const columns = extractPage(`<html><body>${html}</body></html>`, 'http://x.gov.cn/', '2026-11-15').columns!;
    expect(columns.map((c) => c.name)).toEqual(names);
    if (urls) expect(columns.map((c) => c.url)).toEqual(urls);
  });
});

describe('service guides', () => {
  cases([
    ['every element by its usual name', '事项名称 设定依据 申请条件 办理材料 办理地点 办理时间 联系电话 办理流程', []],
    ['by synonyms', '项目名称 法定依据 受理条件 申请材料 受理地点 办公时间 投诉电话 办理步骤', []],
    ['a flow chart and the ways to ask', '服务名称 实施依据 办理条件 所需材料 办理地址 工作时间 咨询途径 流程图', []],
    ['four elements missing', '事项名称 设定依据 申请条件 办理材料', ['办理地点', '办理时间', '联系电话', '办理流程']],
  ])('%s', (_what, text, missing) => {
    expect(extractPage(`<html><head><title>某事项办事指南</title></head><body><p>${text}</p></body></html>`, 'http://x.gov.cn/bsfw/1.html', '2026-11-15').guide.missing).toEqual(missing);
  });
});
