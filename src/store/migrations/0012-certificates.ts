/**
 * The certificate fault a page was read despite (Node's verification code: CERT_HAS_EXPIRED,
 * UNABLE_TO_VERIFY_LEAF_SIGNATURE, …), on fetches and on availability probes; null when it verified
 * or the site is plain HTTP.
 */
export const up = `
ALTER TABLE fetches ADD COLUMN certificate TEXT;
ALTER TABLE probes ADD COLUMN certificate TEXT;
`;
