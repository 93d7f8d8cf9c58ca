import { HOME_NOT_READ, type CheckFacts, type CheckResult } from './types.js';

/**
 * Why the letters rules cannot judge a site of whose letters none was read though it has a working
 * mailbox: its mailbox lists them by script, or no mailbox page was read (a 县长信箱 on the city's
 * 12345 platform, another host the registry does not name as the site's mailbox). No letter read
 * there is no evidence of none answered; nor, with its home page not read, is any letter of a mailbox
 * on another host (see HOME_NOT_READ). Null when they can judge.
 */
export function lettersNotRead({ home, mailboxes, letters }: Pick<CheckFacts, 'home' | 'mailboxes' | 'letters'>): (CheckResult & { kind: 'not-assessed' }) | null {
  if (!home) return HOME_NOT_READ;
  const working = mailboxes.filter((m) => !m.imageOnly && !m.dead);
  if (letters.length > 0 || working.length === 0) return null;
  if (working.some((m) => m.scripted)) return { kind: 'not-assessed', reason: 'the mailbox lists its letters by script: none could be read' };
  if (working.some((m) => m.read)) return null;
  return { kind: 'not-assessed', reason: `no mailbox page was read (${working[0]!.href}): another host's pages are crawled only when the registry names them as the site's mailbox` };
}
