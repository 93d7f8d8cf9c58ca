/** What the crawl reads of an answer, by its Content-Type. */

/** HTML or XML, or a body that does not say (taken for HTML): analysed as a page. */
export const isAnalysedType = (contentType: string | undefined | null): boolean => contentType == null || /html|xml/i.test(contentType);

/** A script: read only as a part of the home page, for the HTML it writes into it (see writtenHtml). */
export const isScriptType = (contentType: string | undefined | null): boolean => contentType != null && /javascript|ecmascript/i.test(contentType);

/** What a home page's parts are read as: pages (frames, includes) and the scripts that write into it. */
export const isPartType = (contentType: string | undefined | null): boolean => isAnalysedType(contentType) || isScriptType(contentType);
