import { Command, InvalidArgumentError } from 'commander';
import { basename } from 'node:path';
import { UsageError } from '../../errors.js';
import { parseRegistry } from '../../registry/parse.js';
import { drawSample, sampleCsv, sampleLabel, STRATA, type Stratum } from '../../registry/sample.js';
import { regionOf } from '../../registry/region.js';
import { writeRendered } from '../../report/rendered.js';
import { reportRowErrors } from '../row-errors.js';

export const sampleCommand = new Command('sample')
  .description('draw the monthly spot-check sample (≥ ratio of the sites, reproducible by seed) as a registry file')
  .argument('<registry>', 'registry file (CSV, JSON, JSON Lines)')
  .option('--ratio <share>', 'share of the sites to draw, rounded up', '0.35')
  .requiredOption('--seed <seed>', 'any text; the same registry, ratio and seed give the same sample')
  .option('--by <fields>', 'draw the share within each level, region (province), or both (level,region)', parseStrata)
  .option('--output <file>', 'write the sample registry here instead of stdout')
  .action((registry: string, raw: { ratio: string; seed: string; by?: Stratum[]; output?: string }) => {
    const ratio = Number(raw.ratio);
    if (!(ratio > 0 && ratio <= 1)) throw new UsageError(`--ratio must be a share in (0, 1], got "${raw.ratio}"`);
    const parsed = parseRegistry(registry);
    reportRowErrors(parsed);
    const request = { ratio, seed: raw.seed, ...(raw.by ? { by: raw.by } : {}) };
    const rows = drawSample(parsed.rows, request);
    const label = sampleLabel(registry, request);
    const csv = sampleCsv(rows, label);
    if (raw.output) writeRendered(raw.output, [csv]);
    else process.stdout.write(csv);
    process.stderr.write(`sample ${label}: ${rows.length} of ${parsed.rows.length} sites\n`);
    // drawn by region, sites whose registry row names none are one group of their own
    const unplaced = raw.by?.includes('region') ? parsed.rows.filter((r) => regionOf(r) === null).length : 0;
    if (unplaced) process.stderr.write(`warning: ${unplaced} of ${parsed.rows.length} sites have no region in ${basename(registry)} (no region column, no 省|市|县 org, no administrative code for an id): drawn as one group of their own\n`);
  });

function parseStrata(value: string): Stratum[] {
  const fields = value.split(',').map((f) => f.trim());
  const unknown = fields.filter((f) => !(STRATA as readonly string[]).includes(f));
  if (unknown.length || new Set(fields).size !== fields.length) throw new InvalidArgumentError(`one or more of ${STRATA.join(', ')}, comma-separated, each once`);
  return fields as Stratum[];
}
