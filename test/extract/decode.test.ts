import { describe } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { decodeHtml, utf8As } from '../../src/extract/decode.js';
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
