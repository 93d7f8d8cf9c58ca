import { describe } from 'node:test';
import { expect } from 'expect';
import { withoutComments } from '../../src/extract/js-code.js';
import { cases } from '../helpers/cases.js';

describe('withoutComments: script text as it runs', () => {
  cases([
    ['a line comment, to its end', "a(); // b();\nc();", 'a(); \nc();'],
    ['a block comment, over lines', 'a(); /* b();\nc(); */ d();', 'a();  d();'],
    ['strings keep their // and /*', "load('http://x.gov.cn/a.html'); s = \"/* not a comment */\"; t = `//`;", "load('http://x.gov.cn/a.html'); s = \"/* not a comment */\"; t = `//`;"],
    ['an escaped quote stays inside its string', "s = 'it\\'s // here'; // gone", "s = 'it\\'s // here'; "],
    ['division is no comment', 'x = a / b / c;', 'x = a / b / c;'],
    ['an unclosed block comment runs to the end', 'a(); /* b();', 'a(); '],
  ])('%s', (_what, code: string, expected: string) => {
    expect(withoutComments(code)).toBe(expected);
  });
});
