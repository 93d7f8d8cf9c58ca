import { createHash } from 'node:crypto';

/**
 * The report's only script: sorts and filters the site table (by text, verdict and region). It touches text through textContent
 * and data attributes only, never innerHTML. The page's Content-Security-Policy allows this exact
 * script by its hash, so nothing a crawled page smuggled into the report could run even if escaping failed.
 */
export const TABLE_SCRIPT = `(function () {
  var table = document.getElementById('sites');
  var body = table.tBodies[0];
  var filter = document.getElementById('filter');
  var verdict = document.getElementById('verdict-filter');
  var region = document.getElementById('region-filter');
  function apply() {
    var text = filter.value.trim().toLowerCase();
    var v = verdict.value;
    var r = region ? region.value : '';
    Array.prototype.forEach.call(body.rows, function (row) {
      var show = (!text || row.textContent.toLowerCase().indexOf(text) >= 0) && (!v || row.getAttribute('data-verdict') === v) && (!r || row.getAttribute('data-region') === r);
      row.hidden = !show;
    });
  }
  filter.addEventListener('input', apply);
  verdict.addEventListener('change', apply);
  if (region) {
    region.addEventListener('change', apply);
    // a region of the summary's table: its sites in the list
    Array.prototype.forEach.call(document.querySelectorAll('#regions a[data-region]'), function (a) {
      a.addEventListener('click', function () { region.value = a.getAttribute('data-region'); apply(); });
    });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    th.addEventListener('click', function () {
      var numeric = th.getAttribute('data-type') === 'number';
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].getAttribute('data-sort') || a.cells[index].textContent;
        var y = b.cells[index].getAttribute('data-sort') || b.cells[index].textContent;
        if (numeric) return dir * ((Number(x) || -1) - (Number(y) || -1));
        return dir * x.localeCompare(y, 'zh');
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();`;

export const TABLE_SCRIPT_HASH = `sha256-${createHash('sha256').update(TABLE_SCRIPT).digest('base64')}`;
