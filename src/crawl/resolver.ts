import type { LookupAddress } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

/** A host name's addresses: by default the system's resolver (getaddrinfo: /etc/hosts, then DNS). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const system: Resolve = (hostname) => systemLookup(hostname, { all: true });

/**
 * One lookup per host name for the whole crawl, shared by the per-IP politeness key and every
 * connection to the host. Node otherwise looks the name up again for each new connection, on
 * libuv's pool of 4 threads and inside the request's deadline: in a sweep of thousands of hosts,
 * the lookups of names whose name servers never answer (each held for the resolver's own timeouts)
 * would hold a healthy host's lookup in the queue until its deadline passed, a false timeout of a
 * site that is up. A failed lookup is kept too (a dead host is looked up once, not at every retry),
 * except a temporary one (EAI_AGAIN), which the retry looks up again.
 */
export class HostResolver {
  private readonly known = new Map<string, Promise<LookupAddress[]>>();

  constructor(private readonly resolve: Resolve = system) {}

  addresses(hostname: string): Promise<LookupAddress[]> {
    let found = this.known.get(hostname);
    if (!found) {
      found = this.resolve(hostname);
      this.known.set(hostname, found);
      found.catch((e: unknown) => {
        if ((e as { code?: string })?.code === 'EAI_AGAIN') this.known.delete(hostname);
      });
    }
    return found;
  }

  /** `lookup` for net.connect (undici's connect options), answered from the same lookups. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    this.addresses(hostname).then((all) => {
      const usable = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
      if (usable.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '', 0);
      if (options.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    }, (e: NodeJS.ErrnoException) => callback(e, '', 0));
  };
}
