import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-page-facts.js';
import * as m0003 from './0003-frontier-priority.js';
import * as m0004 from './0004-body-format.js';
import * as m0005 from './0005-history-probes.js';
import * as m0006 from './0006-page-facts-by-url.js';
import * as m0007 from './0007-shared-links.js';
import * as m0008 from './0008-link-sets.js';
import * as m0009 from './0009-page-copies.js';
import * as m0010 from './0010-unused-indexes.js';
import * as m0011 from './0011-extractor-version.js';
import * as m0012 from './0012-certificates.js';
import * as m0013 from './0013-probe-controls.js';
import * as m0014 from './0014-merged-sites.js';
import * as m0015 from './0015-link-counts.js';
import * as m0016 from './0016-registered-per-run.js';
import * as m0017 from './0017-run-site-entries.js';
import * as m0018 from './0018-pruned-runs.js';

/** Ordered and append-only; the database's user_version is the number applied last. */
export const MIGRATIONS: readonly { version: number; up: string }[] = [
  { version: 1, up: m0001.up },
  { version: 2, up: m0002.up },
  { version: 3, up: m0003.up },
  { version: 4, up: m0004.up },
  { version: 5, up: m0005.up },
  { version: 6, up: m0006.up },
  { version: 7, up: m0007.up },
  { version: 8, up: m0008.up },
  { version: 9, up: m0009.up },
  { version: 10, up: m0010.up },
  { version: 11, up: m0011.up },
  { version: 12, up: m0012.up },
  { version: 13, up: m0013.up },
  { version: 14, up: m0014.up },
  { version: 15, up: m0015.up },
  { version: 16, up: m0016.up },
  { version: 17, up: m0017.up },
  { version: 18, up: m0018.up },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
