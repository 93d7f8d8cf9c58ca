/** History across runs and availability probes (issue 5). */
export const up = `
-- Home page availability probes (govsite probe), one row each; they belong to a site, not to a run.
CREATE TABLE probes (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL,
  url TEXT NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  status INTEGER,
  error_code TEXT,
  ms INTEGER NOT NULL,
  -- the home page's list items (titles and links) hashed, and their newest date: change tracking
  fingerprint TEXT,
  newest TEXT,
  UNIQUE (site_id, at)
);

-- A scored run: one row per site and profile, the site's part of the report model as JSON.
CREATE TABLE results (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  site_id TEXT NOT NULL,
  profile TEXT NOT NULL,
  verdict TEXT NOT NULL,
  score REAL,
  report TEXT NOT NULL,
  PRIMARY KEY (run_id, profile, site_id)
);

-- Every finding of a scored run under its stable id, so a problem can be followed across runs.
CREATE TABLE findings (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  site_id TEXT NOT NULL,
  profile TEXT NOT NULL,
  id TEXT NOT NULL,
  rule TEXT NOT NULL,
  url TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (run_id, profile, site_id, id)
);
CREATE INDEX findings_site ON findings (site_id, id);

-- When a list item or a letter was first and last seen (as-of dates of runs): for an undated item
-- its first sighting is the only date evidence there is.
CREATE TABLE sightings (
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('item', 'letter')),
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  date TEXT,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (site_id, kind, key)
);
`;
