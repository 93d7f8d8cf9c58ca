import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';

/** The shared corpus of real pages and registries, read in place (never copied into the repo). */
export const CORPUS_DIR = resolve(process.env['GOVSITE_CORPUS'] ?? join(import.meta.dirname, '../../../shared/corpus'));
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'real'));

if (!HAS_CORPUS) console.warn(`corpus not found at ${CORPUS_DIR} (set GOVSITE_CORPUS): corpus tests are skipped`);

/** describe() that skips, saying so, when the corpus is absent. */
export const describeCorpus = HAS_CORPUS ? describe : describe.skip;

export const corpusPath = (...parts: string[]) => join(CORPUS_DIR, ...parts);
export const corpusBytes = (...parts: string[]) => readFileSync(corpusPath(...parts));
