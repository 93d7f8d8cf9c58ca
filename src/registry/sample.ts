import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { quoteCsv } from '../report/escape.js';
import { regionOf } from './region.js';
import type { RegistryRow } from './types.js';

export type Stratum = 'level' | 'region';
export const STRATA: readonly Stratum[] = ['level', 'region'];

export interface SampleRequest {
  ratio: number;
  seed: string;
  /** stratify by these (level, the region: see regionOf): each stratum — each level of each province, say — gets its own share */
  by?: readonly Stratum[];
}

/**
 * The monthly spot check: at least `ratio` of the sites (rounded up, per stratum), drawn by a
 * seeded shuffle so the same registry, ratio and seed always give the same sample. Registry order kept.
 */
export function drawSample(rows: readonly RegistryRow[], request: SampleRequest): RegistryRow[] {
  const strata = new Map<string, RegistryRow[]>();
  for (const row of rows) {
    // one field's key is its value alone: a sample drawn by level before regions existed is drawn again the same
    const key = (request.by ?? []).map((field) => (field === 'level' ? row.level : regionOf(row)) ?? '').join('\u0000');
    const members = strata.get(key);
    if (members) members.push(row);
    else strata.set(key, [row]);
  }
  const chosen = new Set<RegistryRow>();
  for (const [key, members] of [...strata].sort(([a], [b]) => a.localeCompare(b))) {
    const random = prng(`${request.seed}\u0000${key}`);
    const shuffled = [...members];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    for (const row of shuffled.slice(0, Math.ceil(members.length * request.ratio - 1e-9))) chosen.add(row);
  }
  return rows.filter((r) => chosen.has(r));
}

/** mulberry32 seeded from a string: small, fast and the same on every machine. */
function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample's label, which its file's rows and the run that audits it carry: the registry drawn from first (see sampledRegistry). */
export const sampleLabel = (registry: string, request: SampleRequest): string =>
  `${basename(registry)} ratio=${request.ratio} seed=${request.seed}${request.by ? ` by=${request.by.join(',')}` : ''}`;

/** The name of the registry a sample's label says it was drawn from. */
export const sampledRegistry = (label: string): string => label.split(' ratio=')[0]!;

const CSV_FIELDS = ['id', 'name', 'level', 'url', 'mailbox', 'portal', 'org', 'columns'] as const;

/**
 * The sample as a registry CSV (one row per mailbox; rows of one site merge on import), every row
 * naming the sample, with the registry's other fields after (a `region`, a `category`: importing the
 * sample replaces each site's stored row, and a region said only there would be lost).
 */
export function sampleCsv(rows: readonly RegistryRow[], label: string): string {
  const others = [...new Set(rows.flatMap((r) => Object.keys(r.extra)))].filter((k) => k !== 'sample' && !(CSV_FIELDS as readonly string[]).includes(k));
  const lines = [[...CSV_FIELDS, 'sample', ...others].map(quoteCsv).join(',')];
  for (const r of rows) {
    const extra = others.map((k) => (r.extra[k] === undefined || r.extra[k] === null ? '' : typeof r.extra[k] === 'string' ? r.extra[k] : JSON.stringify(r.extra[k])));
    for (const mailbox of r.mailboxes.length ? r.mailboxes : ['']) {
      const columns = Object.keys(r.columns).length ? JSON.stringify(r.columns) : '';
      lines.push([r.id, r.name ?? '', r.level ?? '', r.url, mailbox, r.portal ? 'true' : '', r.org ?? '', columns, label, ...extra].map(quoteCsv).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
