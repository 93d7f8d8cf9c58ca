import { escapeHtml, shownUrl } from './escape.js';
import type { Lang } from './labels.js';

// a site's section, the site table (in a .lazy wrapper: a table takes no size containment) and the freshness grid are
// laid out only as they near the screen (content-visibility): a province's report of 3,208 sites painted its top in
// 12 s, with the sections so in 3.3 s; a national one (13,984 sites) in 75.6 s, 15.1 s, and 7.4–7.9 s with all three.
// A section counts 960 px high until it has been rendered once, the table its rows × 36 px (see html.ts)
const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#222;line-height:1.5}
h1{font-size:1.6em;border-bottom:3px solid #c0392b;padding-bottom:6px}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}thead th{cursor:pointer}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:8px 16px;min-width:110px}.card b{display:block;font-size:1.6em}
.qualified{color:#1e8449}.unqualified{color:#c0392b}.not-assessed{color:#b7950b}
figure{margin:16px 0}figcaption{font-weight:bold;margin-bottom:4px}svg text{font-size:12px;fill:#222}
.evidence{font-size:.92em;word-break:break-all}.muted{color:#777}input,select{font-size:1em;padding:3px 6px;margin-right:8px}
section.site{content-visibility:auto;contain-intrinsic-size:auto 960px}.lazy,#chart-freshness{content-visibility:auto}
@media print{thead th{cursor:auto}.controls{display:none}section{page-break-before:always}section.site,.lazy,#chart-freshness{content-visibility:visible}}`;

/**
 * One self-contained HTML document: inline style, no external resource, and a Content-Security-Policy
 * that lets only the given script (by hash) run.
 */
export function htmlDocument({ body, ...frame }: HtmlFrame & { body: string }): string {
  const { head, tail } = htmlFrame(frame);
  return `${head}${body}${tail}`;
}

interface HtmlFrame { lang: Lang; title: string; script?: { source: string; hash: string } }

/** What comes before an HTML document's body and after it (see htmlDocument): a long report's body is written between them a piece at a time. */
export function htmlFrame({ lang, title, script }: HtmlFrame): { head: string; tail: string } {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${script ? `'${script.hash}'` : "'none'"}`;
  const head = `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
`;
  return { head, tail: `\n${script ? `<script>${script.source}</script>` : ''}\n</body>\n</html>\n` };
}

/** A link to a page an inspector can open: only http(s) targets become links; anything else stays text. */
export function evidenceLink(url: string, text = shownUrl(url)): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(text)}</a>` : escapeHtml(text);
}
