import { describe } from 'node:test';
import { expect } from 'expect';
import { noConsultationChannel } from '../../src/checks/no-consultation-channel.js';
import { runCheck } from '../../src/checks/run.js';
import type { MailboxFacts } from '../../src/facts/site-facts.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import { factsFor, mailboxFacts } from './factsfor.js';

const box = mailboxFacts;
const home = {} as PageFacts;

describe('no-consultation-channel', () => {
  cases([
    ['a working mailbox', [box({})], []],
    ['one picture-only box and one working', [box({ href: '#', imageOnly: true }), box({ label: '我要咨询' })], []],
    ['a picture that links nowhere', [box({ href: '#', imageOnly: true })], [{ rule: 'mailbox-image-only', url: 'http://x.gov.cn/', label: '县长信箱', href: '#' }]],
    ['a link to a dead page', [box({ dead: true })], [{ rule: 'mailbox-image-only', url: 'http://x.gov.cn/', label: '县长信箱', href: 'http://x.gov.cn/xx/ (dead)' }]],
    ['no entry at all', [], [{ rule: 'no-consultation-channel', url: 'http://x.gov.cn/', label: null, href: null }]],
  ])('%s', (_name, mailboxes: MailboxFacts[], expected: object[]) => {
    expect(runCheck(noConsultationChannel, factsFor({ mailboxes, home }), '2026-11-15')).toEqual({ kind: 'findings', findings: expected });
  });

  cases([['the home page was not fetched', null]])('%s: not assessed, never a pass', (_name, h) => {
    expect(runCheck(noConsultationChannel, factsFor({ home: h }), '2026-11-15')).toEqual({ kind: 'not-assessed', reason: 'the home page was not fetched' });
  });
});
