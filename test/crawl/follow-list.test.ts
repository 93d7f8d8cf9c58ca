import { describe, it } from 'node:test';
import { expect } from 'expect';
import { followKey, followList, NOTHING_TO_FOLLOW, readFollowLine } from '../../src/crawl/follow-list.js';
import type { PageRole } from '../../src/crawl/priorities.js';
import type { StoredLink } from '../../src/extract/links.js';

describe('followList', () => {
  const cases: { name: string; links: StoredLink[]; roles: { url: string; role: 'column' | 'mailbox' }[]; lines: string[]; from?: PageRole }[] = [
    { name: 'no links', links: [], roles: [], lines: [] },
    {
      name: 'each http target once, in page order; the first reference decides page or resource',
      links: [['http://a.gov.cn/1.html', 'a', '一', 'http'], ['http://a.gov.cn/p.png', 'img', '', 'http'], ['http://a.gov.cn/1.html', 'img', '', 'http'], ['http://a.gov.cn/p.png', 'a', '图', 'http']],
      roles: [], lines: ['+page http://a.gov.cn/1.html', '-page http://a.gov.cn/p.png'],
    },
    {
      name: 'javascript:, mailto: and tel: are never followed',
      links: [['javascript:void(0)', 'a', '', 'javascript'], ['mailto:x@a.gov.cn', 'a', '', 'mailto'], ['tel:12345', 'a', '', 'tel']],
      roles: [], lines: [],
    },
    {
      name: 'roles the facts give',
      links: [['http://a.gov.cn/col/1/', 'a', '新闻', 'http'], ['http://a.gov.cn/xx/', 'iframe', '', 'http'], ['http://a.gov.cn/2.html', 'a', '', 'http']],
      roles: [{ url: 'http://a.gov.cn/col/1/', role: 'column' }, { url: 'http://a.gov.cn/xx/', role: 'mailbox' }],
      lines: ['+column http://a.gov.cn/col/1/', '+mailbox http://a.gov.cn/xx/', '+page http://a.gov.cn/2.html'],
    },
    {
      name: "a home page's frames are part of it; another page's are pages",
      links: [['http://a.gov.cn/top.html', 'frame', '', 'http'], ['http://a.gov.cn/news.html', 'iframe', '', 'http'], ['http://a.gov.cn/col/1/', 'a', '新闻', 'http']],
      roles: [], lines: ['+frame http://a.gov.cn/top.html', '+frame http://a.gov.cn/news.html', '+page http://a.gov.cn/col/1/'], from: 'home',
    },
    {
      name: '… not on a column page',
      links: [['http://a.gov.cn/top.html', 'frame', '', 'http']],
      roles: [], lines: ['+page http://a.gov.cn/top.html'], from: 'column',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const list = followList(c.links, c.roles, c.from ?? 'page');
      expect(list).toBe(c.lines.join('\n'));
      if (c.lines.length === 0) expect(list).toBe(NOTHING_TO_FOLLOW);
    });
  }

  it('a line reads back as its target, role and kind; its key is role and target', () => {
    expect(readFollowLine('-column http://a.gov.cn/a b')).toEqual({ target: 'http://a.gov.cn/a b', role: 'column', navigable: false });
    expect(readFollowLine('+page http://a.gov.cn/')).toEqual({ target: 'http://a.gov.cn/', role: 'page', navigable: true });
    expect(followKey('+page http://a.gov.cn/')).toBe(followKey('-page http://a.gov.cn/'));
    expect(followKey('+page http://a.gov.cn/')).not.toBe(followKey('+column http://a.gov.cn/'));
  });
});
