import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { cases } from '../helpers/cases.js';

/**
 * The README's usage examples are what a newcomer types: each `govsite …` line of its shell blocks
 * must name a command and only options that command has, with the operands it takes — read by the
 * commands' own parser (an option renamed in the code and not in the README fails here).
 */
const README = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');

/** The `govsite …` lines of the README's ```sh blocks: continued lines joined, comments cut. */
function usageLines(): string[] {
  const blocks = [...README.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]!.replace(/\\\n\s*/g, ' '));
  return blocks.flatMap((b) => b.split('\n')).map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l.startsWith('govsite '));
}

/** A command line's words as a POSIX shell splits them (quotes kept together, then removed). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('the README\'s usage examples', () => {
  const lines = usageLines();
  it('show every command at least once', () => {
    expect(COMMANDS.map((c) => c.name()).filter((name) => name !== 'demo' && !lines.some((l) => words(l)[1] === name))).toEqual([]);
  });

  // the crawl's option table (crawl, audit and demo share these options): each one there, with its default
  const crawl = COMMANDS.find((c) => c.name() === 'crawl')!;
  const section = README.slice(README.indexOf('### `govsite crawl'), README.indexOf('### `govsite extract'));
  const rows = [...section.matchAll(/^\| (`--.*?) \| (.*?) \|/gm)].flatMap(([, names, defaults]) => {
    const named = [...names!.matchAll(/`(--[\w-]+)/g)].map(([, name]) => name!);
    // `--max-pages N` / `--max-depth N` | 300 / 4: a default each
    const given = named.length > 1 ? defaults!.split(' / ') : [defaults!];
    return named.map((name, i) => ({ name, written: given[i]! }));
  });
  it('list the crawl\'s options (its table has them all)', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(crawl.options.map((o) => o.long!).sort());
  });
  cases(rows)('crawl option $name: default $written', ({ name, written }: { name: string; written: string }) => {
    const option = crawl.options.find((o) => o.long === name)!;
    // a number or a literal is the default itself, a literal cut short (…) begins it; words (off, none,
    // today in China, one per core, the proxy variables) are no default in the parser: the command
    // decides when it runs
    const literal = /^`([^`…]+)`$/.exec(written)?.[1] ?? (/^\d+$/.test(written) ? written : undefined);
    const start = /^`([^`…]+)…[^`]*`$/.exec(written)?.[1];
    if (literal !== undefined) expect(option.defaultValue).toBe(literal);
    else if (start !== undefined) expect(String(option.defaultValue).slice(0, start.length)).toBe(start);
    else expect([written, option.defaultValue]).toEqual([written, undefined]);
  });

  cases(lines.map((line) => [line]))('%s', (line: string) => {
    const [, name, ...args] = words(line);
    const command = COMMANDS.find((c) => c.name() === name);
    expect([name, command !== undefined]).toEqual([name, true]);
    // the parser throws where a real run would stop (an option without its value), instead of exiting
    const { operands, unknown } = command!.exitOverride().parseOptions(args);
    expect(unknown).toEqual([]);
    const declared = command!.registeredArguments;
    const required = declared.filter((a) => a.required).length;
    const most = declared.some((a) => a.variadic) ? Infinity : declared.length;
    expect([operands, operands.length >= required && operands.length <= most]).toEqual([operands, true]);
  });
});
