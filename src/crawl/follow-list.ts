import { EMBEDDING_TAGS, navigates, type StoredLink } from '../extract/links.js';
import type { LinkRole, PageRole } from './priorities.js';
import { hasVerdict } from './scope.js';

/**
 * What a page offers the crawl to follow: each distinct http(s) target once, in page order, with the
 * role the page's facts give it and whether its first reference navigates (a page) or not (a resource
 * to check). Made where the page is analysed (a worker thread), one line a target — `+role target` or
 * `-role target` — so the main thread splits a string instead of parsing the page's whole link set.
 */
export type FollowList = string;

export const NOTHING_TO_FOLLOW: FollowList = '';

/** `from`: the linking page's role; the frames a home page embeds are part of it (role 'frame'). */
export function followList(links: readonly StoredLink[], roles: readonly LinkRole[], from: PageRole): FollowList {
  const roleOf = new Map(roles.map((r) => [r.url, r.role]));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [target, tag, , scheme] of links) {
    // javascript:, mailto:, tel: are recorded, never checked; a local file or a malformed address is checked without a request
    if (!hasVerdict(scheme) || seen.has(target)) continue;
    seen.add(target);
    // the home page's scripts are read too: what they write into it is part of it (a footer drawn by document.write)
    const part = from === 'home' && (EMBEDDING_TAGS.has(tag) || tag === 'script');
    lines.push(`${navigates(tag) || part ? '+' : '-'}${roleOf.get(target) ?? (part ? 'frame' : 'page')} ${target}`);
  }
  return lines.join('\n');
}

/** A line's role and target: what names it in a site's set of links already offered. */
export const followKey = (line: string): string => line.slice(1);

export interface ToFollow {
  target: string;
  role: PageRole;
  navigable: boolean;
}

export function readFollowLine(line: string): ToFollow {
  const space = line.indexOf(' ');
  return { target: line.slice(space + 1), role: line.slice(1, space) as PageRole, navigable: line[0] === '+' };
}
