/** A page's facts across runs by its URL: the home page change tracking looks a site's home page up in every run. */
export const up = `
CREATE INDEX page_facts_site_url ON page_facts (site_id, url);
`;
