import { isIP } from 'node:net';
import { normaliseUrl } from './scope.js';

/**
 * The registry's sites by host: to keep each site's scope off the others' (ownedElsewhere), and to
 * tell a site that merged into another registered site from one that moved (mergedInto). Under
 * 集约化 a department's or town's site is folded into the portal, and its old address must then
 * lead there (a redirect, or a stub page): crawled as a site that moved, the portal's pages were
 * judged as the old site's (a not-updated, empty-columned site, sent a notice for what the portal
 * is assessed for in its own right). A home page that lands on another registered site's host, or
 * on its own parent domain's, is that site's: the old one is merged, and not assessed.
 *
 * Hosts compare without `www.` (x.gov.cn and www.x.gov.cn are one site) and with their port; a
 * subdomain is not its parent (fgw.x.gov.cn moving to a new host of x.gov.cn is a move). The sites
 * are every site the database knows (knownSites): each shard imports the whole registry, so a site
 * merged into one of another shard's is known as such; a monthly sample, when the whole registry was
 * imported into its database before.
 */
export class RegisteredSites {
  private readonly byHost = new Map<string, { id: string; path: string }[]>();
  /** the sites on each host name (without `www.` and port): whose subdomains are whose */
  private readonly byName = new Map<string, Set<string>>();
  /** each registered mailbox's sites (as the crawl spells the address) */
  private readonly mailboxes = new Map<string, Set<string>>();
  /** the host names of registered mailboxes (without `www.`) */
  private readonly mailboxNames = new Set<string>();

  constructor(sites: readonly { id: string; url: string; mailboxes?: readonly string[] }[]) {
    for (const s of sites) {
      for (const m of s.mailboxes ?? []) {
        const url = normaliseUrl(m, m);
        if (url) this.mailboxes.set(url, (this.mailboxes.get(url) ?? new Set()).add(s.id));
        const at = url ? where(url) : null;
        if (at) this.mailboxNames.add(at.name);
      }
      const at = where(s.url);
      if (!at) continue;
      const here = this.byHost.get(at.host) ?? [];
      here.push({ id: s.id, path: at.path });
      this.byHost.set(at.host, here);
      const named = this.byName.get(at.name) ?? new Set();
      this.byName.set(at.name, named.add(s.id));
    }
  }

  /**
   * A host that is another registered site's, or under it: a province's portal at hainan.gov.cn
   * has its counties at tunchang.hainan.gov.cn (87 such pairs among the 3,208 county portals). A
   * site's subdomains are the site's, but not those: the province linking to its counties is linking
   * to other sites (checked, not crawled as the province's pages, nor their dead links its own).
   * The nearest registered host above it decides.
   */
  ownedElsewhere(hostname: string, siteId: string): boolean {
    for (let name = hostname.toLowerCase().replace(/^www\./, ''); ; ) {
      const owners = this.byName.get(name);
      if (owners) return !owners.has(siteId);
      const dot = name.indexOf('.');
      if (dot < 0) return false;
      name = name.slice(dot + 1);
    }
  }

  /**
   * A host name the registry gives a site or a mailbox (`www.` aside; not its subdomains): a public
   * site's, whatever address this machine's DNS gives it (see Fetcher.intranetName).
   */
  registersName(hostname: string): boolean {
    const name = hostname.toLowerCase().replace(/^www\./, '');
    return this.byName.has(name) || this.mailboxNames.has(name);
  }

  /**
   * Another site's registered mailbox (not this one's too): a district's 区长信箱 on the city's portal
   * (www.cq.gov.cn holds 33 districts' in county-mailboxes.csv). Its letters are the district's; the
   * city linking to it is not the city's own mailbox, and its overdue letters are not the city's veto.
   */
  mailboxElsewhere(url: string, siteId: string): boolean {
    const owners = this.mailboxes.get(url);
    return owners !== undefined && !owners.has(siteId);
  }

  /** Another site is registered in this address's folder (`www.` aside): at a host's root, that host's site. */
  registeredElsewhere(url: string, siteId: string): boolean {
    const at = where(url);
    return at !== null && (this.byHost.get(at.host) ?? []).some((s) => s.id !== siteId && s.path === at.path);
  }

  /**
   * Whether the site merged, where its home page ended up (`landing`) says: `into` the registered site
   * whose host that is (another site than this one, not on this site's own host; among sites sharing
   * the host, the one whose address is the longest prefix of the landing page's), or into its parent
   * domain's site, registered or not (`into` null: fgw.x.gov.cn sent to www.x.gov.cn/col/…, a closed
   * site sent to www.gov.cn — a department's site moves to a new domain of its own, not into its
   * portal's). Null when it did not merge: a site that moved elsewhere is crawled there.
   */
  mergedInto(site: { id: string; url: string }, landing: string): { into: string | null } | null {
    const own = where(site.url);
    const there = where(landing);
    if (!own || !there || there.host === own.host) return null;
    const candidates = (this.byHost.get(there.host) ?? []).filter((s) => there.path.startsWith(s.path)).sort((a, b) => b.path.length - a.path.length);
    const into = candidates[0];
    if (into) return into.id === site.id ? null : { into: into.id };
    return !isIP(own.name) && own.name.endsWith(`.${there.name}`) ? { into: null } : null;
  }
}

/** A URL's host (port kept, `www.` and case dropped), its host name alone, and its path up to its last `/`. */
function where(url: string): { host: string; name: string; path: string } | null {
  const u = URL.parse(url);
  return u === null ? null : { host: u.host.toLowerCase().replace(/^www\./, ''), name: u.hostname.toLowerCase().replace(/^www\./, ''), path: u.pathname.replace(/[^/]*$/, '') };
}
