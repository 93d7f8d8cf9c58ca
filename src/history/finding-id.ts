import { createHash } from 'node:crypto';
import type { Finding } from '../checks/types.js';

/**
 * The evidence that names *which* problem a finding is, beyond its rule and page: what must not
 * change while the problem stays the same (a stale column's lastUpdate or a letter's daysOpen move
 * between runs; its column and its title do not).
 */
const IDENTITY: Record<string, readonly string[]> = {
  'dead-link': ['target'],
  'attachment-broken': ['target'],
  'column-stale': ['column'],
  'column-empty': ['column'],
  'mailbox-image-only': ['label'],
  'letter-unanswered': ['title', 'asked'],
  'duplicate-article': ['pages'],
  'forged-date': ['date'],
};

/** `rule-xxxxxxxxxx`: the same problem of the same site gets the same id in every run. */
export function findingId(siteId: string, finding: Finding): string {
  const identity = (IDENTITY[finding.rule] ?? []).map((k) => finding[k]);
  const hash = createHash('sha1').update(JSON.stringify([siteId, finding.rule, finding.url, identity])).digest('hex').slice(0, 10);
  return `${finding.rule}-${hash}`;
}

/** Ids for a site's findings; repeats of one problem (a rule priced per percentage point) are numbered. */
export function findingIds(siteId: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const id = findingId(siteId, f);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
