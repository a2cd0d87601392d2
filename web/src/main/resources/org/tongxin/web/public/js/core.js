// Shared helpers: DOM building (text only — data never becomes HTML), JSON calls, small widgets.
(function () {
  const TX = window.TX = {};
  TX.pages = {};
  TX.t = (key, zh, vars) => window.TXI18N.t(key, zh, vars);

  /** el('div', {class: 'x', onclick: f}, child, 'text', …): every string child becomes a text node. */
  TX.el = function (tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) { return; }
      if (k.startsWith('on')) { e.addEventListener(k.substring(2), v); }
      else if (k === 'class') { e.className = v; }
      else { e.setAttribute(k, v === true ? '' : String(v)); }
    });
    children.flat().forEach(c => {
      if (c === undefined || c === null || c === false) { return; }
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return e;
  };

  /** svg('circle', {cx: 1}, child…): an SVG element; string children become text nodes. */
  TX.svg = function (tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, String(v)));
    children.forEach(c => e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return e;
  };

  /** A 401 sends the user to the login page and brings them back afterwards. */
  async function answer(r) {
    const body = await r.json().catch(() => ({ error: r.statusText }));
    if (r.status === 401 && !location.hash.startsWith('#/login')) {
      sessionStorage.setItem('tongxin.after', location.hash);
      location.hash = '#/login';
    }
    if (!r.ok) { throw new Error(body.error || ('HTTP ' + r.status)); }
    return body;
  }

  /** The server answers errors in the language of the interface's switch, not the browser's. */
  TX.language = () => (window.TXI18N && TXI18N.lang() === 'en' ? 'en' : 'zh-CN');

  TX.get = async function (url) {
    return answer(await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': TX.language() },
      credentials: 'same-origin' }));
  };

  /** State-changing calls carry the session's CSRF token from its cookie. */
  TX.csrf = () => (document.cookie.split('; ').find(c => c.startsWith('TX_CSRF=')) || '').substring(8);

  TX.post = async function (url, data) {
    return answer(await fetch(url, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': TX.language(),
        'X-CSRF-Token': TX.csrf() },
      body: JSON.stringify(data) }));
  };

  TX.qs = function (params) {
    const p = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '' && v !== false) { p.set(k, v); } });
    const s = p.toString();
    return s ? '?' + s : '';
  };

  TX.error = (message) => TX.el('div', { class: 'error', role: 'alert' }, message);

  /**
   * Pages load data before they draw; a page the user has already left must not draw over the next one. Each
   * page takes TX.current() when it starts and draws only while it is still the current route.
   */
  TX.routeToken = 0;
  TX.current = function () {
    const token = TX.routeToken;
    return () => token === TX.routeToken;
  };

  /**
   * The DOM's replaceChildren and append write null and undefined out as the words "null" and "undefined": these
   * drop them (and false), so a part left out with `cond ? part : null` shows nothing.
   */
  const present = (children) => children.flat(Infinity).filter(c => c !== undefined && c !== null && c !== false);
  TX.fill = (node, ...children) => { node.replaceChildren(...present(children)); return node; };
  TX.add = (node, ...children) => { node.append(...present(children)); return node; };

  TX.view = function (...children) {
    const v = TX.fill(document.getElementById('view'), children);
    window.TXI18N.apply(v);
    return v;
  };

  /** An ISO local or zoned date-time as the API writes temporals (seconds, fraction and offset optional). */
  const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)?(\[[^\]]+\])?$/;

  /** A value as text: date-times to the minute (2026-03-05 21:30); any other text exactly as it is. */
  TX.fmt = function (v) {
    if (v === null || v === undefined) { return ''; }
    if (typeof v === 'boolean') { return v ? TX.t('yes', '是') : TX.t('no', '否'); }
    if (Array.isArray(v)) { return v.map(TX.fmt).join('、'); }
    if (typeof v === 'object') { return JSON.stringify(v); }
    const m = DATE_TIME.exec(String(v));
    return m ? m[1] + ' ' + m[2] : String(v);
  };

  /** The parts that have a value, joined by sep: a missing field leaves no "null" and no stray separator. */
  TX.join = (sep, ...parts) => parts.flat().filter(p => p !== undefined && p !== null && p !== '').join(sep);

  /** A definition list of properties. */
  TX.kv = function (obj) {
    const dl = TX.el('dl', { class: 'kv' });
    Object.entries(obj || {}).forEach(([k, v]) => { dl.append(TX.el('dt', {}, k), TX.el('dd', {}, TX.fmt(v))); });
    return dl;
  };

  /** The original source row of a record, as header → cell, with file and line. */
  TX.sourceBox = function (src) {
    if (!src) { return TX.el('div'); }
    const rows = Object.entries(src.row || {}).map(([k, v]) => TX.el('tr', {}, TX.el('th', {}, k), TX.el('td', {}, v)));
    return TX.el('div', { class: 'source', 'data-testid': 'source-row' },
      TX.el('div', {}, TX.el('strong', {}, TX.t('source.row', '原始数据行')), ' ',
        TX.el('span', { class: 'muted' }, [src.department, src.title].filter(Boolean).join(' · '))),
      TX.el('div', { class: 'muted' }, TX.t('source.file', '文件') + '：' + (src.file || '') + '  ' +
        TX.t('source.line', '行号') + '：' + (src.line ?? '') + (src.encoding ? '  (' + src.encoding + ')' : '')),
      src.flags && src.flags.length ? TX.el('div', { class: 'notice' }, TX.t('source.flags', '数据问题') + '：' + TX.fmt(src.flags)) : null,
      TX.el('table', {}, TX.el('tbody', {}, rows)));
  };

  TX.severityDot = (s) => TX.el('span', { class: 'sev ' + s, title: s });
  TX.meta = null;
  TX.loadMeta = async function () { if (!TX.meta) { TX.meta = await TX.get('/api/meta'); } return TX.meta; };
})();
