/**
 * A site whose home page led into another site (集约化: merged into a portal; see RegisteredSites):
 * merged = 1, and merged_into the id of that site when it is registered.
 */
export const up = `
ALTER TABLE run_sites ADD COLUMN merged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_sites ADD COLUMN merged_into TEXT;
`;
