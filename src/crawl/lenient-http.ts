import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { judgedHttpsAgent } from './certificates.js';
import type { RequestOptions } from './http-client.js';
import { timedOut } from './outcome.js';

/**
 * Answers a browser reads though they break HTTP/1.1 — a line ended by a lone LF, a control character
 * in a header value — which undici's strict parser refuses (its messages, as EPROTO). Node's own
 * client reads them with its lenient parser, as browsers do: a page citizens can open must not be a
 * dead link, nor its site down. What neither parser reads (a space before a header's colon, a
 * duplicated Content-Length) stays EPROTO.
 */
export const FORGIVABLE = /Missing expected CR|Invalid header value char/;

export interface LenientAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  chunks: Buffer[];
  truncated: boolean;
}

export interface LenientOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  lookup?: LookupFunction | undefined;
  /** origins' certificate faults, as the main client's (see certificates.ts): each connection is judged as its are */
  faults: Map<string, string>;
}

/** Keep-alive agents for the few origins that need them, made on first use. */
export class LenientClient {
  private agents: { http: http.Agent; https: https.Agent } | null = null;

  constructor(private readonly connections: number, private readonly options: LenientOptions) {}

  /** One request read leniently, under one deadline and the body cap; an Error for a failure. */
  request(url: string, { method, headers = {} }: RequestOptions): Promise<LenientAnswer | Error> {
    this.agents ??= { http: new http.Agent({ keepAlive: true, maxSockets: this.connections }), https: judgedHttpsAgent(this.options.faults, this.options.timeoutMs, { keepAlive: true, maxSockets: this.connections }) };
    const secure = url.startsWith('https:');
    const { timeoutMs, maxBodyBytes, lookup } = this.options;
    return new Promise((resolve) => {
      let settled = false;
      const done = (answer: LenientAnswer | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(answer);
      };
      const request = (secure ? https : http).request(url, { method, headers, agent: secure ? this.agents!.https : this.agents!.http, insecureHTTPParser: true, ...(lookup ? { lookup } : {}) }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = (truncated: boolean): LenientAnswer => ({ status: response.statusCode ?? 0, headers: response.headers, chunks, truncated });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size <= maxBodyBytes) return;
          done(answer(true));
          request.destroy();
        });
        response.on('end', () => done(answer(false)));
        response.on('error', done);
      });
      const deadline = setTimeout(() => {
        done(timedOut(timeoutMs));
        request.destroy();
      }, timeoutMs);
      request.on('error', done);
      request.end();
    });
  }

  close(): void {
    this.agents?.http.destroy();
    this.agents?.https.destroy();
  }
}
