/**
 * A failed probe after which no control URL answered either (`govsite probe --control`): this
 * machine's own network was down, not the site. Kept as evidence; the availability rules do not
 * count it.
 */
export const up = `
ALTER TABLE probes ADD COLUMN control_failed INTEGER NOT NULL DEFAULT 0;
`;
