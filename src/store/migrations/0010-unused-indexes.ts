/**
 * Indexes nothing reads any more, each a random insert per row during a crawl: pages' facts are
 * found through their fetch (run_page_facts), and the frontier is looked up by (run, site, url).
 */
export const up = `
DROP INDEX frontier_url;
DROP INDEX page_facts_run_site;
DROP INDEX page_facts_site_url;
`;
