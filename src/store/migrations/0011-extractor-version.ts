/**
 * Which version of the extractors read each page's facts: an unchanged page (a 304) reuses its stored
 * facts only when the extractors that read them still read pages the same way (EXTRACTOR_VERSION);
 * facts stored before this column existed are 0, so a fixed extractor is applied on the next audit.
 */
export const up = `
DROP VIEW run_page_facts;
ALTER TABLE page_facts ADD COLUMN extractor INTEGER NOT NULL DEFAULT 0;
CREATE VIEW run_page_facts AS
  SELECT f.run_id, f.site_id, f.url, f.id AS fetch_id, p.facts, p.extractor
  FROM fetches f JOIN page_facts p ON p.fetch_id = coalesce(f.copy_of, f.id);
`;
