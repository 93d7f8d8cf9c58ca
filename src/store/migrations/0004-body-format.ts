/**
 * Bodies may be stored as they came off the wire (gzip of the page's own charset) instead of
 * recompressed: most servers already gzip, and recompressing every page cost more than parsing it.
 */
export const up = `
ALTER TABLE bodies ADD COLUMN format TEXT NOT NULL DEFAULT 'gzip-utf8';
ALTER TABLE bodies ADD COLUMN charset TEXT;
`;
