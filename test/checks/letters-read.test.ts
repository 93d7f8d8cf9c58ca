import { describe } from 'node:test';
import { expect } from 'expect';
import { lettersUnanswered } from '../../src/checks/letters-unanswered.js';
import { noPublishedReplies } from '../../src/checks/no-published-replies.js';
import { replyBoilerplate } from '../../src/checks/reply-boilerplate.js';
import { runCheck } from '../../src/checks/run.js';
import { slowReplies } from '../../src/checks/slow-replies.js';
import type { MailboxFacts, SeenLetter } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { factsFor, letterFacts, mailboxFacts } from './factsfor.js';

const UNREAD = "no mailbox page was read (http://x.gov.cn/xx/): another host's pages are crawled only when the registry names them as the site's mailbox";
const SCRIPTED = 'the mailbox lists its letters by script: none could be read';

/** The letters rules when no letter could be read (letters-read.ts): not assessed, never a silent pass or a deduction on no evidence. */
describe('letters rules with no letter read', () => {
  for (const check of [lettersUnanswered, noPublishedReplies, slowReplies, replyBoilerplate]) {
    cases([
      ['a working mailbox whose page was not read (another host, not named in the registry)', [mailboxFacts({ read: false })], [], UNREAD],
      ['a mailbox that lists its letters by script', [mailboxFacts({ scripted: true })], [], SCRIPTED],
      ['… beside one that lists none in its HTML: its letters may be there', [mailboxFacts(), mailboxFacts({ label: '我要写信', href: 'http://x.gov.cn/xj/', scripted: true })], [], SCRIPTED],
      ['a mailbox read that lists none', [mailboxFacts()], [], null],
      ['letters read elsewhere on the site are judged', [mailboxFacts({ read: false })], [letterFacts({ status: 'answered', replied: '2026-08-03' })], null],
      ['no working mailbox: no-consultation-channel\'s to judge', [mailboxFacts({ read: false, dead: true, scripted: true })], [], null],
    ])(`${check.meta.id}: %s`, (_what, mailboxes: MailboxFacts[], letters: SeenLetter[], reason: string | null) => {
      const result = runCheck(check, factsFor({ mailboxes, letters }), '2026-11-15');
      if (reason) expect(result).toEqual({ kind: 'not-assessed', reason });
      else expect(result.kind).not.toBe('not-assessed');
    });
  }
});
