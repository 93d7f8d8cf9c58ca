import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { decodeHtml, textIn, utf8As, utf8Text } from '../../src/extract/decode.js';
import { storedBody } from '../../src/crawl/page-analysis.js';
import { corpusBytes, describeCorpus } from '../helpers/corpus.js';

describeCorpus('every real page decodes, whatever its server claimed', () => {
  cases([
    ['govcn-home.html', '中国政府网'],
    ['ordos-annual-report-list.html', '鄂尔多斯恩格贝生态示范区'],
    ['shanxi-article.html', '山西省人民政府'],
    ['jiujiang-search.html', '九江'],
    ['zjfzggw-article.html', '浙江省发展和改革委员会'],
    ['wanzai-2015-bulletin.html', '万载'],
    ['yichun-jiangxi-2022-bulletin.html', '宜春'],
  ])('%s contains %s', (file, text) => {
    const bytes = corpusBytes('real', file);
    for (const header of [null, 'text/html', 'text/html; charset=gbk', 'text/html; charset=GB2312']) {
      const decoded = decodeHtml(bytes, header);
      expect(decoded.charset).toBe('utf-8');
      expect(decoded.text).toContain(text);
      expect(decoded.text).not.toContain('\uFFFD');
    }
  });
});

describe('decodeHtml', () => {
  const gbk = Buffer.from('c8abcfd8c7efbcbeb7c0bbf0', 'hex'); // 全县秋季防火 in GBK
  cases([
    ['GBK with charset=gbk', gbk, 'text/html; charset=gbk', 'gb18030', '全县秋季防火'],
    ['GBK with a wrong utf-8 label', gbk, 'text/html; charset=utf-8', 'gb18030', '全县秋季防火'],
    ['GBK with no label at all', gbk, null, 'gb18030', '全县秋季防火'],
    ['GBK named in <meta>', Buffer.concat([Buffer.from('<meta charset="gb2312">'), gbk]), null, 'gb18030', '全县秋季防火'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('政务')]), 'text/html; charset=gbk', 'utf-8', '政务'],
    ['Big5 named in the header', Buffer.from('ac46a9b2', 'hex'), 'text/html; charset=big5', 'big5', '政府'],
  ])('%s', (_name, bytes, header, charset, text) => {
    expect(decodeHtml(bytes, header)).toEqual({ charset, text: expect.stringContaining(text) });
  });
});

describe('utf8As: the page\'s own bytes stand for its text\'s UTF-8 only when they are exactly that', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  cases([
    ['valid UTF-8', Buffer.from('<p>政务公开 é</p>'), true],
    ['UTF-8 with a BOM (the text leaves it out)', Buffer.concat([bom, Buffer.from('<p>政务</p>')]), false],
    ['a BOM before invalid UTF-8 (read with U+FFFD)', Buffer.concat([bom, Buffer.from('<p>a'), Buffer.from([0xc3]), Buffer.from('b</p>')]), false],
    ['GBK', Buffer.from('c8abcfd8c7efbcbeb7c0bbf0', 'hex'), false],
  ])('%s: %s', (_name, bytes, own) => {
    const decoded = decodeHtml(bytes, 'text/html');
    const utf8 = utf8As(bytes, decoded);
    expect(utf8 === bytes).toBe(own);
    // stored from the page's own bytes or encoded again, the body is the same
    expect(storedBody(decoded.text, utf8)).toEqual(storedBody(decoded.text));
  });
});

describe('utf8Text reads UTF-8 as TextDecoder does, invalid sequences as U+FFFD (it transcodes valid text by ICU, faster)', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  cases([
    ['empty', bytes('')],
    ['ASCII', bytes('<p>notice 2026-11-01</p>')],
    ['Chinese', bytes('<p>政务公开 通知公告</p>')],
    ['four-byte characters (surrogate pairs)', bytes('𠀋 😀 中')],
    ['a NUL', bytes('a\0b')],
    ['a cut three-byte character at the end (a body cut at the size cap)', bytes('中', [0xe4, 0xb8])],
    ['a lone continuation byte', bytes('a', [0x80], 'b')],
    ['an overlong encoding', bytes([0xc0, 0x80])],
    ['an encoded surrogate', bytes([0xed, 0xa0, 0x80])],
    ['beyond U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80])],
    ['invalid in the middle of Chinese text', bytes('政务', [0xff], '公开')],
  ])('%s', (_name, b: Buffer) => {
    expect(utf8Text(b)).toBe(new TextDecoder().decode(b));
    expect(utf8Text(new Uint8Array(b))).toBe(new TextDecoder().decode(b));
  });

  it('a subarray is read from its own bytes, not its buffer\'s', () => {
    const whole = Buffer.from('前文中文后文');
    expect(utf8Text(whole.subarray(6, 12))).toBe('中文');
  });

  cases([
    ['UTF-8 with a BOM: the BOM is not text', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('政务')]), 'utf-8', '政务'],
    ['UTF-8 without one', Buffer.from('政务'), 'utf-8', '政务'],
    ['GBK', Buffer.from('c8abcfd8', 'hex'), 'gb18030', '全县'],
  ])('textIn: %s', (_name, b: Buffer, charset: string, text: string) => {
    expect(textIn(b, charset)).toBe(text);
    expect(textIn(b, charset)).toBe(new TextDecoder(charset).decode(b));
  });
});
