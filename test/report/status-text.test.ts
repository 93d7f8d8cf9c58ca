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
    ['599', false, 'zh', '599（服务器错误）'],
    ['302', false, 'zh', '302（重定向无目标地址）'],
    // links never asked for, and this machine's network down
    ['EFILE', false, 'zh', 'EFILE（链接指向编辑者本机文件，访问者无法打开）'],
    ['EBADURL', false, 'en', 'EBADURL (a malformed address: no browser can open it)'],
    ['EPRIVATE', false, 'zh', 'EPRIVATE（内网地址，公众无法访问）'],
    ['EOFFLINE', false, 'en', 'EOFFLINE (this machine\'s network was down: not checked)'],
    ['EWHATEVER', false, 'en', 'EWHATEVER'],
    ['40', false, 'en', '40'],
  ])('%s, soft 404 %s, %s → %s', (status: string, soft404: boolean, lang: 'zh' | 'en', text: string) => {
    expect(statusText(status, soft404, lang)).toBe(text);
  });

  it('a dead link to a soft 404 says so in its status, not as a pair of its own', () => {
    const finding = { rule: 'dead-link', url: 'http://a.gov.cn/', id: 'dead-link-0123456789', firstSeen: '2026-11-15', target: 'http://a.gov.cn/gone.html', status: '200', soft404: true, onHomepage: true, text: '政策解读' };
    expect(evidenceOf(finding, 'zh')).toEqual([['链接', 'http://a.gov.cn/gone.html'], ['状态', '200（页面提示不存在（软404））'], ['首页', '是'], ['文字', '政策解读']]);
  });
});
