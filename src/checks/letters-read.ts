import type { CheckFacts, CheckResult } from './types.js';

/**
 * Why the letters rules cannot judge a site whose working mailboxes were found but none of whose
 * pages was read (a 县长信箱 on the city's 12345 platform, another host the registry does not name as
 * the site's mailbox): no letter read there is no evidence of none answered. Null when they can.
 */
export function lettersNotRead({ mailboxes, letters }: Pick<CheckFacts, 'mailboxes' | 'letters'>): (CheckResult & { kind: 'not-assessed' }) | null {
  const working = mailboxes.filter((m) => !m.imageOnly && !m.dead);
  if (letters.length > 0 || working.length === 0 || working.some((m) => m.read)) return null;
  return { kind: 'not-assessed', reason: `no mailbox page was read (${working[0]!.href}): another host's pages are crawled only when the registry names them as the site's mailbox` };
}
