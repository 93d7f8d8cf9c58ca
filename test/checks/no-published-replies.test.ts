import { describe } from 'node:test';
import { expect } from 'expect';
import { noPublishedReplies } from '../../src/checks/no-published-replies.js';
import { runCheck } from '../../src/checks/run.js';
import type { Letter } from '../../src/extract/letters.js';
import type { MailboxFacts, SeenLetter } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { factsFor, letterFacts, mailboxFacts } from './factsfor.js';

const mailbox = mailboxFacts();
const letter = (asked: string, status: Letter['status']) => letterFacts({ href: `http://x.gov.cn/xx/${asked}.html`, asked, status });
const finding = { kind: 'findings', findings: [{ rule: 'no-published-replies', url: 'http://x.gov.cn/', days: 60 }] };

describe('no-published-replies', () => {
  cases([
    ['an answered letter within 60 days', [letter('2026-10-20', 'answered')], mailbox, { kind: 'findings', findings: [] }],
    ['only older answers', [letter('2026-08-01', 'answered')], mailbox, finding],
    ['no letter read on a mailbox that lists its letters in its HTML', [], mailbox, finding],
    ['no letter read because the mailbox lists them by script: not assessed', [], mailboxFacts({ scripted: true }),
      { kind: 'not-assessed', reason: 'the mailbox lists its letters by script: none could be read' }],
  ])('%s', (_what, letters: SeenLetter[], box: MailboxFacts, expected: object) => {
    expect(runCheck(noPublishedReplies, factsFor({ mailboxes: [box], letters }), '2026-11-15')).toEqual(expected);
  });
});
