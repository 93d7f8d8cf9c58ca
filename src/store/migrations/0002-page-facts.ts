/** What the extractors saw on each stored page of a run (JSON of PageFacts, its links in `links`): checks read this, never the network. */
export const up = `
CREATE TABLE page_facts (
  fetch_id INTEGER PRIMARY KEY REFERENCES fetches(id),
  run_id INTEGER NOT NULL REFERENCES runs(id),
  site_id TEXT NOT NULL,
  url TEXT NOT NULL,
  facts TEXT NOT NULL
);
CREATE INDEX page_facts_run_site ON page_facts (run_id, site_id);
`;
