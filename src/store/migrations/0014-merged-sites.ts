/**
 * A site whose home page led into another registered site (集约化: merged into a portal): the id of
 * that site (see RegisteredSites). Such a site is not assessed.
 */
export const up = `
ALTER TABLE run_sites ADD COLUMN merged_into TEXT;
`;
