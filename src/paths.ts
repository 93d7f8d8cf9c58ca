import { fileURLToPath } from 'node:url';

/** The package's root folder (dist/src/paths.js sits two levels below it). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
