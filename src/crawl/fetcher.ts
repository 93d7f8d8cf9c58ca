import { isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient, type ClientOptions, type RequestOptions } from './http-client.js';
import type { FetchOutcome } from './outcome.js';
import { Politeness } from './politeness.js';
import { followRedirects, withCookie } from './redirects.js';
import { parseRetryAfter, withRetry, type RetryPolicy } from './retry.js';
import { HostResolver, type Resolve } from './resolver.js';
import { GivenUpHosts } from './given-up-hosts.js';
import { controlsOver, unanswered, type NetworkControls } from './controls.js';
import { withHttpsUpgrade } from './https-upgrade.js';
import { isIntranetHost } from './intranet.js';
import { neverAsked, refusal } from './never-asked.js';
import { refererHeader } from './referer.js';
import { bareHostname } from './scope.js';

export interface FetcherOptions extends ClientOptions {
  concurrency: number;
  /** requests at once to one resolved IP, across all the hosts it serves */
  perIp: number;
  delayMs: number;
  retry: RetryPolicy;
  /** how host names are looked up (tests give real-looking names loopback addresses) */
  resolve?: Resolve;
  /** host names known to be public sites' (the registry's: see intranetName) */
  publicName?: (hostname: string) => boolean;
  /** URLs known to be up, asked when a request gets no answer (see NetworkControls and Fetcher.online) */
  controls?: readonly string[];
  /** how often they are asked while this machine's network is down, and for how long at most (tests shorten them) */
  outagePollMs?: number;
  maxOutageMs?: number;
}

/**
 * One polite fetch: every hop of a redirect chain takes the slots of its origin and IP,
 * is retried on transient failures, and a Retry-After holds the whole host, not only this request;
 * a host that stopped answering, or throttles every request, is not asked again (GivenUpHosts).
 */
export class Fetcher {
  readonly politeness: Politeness;
  private readonly client: HttpClient;
  private readonly resolver: HostResolver;
  private readonly givenUp = new GivenUpHosts();
  private readonly controls: NetworkControls | null;

  constructor(private readonly options: FetcherOptions) {
    this.resolver = new HostResolver(options.resolve);
    this.client = new HttpClient({ ...options, lookup: this.resolver.lookup });
    this.politeness = new Politeness(options.concurrency, (key) => (key.startsWith('ip:') ? options.perIp : options.perHost), options.delayMs);
    this.controls = controlsOver(this.client, options.controls, options.outagePollMs, options.maxOutageMs);
  }

  static originKey(url: string): string {
    return `host:${new URL(url).host}`;
  }

  /**
   * `stubs`: follow a stub page (meta refresh, a script that only sets the location) as a redirect (see
   * followRedirects). `recheck`: the re-check of an inconclusive answer, which asks a host given up on once more (see GivenUpHosts).
   * `upgradeOnTimeout`: a home page's `http://` address that times out is asked over HTTPS too (see withHttpsUpgrade).
   * `referrer`: the page that links to it, named in each hop's Referer as a browser names it (see refererHeader).
   */
  fetch(url: string, request: RequestOptions, { stubs = false, recheck = false, upgradeOnTimeout = false, referrer = null as string | null } = {}): Promise<FetchOutcome> {
    return withHttpsUpgrade(url, (from) => this.chain(from, request, { stubs, recheck, referrer }), { proxied: this.client.proxiedFor(url), onTimeout: upgradeOnTimeout });
  }

  /** A redirect chain from `url`, each hop polite and retried, none that would never be asked (see neverAsked). */
  private chain(url: string, request: RequestOptions, { stubs, recheck, referrer }: { stubs: boolean; recheck: boolean; referrer: string | null }): Promise<FetchOutcome> {
    return followRedirects(url, async (hopUrl, cookie) => {
      // a redirect into a local network (or to a local file) from a public address is not followed there
      const refused = hopUrl === url ? null : neverAsked(hopUrl, url);
      if (refused) return refused;
      const asked = withCookie({ ...request, headers: { ...request.headers, ...refererHeader(referrer, hopUrl) } }, cookie);
      return (await this.intranetName(hopUrl, hopUrl === url ? referrer : url)) ?? this.online(hopUrl, () => withRetry(() => this.hop(hopUrl, asked, recheck), this.options.retry));
    }, { stubs });
  }

  /**
   * A host *name* whose every address is on a local network (an office system in public DNS:
   * oa.x.gov.cn → 10.1.2.3), reached from a public page: not asked, as an intranet address written
   * out is not (see neverAsked) — the request would reach the inspector's own network. Behind a proxy
   * the proxy resolves names: nothing to tell here. A site on a local network itself (an intranet
   * audit) links freely, and an address the registry gives (no page links to it) is asked — and so
   * is any page of a host the registry names: a government network's DNS gives its own sites' names
   * office addresses (split DNS), and a public page's link to such a site is to a public site.
   */
  private async intranetName(url: string, from: string | null): Promise<FetchOutcome | null> {
    if (from === null || this.client.proxiedFor(url)) return null;
    const host = hostnameOf(url);
    if (isIP(host) || this.options.publicName?.(host) || !(await this.onIntranet(host)) || (await this.onIntranet(hostnameOf(from)))) return null;
    return refusal(url, 'EPRIVATE', `${host} resolves to an intranet address, reached from the public ${from}`);
  }

  private onIntranet(host: string): Promise<boolean> {
    if (isIP(host) || isIntranetHost(host)) return Promise.resolve(isIntranetHost(host));
    return this.resolver.addresses(host).then((all) => all.length > 0 && all.every((a) => isIntranetHost(a.address)), () => false);
  }

  /**
   * An answer, or a failure that is the site's: a request that got no answer while no control URL
   * answers either (this machine's network is down) waits for the network and is asked again, and
   * the hosts' silences meanwhile are forgotten. A network down past the longest outage: EOFFLINE,
   * inconclusive, never a dead link.
   */
  private async online(url: string, ask: () => Promise<FetchOutcome>): Promise<FetchOutcome> {
    for (let tries = 1; ; tries++) {
      const started = Date.now();
      const outcome = await ask();
      // behind a proxy that cannot be reached, no answer is a site's: without controls to wait on, the
      // request is asked again over about half a minute (a proxy restarting), then the run stops
      if (this.controls === null) {
        const unreachable = this.client.unreachableProxy(url, outcome);
        if (!unreachable) return outcome;
        if (tries > PROXY_RETRIES) throw unreachable;
        await sleep(this.options.retry.baseDelayMs * 2 ** (tries - 1));
        continue;
      }
      if (!unanswered(outcome, this.client.proxiedFor(url)) || (await this.controls.reachableSince(started))) return outcome;
      this.givenUp.forgetSilences();
      if (!(await this.controls.back())) {
        const said = outcome.ok ? `${outcome.status} from the proxy` : `${outcome.code} ${outcome.message}`;
        return { ok: false, code: 'EOFFLINE', message: `this machine's network was down: no control URL answered (${this.controls.urls.join(', ')}); the request said: ${said}`, finalUrl: outcome.finalUrl, redirects: outcome.redirects, ms: outcome.ms };
      }
    }
  }

  private async hop(url: string, request: RequestOptions, recheck: boolean): Promise<FetchOutcome> {
    const origin = Fetcher.originKey(url);
    const keys = [origin];
    const ip = this.client.proxiedFor(url) ? null : await this.ipOf(hostnameOf(url));
    if (ip) keys.push(`ip:${ip}`);
    // asked when the host's turn comes: it may have been given up on while this request waited for it
    const outcome = await this.politeness.run(keys, () => this.givenUp.ask(origin, url, recheck, () => this.client.send(url, request)));
    if (outcome.ok && (outcome.status === 429 || outcome.status === 503)) {
      const wait = parseRetryAfter(outcome.headers['retry-after'], Date.now());
      if (wait !== null && wait <= this.options.retry.maxRetryAfterMs) this.politeness.pause(keys[0]!, wait);
    }
    return outcome;
  }

  /** The IP a host resolves to (looked up once, see HostResolver). Not asked behind a proxy: the proxy resolves, so only the origin key applies. */
  private ipOf(host: string): Promise<string | null> {
    if (isIP(host)) return Promise.resolve(host);
    return this.resolver.addresses(host).then((all) => all[0]?.address ?? null, () => null);
  }

  /** See HttpClient.interceptingIssuer. */
  interceptingIssuer(hosts: number): { issuer: string; origins: number } | null {
    return this.client.interceptingIssuer(hosts);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** asked again this often, the retries' backoff doubled each time (0.5 … 16 s by default: about half a minute), before a proxy that cannot be reached stops the run */
const PROXY_RETRIES = 6;

/** A URL's host name as lookups and isIP take it (an IPv6 literal without its brackets). */
const hostnameOf = (url: string): string => bareHostname(new URL(url));
