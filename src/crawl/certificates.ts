import { Agent, type AgentOptions, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket, type PeerCertificate, type SecureContext } from 'node:tls';
import { buildConnector, Pool, type Dispatcher } from 'undici';

/**
 * Certificate verification failures a page is read through: the server answered and its page is
 * there, behind a certificate a browser warns about (expired, self-signed, another name) or one Node
 * cannot chain where a browser can (an intermediate the server does not send: browsers fetch it, Node
 * does not). Not other faults (revoked, not for a server) nor handshake failures (a protocol no client
 * speaks): no one reads those pages.
 */
const READ_THROUGH = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);

/** How a site's certificate refused by its judgement begins (any other ECERT is another connection's: a proxy's own) */
export const SITE_CERTIFICATE_REFUSED = 'certificate not verified: ';

/**
 * Origins' certificate faults pages are read through (see READ_THROUGH), and who issued each faulty
 * certificate: one issuer behind many hosts' faults, through a proxy, is most likely that proxy
 * inspecting HTTPS (re-signing every site's certificate with its own CA), not the sites.
 */
export class CertificateFaults extends Map<string, string> {
  private readonly issuers = new Map<string, Set<string>>();

  /** `origin`'s certificate failed with `fault`, issued by `issuer` */
  note(origin: string, fault: string, issuer: string): void {
    this.set(origin, fault);
    let origins = this.issuers.get(issuer);
    if (!origins) this.issuers.set(issuer, (origins = new Set()));
    origins.add(origin);
  }

  /** The issuer of at least `hosts` origins' faulty certificates, if one is. */
  commonIssuer(hosts: number): { issuer: string; origins: number } | null {
    for (const [issuer, origins] of this.issuers) if (origins.size >= hosts) return { issuer, origins: origins.size };
    return null;
  }
}

let shared: SecureContext | undefined;

/**
 * TLS options for connections that judge the certificate themselves (see certificateCheckedPools),
 * all with one context: Node builds one a connection otherwise (the CA store's settings each time:
 * 0.35 ms of the main thread a connection, one a host in a sweep).
 */
export const judgedTls = (): { rejectUnauthorized: false; secureContext: SecureContext } => ({ rejectUnauthorized: false, secureContext: (shared ??= createSecureContext()) });

/**
 * Pools (undici's Agent `factory`) whose TLS connections are made once, judged by Node's own
 * verification (chain and host name) and kept: a fault pages are read through (READ_THROUGH: expired,
 * self-signed, another name, an unsent intermediate) is written into `faults` under the origin before
 * the connection carries a request; any other fails the connection as a verifying client would.
 * Rejecting and then connecting again without verification took a refused handshake more for each
 * such host, and a verifying pool and a lenient one that never shared a TLS session. Connections must
 * be made with judgedTls() (a verifying connection never gets here with a fault).
 */
export function certificateCheckedPools(faults: CertificateFaults): (origin: string | URL, options: Pool.Options) => Dispatcher {
  return (origin, options) => {
    const connect = typeof options.connect === 'function' ? options.connect : buildConnector({ ...options.connect });
    return new Pool(origin, { ...options, connect: judged(connect, faults) });
  };
}

/** A connector whose TLS sockets are judged as certificateCheckedPools says. */
export function judged(connect: buildConnector.connector, faults: CertificateFaults): buildConnector.connector {
  return (options, callback) => connect(options, (error, socket) => {
    if (error) return void callback(error, null);
    const refused = socket instanceof TLSSocket ? judgement(socket, `${options.protocol}//${options.host}`, faults) : null;
    if (!refused) return void callback(null, socket!);
    socket!.destroy();
    callback(refused, null);
  });
}

/** The socket an origin's TLS runs over when it is not a direct connection (a proxy's tunnel); null: direct. */
export type Carrier = (origin: string) => Promise<Duplex> | null;

/**
 * Node's own HTTPS agent, its connections made and judged as certificateCheckedPools' are: for the
 * answers only Node's lenient parser reads (see LenientClient), whose origins' certificates may fail too.
 * A handshake not done within `handshakeMs` ends its connection (no request holds it then). `carrier`:
 * the TLS of an origin it names runs over the socket it gives.
 */
export function judgedHttpsAgent(faults: CertificateFaults, handshakeMs: number, options: AgentOptions, carrier: Carrier = () => null): Agent {
  return new (class extends Agent {
    override createConnection(connection: RequestOptions, callback: (error: Error | null, socket?: Duplex) => void): undefined {
      const origin = originOf(connection);
      const carried = carrier(origin);
      if (!carried) return void this.secured(connection, origin, callback);
      carried.then((socket) => this.secured({ ...connection, socket } as RequestOptions, origin, callback), (error: Error) => callback(error));
    }

    private secured(connection: RequestOptions, origin: string, callback: (error: Error | null, socket?: Duplex) => void): void {
      const socket = super.createConnection(connection) as TLSSocket;
      const failed = (error: Error) => callback(error, socket);
      const late = () => socket.destroy(Object.assign(new Error(`no TLS handshake within ${handshakeMs} ms`), { code: 'ETIMEDOUT' }));
      socket.once('error', failed);
      socket.setTimeout(handshakeMs, late);
      socket.once('secureConnect', () => {
        // the connection's later idle timeouts (the agent's keep-alive) are not a handshake's
        socket.setTimeout(0);
        socket.off('timeout', late);
        socket.off('error', failed);
        const refused = judgement(socket, origin, faults);
        if (refused) socket.destroy();
        callback(refused, socket);
      });
    }
  })({ ...options, ...judgedTls() });
}

/** The origin a connection of Node's HTTPS agent is to, spelled as a URL's (the default port left out). */
function originOf({ host, hostname, port }: RequestOptions): string {
  const name = hostname ?? host ?? 'localhost';
  return new URL(`https://${name.includes(':') ? `[${name}]` : name}${port ? `:${port}` : ''}`).origin;
}

/**
 * A TLS socket's certificate judged: null when verified, or when its fault is one pages are read
 * through (the fault then written under `origin`); else the error its connection fails with (ECERT,
 * whatever the fault's name: INVALID_PURPOSE names no certificate).
 */
function judgement(socket: TLSSocket, origin: string, faults: CertificateFaults): Error | null {
  if (socket.authorized) return null;
  // Node gives the fault's code here (typed as an Error)
  const fault = String(socket.authorizationError);
  if (!READ_THROUGH.has(fault)) return Object.assign(new Error(`${SITE_CERTIFICATE_REFUSED}${fault}`), { code: 'ECERT' });
  faults.note(origin, fault, issuerOf(socket));
  return null;
}

/** Who issued the certificate a TLS socket was shown, as its organisation and common name say. */
function issuerOf(socket: TLSSocket): string {
  // none without a connection (typed as always there)
  const { O, CN } = (socket.getPeerCertificate() as PeerCertificate | null)?.issuer ?? {};
  return [O, CN].filter(Boolean).join(', ') || 'an issuer without a name';
}
