import { Command } from 'commander';
import { withDb } from '../../store/db.js';
import { describeMerge, mergeShards } from '../../store/merge.js';

export const mergeCommand = new Command('merge')
  .description('combine shard databases (the latest run of each) into one')
  .argument('<db...>', 'shard databases')
  .requiredOption('--into <file>', 'the merged database (created if missing)');

mergeCommand.action((files: string[], opts: { into: string }) =>
  withDb(opts.into, (db) => {
    process.stdout.write(describeMerge(files, mergeShards(db, files)));
  }));
