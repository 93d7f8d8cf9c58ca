import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../report/model.js';
import { exitCodeFor, isExpected, UsageError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import { watchHeapGrowth } from '../heap-growth.js';

const program = new Command('govsite')
  .description('audit government websites against the inspection rules')
  .version(TOOL_VERSION)
  .showHelpAfterError()
  .exitOverride();
for (const command of COMMANDS) program.addCommand(command.exitOverride());

// a reader that stops early (`govsite report | head`) ends the output: not an error, no stack trace
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

// the whole command's memory, its crawl's and its report's (see watchHeapGrowth)
watchHeapGrowth();

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
