import type { CheckFacts, CheckResult } from './types.js';

/**
 * Why the letters rules cannot judge a site of whose letters none was read though it has a working
 * mailbox: its mailbox lists them by script, or no mailbox page was read (a 县长信箱 on the city's
 * 12345 platform, another host the registry does not name as the site's mailbox). No letter read
 * there is no evidence of none answered (a site whose home page was not read is not judged at all,
 * see homeNotRead). Null when they can judge.
 */
export function lettersNotRead({ mailboxes, letters }: Pick<CheckFacts, 'mailboxes' | 'letters'>): (CheckResult & { kind: 'not-assessed' }) | null {
  const working = mailboxes.filter((m) => !m.imageOnly && !m.dead);
  if (letters.length > 0 || working.length === 0) return null;
  if (working.some((m) => m.scripted)) return { kind: 'not-assessed', reason: 'the mailbox lists its letters by script: none could be read' };
  if (working.some((m) => m.read)) return null;
  return { kind: 'not-assessed', reason: `no mailbox page was read (${working[0]!.href}): another host's pages are crawled only when the registry names them as the site's mailbox` };
}
