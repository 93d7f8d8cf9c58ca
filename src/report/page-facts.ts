import type { PageFacts } from '../extract/page.js';

/** `govsite extract` for people: what the extractors saw on one page, briefly. */
export function renderPageFacts(p: PageFacts): string {
  const lines = [
    `${p.title || '(no title)'}`,
    `url ${p.url} · charset ${p.charset ?? '?'} · published ${p.publishDate ?? '—'}${p.empty ? ' · EMPTY (暂无信息 shown)' : ''}${p.scriptedList ? ' · LIST FILLED BY SCRIPT (not read)' : ''}`,
    `identifiers: 网站标识码 ${p.identifiers.siteId ?? '—'} · ICP ${p.identifiers.icp ?? '—'} · 公安 ${p.identifiers.police ?? '—'} · 党政机关 ${p.identifiers.badge ? 'yes' : 'no'} · search ${p.search ? 'yes' : 'no'} · 找错 ${p.errorReportEntry ? 'yes' : 'no'}`,
    `links: ${p.links.length} (${p.links.filter((l) => l.hidden).length} hidden, ${p.links.filter((l) => l.imageOnly).length} image-only)`,
  ];
  if (p.columns?.length) lines.push(`columns: ${p.columns.map((c) => `${c.name}[${c.category}${c.firstLevel ? ', 1st' : ''}]`).join(' ')}`);
  for (const list of p.lists) {
    const dated = list.items.filter((i) => i.date).map((i) => i.date!).sort();
    lines.push(`list "${list.name || '—'}": ${list.items.length} items, newest ${dated[dated.length - 1] ?? 'undated'}`);
    for (const i of list.items.slice(0, 10)) lines.push(`  ${i.date ?? '          '}  ${i.title}${i.dateConflict ? `  ⚠ URL says ${i.urlDate}` : ''}`);
  }
  for (const m of p.consultation) lines.push(`consultation: ${m.label} → ${m.href || '(no link)'}${m.imageOnly ? '  ⚠ leads nowhere' : ''}`);
  for (const l of p.letters) lines.push(`letter: ${l.title} · asked ${l.asked ?? '?'} · replied ${l.replied ?? '—'} · ${l.status ?? '?'}`);
  if (p.guide.present.length || p.guide.missing.length) lines.push(`guide: present ${p.guide.present.join(' ') || '—'}; missing ${p.guide.missing.join(' ') || '—'}`);
  if (p.spam.terms.length || p.spam.hiddenLinks.length) lines.push(`spam: ${p.spam.terms.join(' ')} · hidden links ${p.spam.hiddenLinks.map((l) => l.href).join(' ')}`);
  return `${lines.join('\n')}\n`;
}
