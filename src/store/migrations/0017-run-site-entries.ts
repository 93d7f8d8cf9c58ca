/**
 * One view of a run's sites as the registry gave them when it began (migration 16), or, for the runs
 * before it, as the sites table gives them now: the rule sitesOfRun, the crawl statistics' home pages
 * and page_link_sets each spelled out before. `seq`: the registry's order.
 */
export const up = `
CREATE VIEW run_site_entries AS
  SELECT rs.run_id, rs.site_id, rs.rowid AS seq, iif(rs.url IS NULL, s.url, rs.url) AS url, iif(rs.url IS NULL, s.name, rs.name) AS name,
    iif(rs.url IS NULL, s.level, rs.level) AS level, iif(rs.url IS NULL, s.mailboxes, rs.mailboxes) AS mailboxes,
    iif(rs.url IS NULL, s.portal, rs.portal) AS portal, iif(rs.url IS NULL, s.columns, rs.columns) AS columns
  FROM run_sites rs JOIN sites s ON s.id = rs.site_id;
DROP VIEW page_links;
DROP VIEW page_link_sets;
CREATE VIEW page_link_sets AS
  SELECT f.run_id, f.site_id, f.url AS from_url, (f.url = e.url) AS on_homepage, ls.links
  FROM fetches f JOIN link_sets ls ON ls.fetch_id = coalesce(f.copy_of, f.id) JOIN run_site_entries e ON e.run_id = f.run_id AND e.site_id = f.site_id;
CREATE VIEW page_links AS
  SELECT p.run_id, p.site_id, p.from_url, l.value ->> 0 AS target, l.value ->> 1 AS tag, l.value ->> 2 AS text, l.value ->> 3 AS scheme, p.on_homepage
  FROM page_link_sets p JOIN json_each(p.links) l;
`;
