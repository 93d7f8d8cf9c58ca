/**
 * When a run's crawl data was pruned (`govsite prune`): its pages, links and facts are gone but its
 * home pages', and it is reported from the reports stored when it was scored.
 */
export const up = `
ALTER TABLE runs ADD COLUMN pruned_at TEXT;
`;
