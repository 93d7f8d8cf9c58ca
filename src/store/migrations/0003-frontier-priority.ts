/** Audit-directed crawling: what role a URL plays for the rules, and so how soon it is fetched. */
export const up = `
ALTER TABLE frontier ADD COLUMN role TEXT NOT NULL DEFAULT 'page';
ALTER TABLE frontier ADD COLUMN priority INTEGER NOT NULL DEFAULT 9;
DROP INDEX frontier_queue;
CREATE INDEX frontier_queue ON frontier (run_id, site_id, state, priority, depth, id);
`;
