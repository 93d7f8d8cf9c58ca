/** The first schema. Append-only: change it with a new migration, never by editing this one. */
export const up = `
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  name TEXT,
  level TEXT,
  org TEXT,
  mailboxes TEXT NOT NULL DEFAULT '[]',
  portal INTEGER NOT NULL DEFAULT 0,
  columns TEXT NOT NULL DEFAULT '{}',
  extra TEXT NOT NULL DEFAULT '{}',
  source TEXT
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  registry TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '{}',
  started_at TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE run_sites (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  site_id TEXT NOT NULL REFERENCES sites(id),
  started_at TEXT,
  finished_at TEXT,
  PRIMARY KEY (run_id, site_id)
);

-- The crawl frontier and each site's seen-set: a URL appears once per site and run.
-- kind page = fetched, stored and followed; kind check = only its link status is wanted.
CREATE TABLE frontier (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  site_id TEXT NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('page', 'check')),
  external INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL,
  referrer TEXT,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'skipped')),
  skip_reason TEXT,
  UNIQUE (run_id, site_id, url)
);
CREATE INDEX frontier_queue ON frontier (run_id, site_id, state, depth, id);
CREATE INDEX frontier_url ON frontier (run_id, url);

-- Page text, decoded to UTF-8 and gzip-compressed, stored once per distinct content.
CREATE TABLE bodies (
  hash TEXT PRIMARY KEY,
  data BLOB NOT NULL
);

-- Every request's outcome, row for row: a dead link is always known with its status or code.
CREATE TABLE fetches (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  site_id TEXT NOT NULL,
  url TEXT NOT NULL,
  purpose TEXT NOT NULL,
  method TEXT NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 1,
  final_url TEXT,
  status INTEGER,
  error_code TEXT,
  error_message TEXT,
  redirects TEXT NOT NULL DEFAULT '[]',
  verdict TEXT NOT NULL CHECK (verdict IN ('ok', 'broken', 'inconclusive')),
  soft404 INTEGER NOT NULL DEFAULT 0,
  not_modified INTEGER NOT NULL DEFAULT 0,
  ms INTEGER NOT NULL,
  bytes INTEGER NOT NULL DEFAULT 0,
  content_type TEXT,
  charset TEXT,
  etag TEXT,
  last_modified TEXT,
  depth INTEGER,
  referrer TEXT,
  body_hash TEXT REFERENCES bodies(hash),
  fetched_at TEXT NOT NULL
);
-- (url, run_id) serves both "this URL in this run" and "the newest stored copy of this URL"
CREATE INDEX fetches_url ON fetches (url, run_id);
CREATE INDEX fetches_run_site ON fetches (run_id, site_id);

-- Every reference on a stored page, as written there (one row per target, tag and text).
CREATE TABLE links (
  fetch_id INTEGER NOT NULL REFERENCES fetches(id),
  target TEXT NOT NULL,
  tag TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  scheme TEXT NOT NULL
);
CREATE INDEX links_fetch ON links (fetch_id);

-- Links with the page they are on; on_homepage is the site's registered home page itself.
CREATE VIEW page_links AS
  SELECT f.run_id, f.site_id, f.url AS from_url, l.target, l.tag, l.text, l.scheme, (f.url = s.url) AS on_homepage
  FROM links l JOIN fetches f ON f.id = l.fetch_id JOIN sites s ON s.id = f.site_id;
`;
