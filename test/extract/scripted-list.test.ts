import { describe } from 'node:test';
import { expect } from 'expect';
import { extractFromDocument, extractPage } from '../../src/extract/page.js';
import { fillsListByScript } from '../../src/extract/scripted-list.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { cases } from '../helpers/cases.js';

const list = '<h2>工作动态</h2><ul id="list" class="news-list"></ul>';

describe('lists filled by script', () => {
  cases([
    ['jQuery: records fetched, looped, appended',
      `${list}<script>$.ajax({ url: '/api/news?col=12', dataType: 'json', success: function (res) { $.each(res.list, function (i, item) { $('#list').append('<li><a href="' + item.url + '">' + item.title + '</a><span>' + item.date + '</span></li>'); }); } });</script>`, true],
    ['fetch: records mapped into innerHTML',
      `${list}<script>fetch('/api/news').then(r => r.json()).then(d => { document.getElementById('list').innerHTML = d.map(i => '<li>' + i.title + '</li>').join(''); });</script>`, true],
    ['XMLHttpRequest with a for loop writing rows',
      `${list}<script>var x = new XMLHttpRequest(); x.onload = function () { var d = JSON.parse(x.responseText); for (var i = 0; i < d.length; i++) { document.getElementById('list').insertAdjacentHTML('beforeend', '<li>' + d[i].title + '</li>'); } }; x.open('GET', '/list.json'); x.send();</script>`, true],
    ['Vue: an element repeated per record',
      '<div id="app"><ul><li v-for="item in list" :key="item.id"><a :href="item.url">{{ item.title }}</a><span>{{ item.date }}</span></li></ul></div><script src="/js/vue.min.js"></script><script src="/js/list.js"></script>', true],
    ['artTemplate: a template looping over records',
      `${list}<script id="tpl" type="text/html">{{each list as item}}<li><a href="{{item.url}}">{{item.title}}</a></li>{{/each}}</script><script src="/js/list.js"></script>`, true],
    ['laytpl: a template looping over records',
      `${list}<script id="tpl" type="text/html">{{# layui.each(d.list, function(index, item){ }}<li>{{ item.title }}</li>{{# }); }}</script>`, true],
    ['Hanweb jpage fetching its records from the data proxy',
      `<div id="4521093"></div><script>$('#4521093').jpage({ dataUrl: '/module/web/jpage/dataproxy.jsp', perPage: 15, params: { col: 1, columnid: 4521093 } });</script>`, true],
    // not lists filled by script
    ['Hanweb jpage with its records embedded, none of them: an empty list in the page',
      '<div id="4521093"><script type="text/xml"><datastore><recordset></recordset></datastore></script></div><script>$(\'#4521093\').jpage({ dataStore: 1 });</script>', false],
    ['a visit counter: one value fetched, no loop', `${list}<script>$.get('/counter.jsp', function (n) { $('#count').html(n); });</script>`, false],
    ['a login check (as on www.gov.cn): fetched, not written into the page', `${list}<script>$.ajax({ url: '/auth', success: function (data) { if (data.ok) { window.location.href = '/'; } } });</script>`, false],
    ['only an external script: nothing to tell', `${list}<script src="/js/list.js"></script>`, false],
    ['a template with no loop', `${list}<script type="text/html" id="t">{{ title }}</script>`, false],
    ['a static empty column', '<h2>通知公告</h2><ul></ul><p>暂无信息</p>', false],
    ['a request loop the template has commented out (its list is the page\'s own)',
      `${list}<script>/* $.ajax({ url: '/api/news', success: function (res) { $.each(res.list, function (i, item) { $('#list').append('<li>' + item.title + '</li>'); }); } }); */ var base = 'http://x.gov.cn/';</script>`, false],
  ])('%s', (_name, html: string, expected: boolean) => {
    expect(fillsListByScript(parseHtml(html))).toBe(expected);
  });

  cases([
    ['a list page filled by script, no item in its HTML: scriptedList, not empty', `${list}<p>暂无信息</p><script>$.getJSON('/api', function (d) { $.each(d, function (i, r) { $('#list').append('<li>' + r.title + '</li>'); }); });</script>`, { scriptedList: true, empty: true }],
  ])('page facts: %s', (_name, html: string, expected: object) => {
    const facts = extractPage(html, 'http://x.gov.cn/gzdt/', '2026-11-15');
    expect({ scriptedList: facts.scriptedList, empty: facts.empty }).toEqual(expected);
  });

  // a column page's list in its HTML is its list; a home page shows several, and one filled by script may be its fresh one
  const listed = `<ul><li><a href="/a/1.html">关于开展冬季安全检查的通知</a><span>2026-10-10</span></li><li><a href="/a/2.html">县政府召开常务会议</a><span>2026-10-09</span></li></ul><script>$.getJSON('/api', function (d) { $.each(d, function (i, r) { $('#more').append(r); }); });</script>`;
  cases([
    ['any other page whose items are in its HTML is read as it is, whatever its scripts do', false, false],
    ['a home page says it also fills a list by script', true, true],
  ])('page facts with items: %s', (_name, home: boolean, scriptedList: boolean) => {
    const facts = extractFromDocument(parseHtml(listed), 'http://x.gov.cn/', '2026-11-15', 'utf-8', { withColumns: home });
    expect({ scriptedList: facts.scriptedList, items: facts.lists.flatMap((l) => l.items).length }).toEqual({ scriptedList, items: 2 });
  });
});
