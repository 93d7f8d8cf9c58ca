/** Where a site's chrome may link: pages the site has, so wearing it changes no crawl's page set. */
export interface ChromeTargets {
  label: string;
  column: (c: number) => string;
  article: (i: number) => string;
  image: (i: number) => string;
}

/** The markup a page wears around its content: `head` goes in <head>, `top` before the content, `bottom` after it. */
export interface Chrome {
  head: string;
  top: string;
  bottom: string;
}

export const NO_CHROME: Chrome = { head: '', top: '', bottom: '' };

/** Light pages (a few KB, ~50 elements) or pages that weigh what real portals' pages do. */
export type PageWeight = 'light' | 'portal';

export function pageWeight(arg: string | undefined): PageWeight {
  const weight = arg ?? 'light';
  if (weight !== 'light' && weight !== 'portal') throw new Error(`page weight must be light or portal, got ${weight}`);
  return weight;
}

/** Menu labels: what real portals' sub-columns are called, none of them a category's name. */
const PLACES = ['走进本地', '魅力乡村', '文化旅游', '投资环境', '特色产业', '历史沿革', '自然地理', '交通出行', '民俗风情', '名胜古迹', '地方特产', '生态环境', '城乡建设'];
const TOPICS = ['概览', '风采', '动向', '导览', '纵览', '巡礼', '图集'];

/**
 * What a real portal's page carries around its content (the corpus's gov.cn home page: 76 KB, 830
 * elements, 246 links; Shanxi's article page: 94 KB, 1,277 elements, 397 links): an inline script
 * and style, a mega-menu of sub-columns, a sidebar of features with images, a footer of sister
 * sites. ~30 KB, ~650 elements, ~250 links; page analysis then costs ~3 ms a page, as the corpus's
 * real pages do (1.5–6.6 ms), where a light page costs ~0.3 ms.
 */
export function portalChrome({ label, column, article, image }: ChromeTargets): Chrome {
  const script = Array.from({ length: 60 }, (_, i) => `function menu${i}(e){var n=document.getElementById("m${i}");if(n){n.style.display=e?"block":"none";}return ${i};}`).join('\n');
  const style = Array.from({ length: 40 }, (_, i) => `.nav .m${i} li a{color:#1a5fb4;padding:0 ${i % 9}px;line-height:32px}`).join('\n');
  const sub = (c: number) => `<ul class="sub" id="m${c}">${Array.from({ length: 28 }, (_, j) =>
    `<li><a href="${column((c + j) % 8)}">${PLACES[(c * 28 + j) % PLACES.length]}${TOPICS[j % TOPICS.length]}</a></li>`).join('')}</ul>`;
  const menu = `<div class="megamenu">${Array.from({ length: 8 }, (_, c) => `<div class="m${c}"><span>频道${c}</span>${sub(c)}</div>`).join('')}</div>`;
  const aside = `<div class="aside"><h3>专题专栏</h3><ul>${Array.from({ length: 24 }, (_, i) => `<li><a href="${article(i)}"><img src="${image(i)}" alt="专题">${PLACES[i % PLACES.length]}专题</a></li>`).join('')}</ul></div>`;
  const sisters = `<div class="links"><h3>友情链接</h3><ul>${Array.from({ length: 40 }, (_, i) => `<li><span>${label}第${i}兄弟单位网站</span></li>`).join('')}</ul></div>`;
  const info = `<div class="info">${Array.from({ length: 30 }, (_, i) => `<p>主办单位：${label}人民政府办公室　承办：信息中心　地址：人民路${i}号　电话：0000-${1000 + i}</p>`).join('')}</div>`;
  return { head: `<style>${style}</style><script>${script}</script>`, top: menu, bottom: `${aside}${sisters}${info}` };
}
