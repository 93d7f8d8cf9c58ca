/**
 * A page that answered 304 shares the link rows of the copy it stands for instead of writing them
 * again (~25 a page, every re-audit): `links_of` names the fetch whose rows they are.
 */
export const up = `
ALTER TABLE fetches ADD COLUMN links_of INTEGER REFERENCES fetches(id);
DROP VIEW page_links;
CREATE VIEW page_links AS
  SELECT f.run_id, f.site_id, f.url AS from_url, l.target, l.tag, l.text, l.scheme, (f.url = s.url) AS on_homepage
  FROM fetches f JOIN links l ON l.fetch_id = coalesce(f.links_of, f.id) JOIN sites s ON s.id = f.site_id;
`;
