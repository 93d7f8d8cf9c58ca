/**
 * A page that answered 304 is the stored copy it stands for: `copy_of` (was `links_of`) names the
 * fetch whose link set and facts are this fetch's, so a re-audit writes neither again.
 * `run_page_facts` gives every run its pages' facts, copies included; `page_link_sets` each stored
 * page with its link set (JSON), so a whole-run pass parses one array a page instead of reading a row
 * a link; `page_links` expands it.
 */
export const up = `
DROP VIEW page_links;
ALTER TABLE fetches RENAME COLUMN links_of TO copy_of;
CREATE VIEW page_link_sets AS
  SELECT f.run_id, f.site_id, f.url AS from_url, (f.url = s.url) AS on_homepage, ls.links
  FROM fetches f JOIN link_sets ls ON ls.fetch_id = coalesce(f.copy_of, f.id) JOIN sites s ON s.id = f.site_id;
CREATE VIEW page_links AS
  SELECT p.run_id, p.site_id, p.from_url, l.value ->> 0 AS target, l.value ->> 1 AS tag, l.value ->> 2 AS text, l.value ->> 3 AS scheme, p.on_homepage
  FROM page_link_sets p JOIN json_each(p.links) l;
CREATE VIEW run_page_facts AS
  SELECT f.run_id, f.site_id, f.url, f.id AS fetch_id, p.facts
  FROM fetches f JOIN page_facts p ON p.fetch_id = coalesce(f.copy_of, f.id);
`;
