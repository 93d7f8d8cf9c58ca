/** What the crawl reads of an answer, by its Content-Type. */

/** HTML or XML, or a body that does not say (taken for HTML): analysed as a page. */
export const isAnalysedType = (contentType: string | undefined | null): boolean => contentType == null || /html|xml/i.test(contentType);

/** A script: read only as a part of the home page, for the HTML it writes into it (see writtenHtml). */
export const isScriptType = (contentType: string | undefined | null): boolean => contentType != null && /javascript|ecmascript/i.test(contentType);

/** What a script's first bytes hold, if it writes a footer or a menu (a library that writes nothing is larger). */
export const SCRIPT_BYTES = 256 * 1024;

/** How much of a body a crawl reads (see RequestOptions.bodyBytes): a page whole, nothing else. */
export const analysedBytes = (contentType: string | undefined): number => (isAnalysedType(contentType) ? Infinity : 0);

/** How much of a home page's part it reads: a frame or include whole, a script's first SCRIPT_BYTES (a slow library is no timeout). */
export const partBytes = (contentType: string | undefined): number => (isAnalysedType(contentType) ? Infinity : isScriptType(contentType) ? SCRIPT_BYTES : 0);
