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

/**
 * `rule-xxxxxxxxxx`: the same problem of the same site gets the same id in every run. The site's own
 * scheme and host are left out, so a site that moves to HTTPS keeps its open problems.
 */
export function findingId(siteId: string, siteUrl: string, finding: Finding): string {
  const own = new URL(siteUrl).origin;
  const local = (v: unknown): unknown => (typeof v === 'string' ? (v === own || v.startsWith(`${own}/`) ? v.slice(own.length) || '/' : v) : Array.isArray(v) ? v.map(local) : v);
  const identity = (IDENTITY[finding.rule] ?? []).map((k) => local(finding[k]));
  const hash = createHash('sha1').update(JSON.stringify([siteId, finding.rule, local(finding.url), identity])).digest('hex').slice(0, 10);
  return `${finding.rule}-${hash}`;
}

/** Ids for a site's findings; repeats of one problem (a rule priced per percentage point) are numbered. */
export function findingIds(siteId: string, siteUrl: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const id = findingId(siteId, siteUrl, f);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
