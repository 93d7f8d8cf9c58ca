import { describe } from 'node:test';
import { expect } from 'expect';
import { innerPageRoot } from '../../src/crawl/inner-page.js';
import type { StoredLink } from '../../src/extract/links.js';
import { cases } from '../helpers/cases.js';

const link = (target: string, text: string): StoredLink => [target, 'a', text, 'http'];

describe('a registered address that is an inner page of its site', () => {
  cases([
    ['an intro page whose 首页 leads to the root', 'http://www.beijing.gov.cn/renwen/bjgk/', [link('http://www.beijing.gov.cn/', '首页')], false, 'http://www.beijing.gov.cn/'],
    ['返回 首页 to the root\'s default document', 'http://www.x.gov.cn/zjx/index.shtml', [link('http://www.x.gov.cn/index.html', '返回 首页')], false, 'http://www.x.gov.cn/'],
    ['another site is registered at the root (a department at a path of its portal)', 'http://www.x.gov.cn/bm/fgw/', [link('http://www.x.gov.cn/', '首页')], true, null],
    ['the root itself', 'http://www.x.gov.cn/index.html', [link('http://www.x.gov.cn/', '首页')], false, null],
    ['its 首页 is its own section', 'http://www.lsz.gov.cn/zhaojue/index/index.html', [link('http://www.lsz.gov.cn/zhaojue/index/index.html', '首页')], false, null],
    ['首页 to the root spelt with www.', 'http://x.gov.cn/zjx/', [link('http://www.x.gov.cn/', '首页')], false, 'http://x.gov.cn/'],
    ['首页 on another host', 'http://www.x.gov.cn/zjx/', [link('http://www.y.gov.cn/', '首页')], false, null],
    ['the root linked by another text', 'http://www.x.gov.cn/zjx/', [link('http://www.x.gov.cn/', '某县人民政府')], false, null],
  ])('%s', (_what, at: string, links: StoredLink[], registeredThere: boolean, root: string | null) => {
    expect(innerPageRoot(at, links, () => registeredThere)).toBe(root);
  });
});
