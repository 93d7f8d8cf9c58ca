import { describe } from 'node:test';
import { expect } from 'expect';
import { lettersUnanswered } from '../../src/checks/letters-unanswered.js';
import { runCheck } from '../../src/checks/run.js';
import type { SeenLetter } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { factsFor, letterFacts } from './factsfor.js';

const letter = letterFacts;

describe('letters-unanswered', () => {
  cases([
    ['open exactly 90 days is not yet overdue', letter({ asked: '2026-08-17' }), []],
    ['open 91 days is overdue', letter({ asked: '2026-08-16' }), [{ rule: 'letter-unanswered', url: 'http://x.gov.cn/l/1.html', title: '关于路灯的反映', asked: '2026-08-16', daysOpen: 91 }]],
    ['unanswered but asked over a year ago is outside the window', letter({ asked: '2025-11-14' }), []],
    ['answered letters are fine', letter({ asked: '2026-05-01', status: 'answered', replied: '2026-05-03' }), []],
    ['a reply date without a status counts as answered', letter({ asked: '2026-05-01', status: null, replied: '2026-05-03' }), []],
    ['未回复 counts as open', letter({ asked: '2026-05-01', status: 'unanswered' }), [{ rule: 'letter-unanswered', url: 'http://x.gov.cn/l/1.html', title: '关于路灯的反映', asked: '2026-05-01', daysOpen: 198 }]],
    ['a letter whose row opens it by script is cited by the list it was read on', letter({ asked: '2026-05-01', href: null }), [{ rule: 'letter-unanswered', url: 'http://x.gov.cn/l/', title: '关于路灯的反映', asked: '2026-05-01', daysOpen: 198 }]],
  ])('%s', (_name, l: SeenLetter, expected: object[]) => {
    expect(runCheck(lettersUnanswered, factsFor({ letters: [l] }), '2026-11-15')).toEqual({ kind: 'findings', findings: expected });
  });
});
