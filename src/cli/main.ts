import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { exitCodeFor, isExpected, UsageError } from '../errors.js';
import { auditCommand } from './commands/audit.js';
import { checkCommand, reportCommand } from './commands/check.js';
import { crawlCommand } from './commands/crawl.js';
import { demoCommand } from './commands/demo.js';
import { extractCommand } from './commands/extract.js';
import { importCommand } from './commands/import.js';
import { mergeCommand } from './commands/merge.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

const program = new Command('govsite')
  .description('audit government websites against the inspection rules')
  .version(version)
  .showHelpAfterError()
  .exitOverride();
for (const command of [importCommand, crawlCommand, extractCommand, checkCommand, reportCommand, auditCommand, mergeCommand, demoCommand]) program.addCommand(command.exitOverride());

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
