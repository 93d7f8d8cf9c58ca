import { Command } from 'commander';
import { importRegistry } from '../../registry/import.js';
import { withDb } from '../../store/db.js';
import { dbOption } from '../options.js';
import { reportRowErrors } from '../row-errors.js';

export const importCommand = new Command('import')
  .description('validate a registry (CSV, JSON, JSON Lines) and store its sites')
  .argument('<registry>', 'registry file')
  .addOption(dbOption())
  .action((file: string, opts: { db: string }) =>
    withDb(opts.db, (db) => {
      const parsed = importRegistry(db, file);
      reportRowErrors(parsed);
      const toCheck = parsed.warnings.length > 0 ? `, ${parsed.warnings.length} to check` : '';
      process.stdout.write(`${parsed.rows.length} sites imported into ${opts.db}, ${parsed.errors.length} rows skipped${toCheck}\n`);
    }));
