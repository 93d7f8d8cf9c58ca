import type { SiteReport } from '../report/model.js';

/**
 * Sites about to be named in an official document whose registered address is an inner page of the
 * site at a root (see innerPageOf): judged on what that page lacks, perhaps. One stderr line each,
 * `before` saying when to check (before sending, before publishing).
 */
export function reportInnerPages(sites: readonly SiteReport[], before: string): void {
  for (const s of sites) {
    if (s.innerPageOf) process.stderr.write(`check ${before}: site ${s.id} is registered at ${s.url}, an inner page whose 首页 link leads to ${s.innerPageOf}\n`);
  }
}
