/**
 * A page's links as one JSON row ([target, tag, text, scheme] each) instead of a row per link: a crawl
 * wrote ~25 rows and index entries a page, the largest part of its SQLite time. `page_links` still
 * shows a row per link.
 */
export const up = `
CREATE TABLE link_sets (
  fetch_id INTEGER PRIMARY KEY REFERENCES fetches(id),
  links TEXT NOT NULL
);
INSERT INTO link_sets (fetch_id, links)
  SELECT fetch_id, json_group_array(json_array(target, tag, text, scheme)) FROM (SELECT * FROM links ORDER BY fetch_id, rowid) GROUP BY fetch_id;
DROP VIEW page_links;
DROP TABLE links;
CREATE VIEW page_links AS
  SELECT f.run_id, f.site_id, f.url AS from_url, l.value ->> 0 AS target, l.value ->> 1 AS tag, l.value ->> 2 AS text, l.value ->> 3 AS scheme, (f.url = s.url) AS on_homepage
  FROM fetches f JOIN link_sets ls ON ls.fetch_id = coalesce(f.links_of, f.id) JOIN json_each(ls.links) l JOIN sites s ON s.id = f.site_id;
`;
