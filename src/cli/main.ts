import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../report/model.js';
import { exitCodeFor, isExpected, UsageError } from '../errors.js';
import { auditCommand } from './commands/audit.js';
import { bulletinCommand } from './commands/bulletin.js';
import { checkCommand, reportCommand } from './commands/check.js';
import { crawlCommand } from './commands/crawl.js';
import { demoCommand } from './commands/demo.js';
import { extractCommand } from './commands/extract.js';
import { importCommand } from './commands/import.js';
import { diffCommand } from './commands/diff.js';
import { mergeCommand } from './commands/merge.js';
import { noticeCommand } from './commands/notice.js';
import { probeCommand } from './commands/probe.js';
import { sampleCommand } from './commands/sample.js';


const program = new Command('govsite')
  .description('audit government websites against the inspection rules')
  .version(TOOL_VERSION)
  .showHelpAfterError()
  .exitOverride();
for (const command of [importCommand, crawlCommand, extractCommand, checkCommand, reportCommand, auditCommand, probeCommand, sampleCommand, diffCommand, noticeCommand, bulletinCommand, mergeCommand, demoCommand]) program.addCommand(command.exitOverride());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with code 0; a usage mistake with 2 (SPEC §8)
    process.exitCode = error.exitCode === 0 ? 0 : exitCodeFor(new UsageError(error.message));
  } else {
    process.stderr.write(isExpected(error) ? `govsite: ${(error as Error).message}\n` : `govsite: unexpected error\n${(error as Error).stack}\n`);
    process.exitCode = exitCodeFor(error);
  }
}
