import { Command, Option } from 'commander';
import { extractPage } from '../../extract/page.js';
import { loadPage } from '../../extract/load-page.js';
import { renderPageFacts } from '../../report/page-facts.js';
import { UsageError } from '../../errors.js';
import { parseAsOf } from '../options.js';

export const extractCommand = new Command('extract')
  .description('show what the extractors see on one page (a saved file or a URL)')
  .argument('<file-or-url>', 'an HTML file or an http(s) URL')
  .option('--url <base>', 'the page\'s URL, for a saved file (resolves its links and URL dates)')
  .option('--as-of <date>', 'monitoring point YYYY-MM-DD (default: today)')
  .option('--proxy <url>', 'HTTP proxy for a URL')
  .addOption(new Option('--format <format>', 'output').choices(['text', 'json']).default(process.stdout.isTTY ? 'text' : 'json', 'text on a terminal, else json'));

extractCommand.action(async (source: string, opts: { url?: string; asOf?: string; proxy?: string; format: 'text' | 'json' }) => {
  const asOf = parseAsOf(opts.asOf);
  const page = await loadPage(source, opts.proxy);
  const url = opts.url ?? (page.url || undefined);
  if (!url) throw new UsageError(`${source}: a saved page needs --url BASE (the address it was saved from)`);
  const facts = extractPage(page.html, url, asOf, page.charset);
  process.stdout.write(opts.format === 'json' ? `${JSON.stringify(facts, null, 2)}\n` : renderPageFacts(facts));
});
