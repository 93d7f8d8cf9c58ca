import { load, type CheerioAPI } from 'cheerio/slim';

/**
 * The one place HTML becomes a document. htmlparser2 (cheerio/slim) rather than parse5: several times
 * faster, forgiving of the broken markup these sites serve, and the crawl parses every page once.
 */
export function parseHtml(html: string): CheerioAPI {
  return load(html);
}
