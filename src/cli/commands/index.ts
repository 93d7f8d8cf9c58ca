import { auditCommand } from './audit.js';
import { bulletinCommand } from './bulletin.js';
import { checkCommand, reportCommand } from './check.js';
import { crawlCommand } from './crawl.js';
import { demoCommand } from './demo.js';
import { diffCommand } from './diff.js';
import { extractCommand } from './extract.js';
import { importCommand } from './import.js';
import { mergeCommand } from './merge.js';
import { noticeCommand } from './notice.js';
import { probeCommand } from './probe.js';
import { pruneCommand } from './prune.js';
import { runsCommand } from './runs.js';
import { sampleCommand } from './sample.js';

/** govsite's commands, in the order `--help` lists them. */
export const COMMANDS = [importCommand, crawlCommand, extractCommand, checkCommand, reportCommand, auditCommand, probeCommand, sampleCommand, diffCommand, noticeCommand, bulletinCommand, runsCommand, mergeCommand, pruneCommand, demoCommand];
