/**
 * Each run keeps its sites as the registry gave them when it began (`run_sites.url`, …): a later
 * import that moves a site to a new address (a registry mended, a site folded into a portal) does
 * not change what an earlier run read — re-scored (another profile, a bulletin), it would have looked
 * for its home page at the new address and found it not read — nor what a resumed run crawls. NULL in
 * the runs before this version: theirs are the sites table's.
 */
export const up = `
ALTER TABLE run_sites ADD COLUMN url TEXT;
ALTER TABLE run_sites ADD COLUMN name TEXT;
ALTER TABLE run_sites ADD COLUMN level TEXT;
ALTER TABLE run_sites ADD COLUMN mailboxes TEXT;
ALTER TABLE run_sites ADD COLUMN portal INTEGER;
ALTER TABLE run_sites ADD COLUMN columns TEXT;
DROP VIEW page_links;
DROP VIEW page_link_sets;
CREATE VIEW page_link_sets AS
  SELECT f.run_id, f.site_id, f.url AS from_url, (f.url = coalesce(rs.url, s.url)) AS on_homepage, ls.links
  FROM fetches f JOIN link_sets ls ON ls.fetch_id = coalesce(f.copy_of, f.id) JOIN sites s ON s.id = f.site_id
    LEFT JOIN run_sites rs ON rs.run_id = f.run_id AND rs.site_id = f.site_id;
CREATE VIEW page_links AS
  SELECT p.run_id, p.site_id, p.from_url, l.value ->> 0 AS target, l.value ->> 1 AS tag, l.value ->> 2 AS text, l.value ->> 3 AS scheme, p.on_homepage
  FROM page_link_sets p JOIN json_each(p.links) l;
`;
