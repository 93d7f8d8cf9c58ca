import { describe } from 'node:test';
import { expect } from 'expect';
import { writtenHtml } from '../../src/extract/written-html.js';
import { cases } from '../helpers/cases.js';

describe('writtenHtml: what a script writes into its page', () => {
  cases([
    ['an "HTML to JS" converter\'s lines', 'document.writeln("<div class=\\"footer\\">");\ndocument.writeln("网站标识码：3601000001");\ndocument.writeln("<\\/div>");', '<div class="footer">网站标识码：3601000001</div>'],
    ['literals joined across lines', "document.write('<p>&copy; 万载县人民政府 ' +\n  '赣ICP备05004173号</p>');", '<p>&copy; 万载县人民政府 赣ICP备05004173号</p>'],
    ['a call with a variable writes nothing here (a pager\'s page numbers: a link that is not the page\'s)', "document.write('<a href=\"index_' + (page - 1) + '.html\">上一页</a>'); document.write('<b>ok</b>')", '<b>ok</b>'],
    ['escapes: \\x, \\u, a line continuation, quotes', "document.write('\\x3Cspan\\x3E\\u7f51\\u7ad9 \\'a\\' \\\n\"b\"\\x3C/span\\x3E')", "<span>网站 'a' \"b\"</span>"],
    ['a plain template literal is read, one with ${…} is not', 'document.write(`<em>备案</em>`); document.write(`<em>${name}</em>`)', '<em>备案</em>'],
    ['a call\'s result is not read (unescape(\'%3C…\'), as statistics counters write theirs)', "document.write(unescape('%3Cb%3E') + '<b>y</b>')", ''],
    ['calls in comments are not made', "// document.write('<p>old</p>')\n/* document.write('<p>older</p>') */\ndocument.write('<p>now</p>')", '<p>now</p>'],
    ['a string that mentions a call is no call', "var s = \"document.write('x')\"; mydocument.write('y'); document.write ( '<i>z</i>' )", '<i>z</i>'],
    ['no call: nothing', "$('#f').html('<p>a</p>')", ''],
    ['an unterminated literal ends at its line', "document.write('<p>a);\ndocument.write('<p>b</p>')", '<p>a);<p>b</p>'],
  ])('%s', (_what, code, html) => {
    expect(writtenHtml(code)).toBe(html);
  });
});
