import { describe } from 'node:test';
import { expect } from 'expect';
import { lettersUnanswered } from '../../src/checks/letters-unanswered.js';
import { runCheck } from '../../src/checks/run.js';
import type { MailboxFacts, SeenLetter } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { factsFor, letterFacts, mailboxFacts } from './factsfor.js';

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

  cases([
    ['a working mailbox whose page was not read, no letter: not assessed, not a pass', [mailboxFacts({ read: false })], false, 'not-assessed'],
    ['a mailbox that lists its letters by script, none read: not assessed', [mailboxFacts()], true, 'not-assessed'],
    ['a working mailbox read, no letter: nothing unanswered', [mailboxFacts()], false, 'none'],
    ['no working mailbox (no-consultation-channel\'s veto): nothing to judge here', [mailboxFacts({ read: false, dead: true })], false, 'none'],
  ])('no letter read: %s', (_what, mailboxes: MailboxFacts[], lettersScripted: boolean, outcome: 'not-assessed' | 'none') => {
    expect(runCheck(lettersUnanswered, factsFor({ mailboxes, letters: [], lettersScripted }), '2026-11-15')).toMatchObject(outcome === 'none' ? { kind: 'findings', findings: [] } : { kind: 'not-assessed' });
  });
});
