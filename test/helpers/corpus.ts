import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'node:test';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** The shared corpus of real pages and registries, read in place (never copied into the repo). */
export const CORPUS_DIR = resolve(process.env['GOVSITE_CORPUS'] ?? join(PACKAGE_ROOT, '..', 'shared', 'corpus'));
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'real'));

const SKIP = HAS_CORPUS ? false : `corpus not found at ${CORPUS_DIR} (set GOVSITE_CORPUS)`;

/** describe() that skips, saying so, when the corpus is absent. */
export const describeCorpus = (name: string, fn: () => void) => describe(name, { skip: SKIP }, fn);

export const corpusPath = (...parts: string[]) => join(CORPUS_DIR, ...parts);
export const corpusBytes = (...parts: string[]) => readFileSync(corpusPath(...parts));
