import type { Document } from 'domhandler';
import { recordSetScripts } from './datastore.js';
import { DocumentIndex, rawText } from './document-index.js';
import { withoutComments } from './js-code.js';

/** A script asks the server for data … */
const REQUEST = /\$\.(?:ajax|get|post|getJSON)\s*\(|\bfetch\s*\(|new\s+XMLHttpRequest\b|\baxios\b/;
/** … goes through its records … */
const LOOP = /\$\.each\s*\(|\.forEach\s*\(|\.map\s*\(|\bfor\s*\(/;
/** … and writes them into the page. */
const WRITE = /\.(?:html|append|prepend)\s*\(|\.innerHTML\s*\+?=|insertAdjacentHTML|document\.write/;
/** Hanweb's jpage, which fetches its records from a data proxy when the page embeds none. */
const JPAGE = /\.jpage\s*\(|dataproxy\.jsp/;
/** Script types of client-side templates (artTemplate, laytpl, jsrender, Vue's x-template). */
const TEMPLATE_TYPE = /^text\/(?:html|template|x-template|x-tmpl|x-handlebars-template|x-jsrender)$/i;
/** a template's loop over records */
const TEMPLATE_LOOP = /\{\{[#/]?\s*(?:each|for|layui\.each)\b|\{\{#\s*(?:for|layui)|<%\s*for\b|\{%\s*for\b|v-for=/;
/** Attributes that repeat an element for each record in the browser (Vue, Angular, Alpine). */
const REPEAT_ATTRIBUTES = ['v-for', 'ng-repeat', 'x-for'];

/**
 * A page that fills a list in the browser: a script fetches records and loops them into the page, or
 * a client-side template repeats an element per record. What it lists is not in its HTML, so govsite
 * cannot read it without a browser — and a list that reads as empty there is no evidence of an empty
 * or stale column. A script that only fetches one value (a visit counter, a login check) is no list.
 */
export function fillsListByScript(doc: Document): boolean {
  // records embedded in the page are its list, read as such (an empty record set is an empty list)
  if (recordSetScripts(doc).length > 0) return false;
  const index = DocumentIndex.of(doc);
  if (index.all.some((el) => REPEAT_ATTRIBUTES.some((a) => a in el.attribs))) return true;
  return index.tag('script').some((script) => {
    if (script.attribs['src'] !== undefined) return false;
    const raw = rawText(script);
    if (TEMPLATE_TYPE.test(script.attribs['type'] ?? '')) return TEMPLATE_LOOP.test(raw);
    // a request loop a template has commented out fills nothing (most scripts fail the test before their comments are cut)
    const fills = (code: string) => JPAGE.test(code) || (REQUEST.test(code) && LOOP.test(code) && WRITE.test(code));
    return fills(raw) && fills(withoutComments(raw));
  });
}
