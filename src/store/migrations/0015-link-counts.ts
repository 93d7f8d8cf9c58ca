/**
 * How many links each fetch's link set holds (`link_count`), so a report counts a run's links
 * without reading its link sets (most of a real-weight database: 300 ms of a 1,000-site report).
 */
export const up = `
ALTER TABLE fetches ADD COLUMN link_count INTEGER;
UPDATE fetches SET link_count = (SELECT json_array_length(links) FROM link_sets WHERE fetch_id = fetches.id) WHERE id IN (SELECT fetch_id FROM link_sets);
`;
