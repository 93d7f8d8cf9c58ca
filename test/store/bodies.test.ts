import { describe } from 'node:test';
import { gzipSync } from 'node:zlib';
import { expect } from 'expect';
import { storedBody, wireBody } from '../../src/crawl/page-analysis.js';
import { Fetches } from '../../src/store/fetches.js';
import { cases } from '../helpers/cases.js';
import { tmpDb } from '../helpers/tmp.js';

/** A stored body reads back as the text the crawl read, in whichever form it was kept (see StoredBody). */
describe('Fetches.bodyText', () => {
  const { db } = tmpDb();
  const fetches = new Fetches(db);
  const bom = [0xef, 0xbb, 0xbf];
  cases([
    ['our gzip of the text', storedBody('<p>政务公开 通知公告</p>'), '<p>政务公开 通知公告</p>'],
    ['our gzip of ASCII text', storedBody('<p>notice</p>'), '<p>notice</p>'],
    ['the server\'s gzip, UTF-8', wireBody(gzipSync(Buffer.from('<p>政务 😀</p>')), 'utf-8'), '<p>政务 😀</p>'],
    ['the server\'s gzip, UTF-8 with a BOM (not text)', wireBody(gzipSync(Buffer.from([...bom, ...Buffer.from('<p>政务</p>')])), 'utf-8'), '<p>政务</p>'],
    ['the server\'s gzip, GBK', wireBody(gzipSync(Buffer.from('3c703ec8abcfd83c2f703e', 'hex')), 'gb18030'), '<p>全县</p>'],
    // a body cut at the size cap may end inside a character
    ['the server\'s gzip, UTF-8 cut inside a character', wireBody(gzipSync(Buffer.from([...Buffer.from('<p>政务'), 0xe5, 0x85])), 'utf-8'), '<p>政务\uFFFD'],
  ])('%s', (_name, body: ReturnType<typeof storedBody>, text: string) => {
    db.prepare('INSERT OR IGNORE INTO bodies (hash, data, format, charset) VALUES (?, ?, ?, ?)').run(body.hash, body.gz, body.format, body.charset);
    expect(fetches.bodyText(body.hash)).toBe(text);
  });
});
