// Shared helpers: DOM building (text only — data never becomes HTML), JSON calls, small widgets.
(function () {
  const TX = window.TX = {};
  TX.pages = {};
  TX.t = (key, zh, vars) => window.TXI18N.t(key, zh, vars);

  /** el('div', {class: 'x', onclick: f}, child, 'text', …): every string child becomes a text node; arrays of children (at any depth) are spread. */
  TX.el = function (tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) { return; }
      if (k.startsWith('on')) { e.addEventListener(k.substring(2), v); }
      else if (k === 'class') { e.className = v; }
      else { e.setAttribute(k, v === true ? '' : String(v)); }
    });
    children.flat(Infinity).forEach(c => {
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

  /** China time: Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
  const CHINA_OFFSET_MS = 8 * 3600 * 1000;

  /**
   * A value as text: date-times to the minute (2026-03-05 21:30) in China time — a value carrying Z or an offset is
   * an instant and is shown as the clock in Asia/Shanghai read it; a local one as written; any other text exactly
   * as it is.
   */
  TX.fmt = function (v) {
    if (v === null || v === undefined) { return ''; }
    if (typeof v === 'boolean') { return v ? TX.t('yes', '是') : TX.t('no', '否'); }
    if (Array.isArray(v)) { return v.map(TX.fmt).join('、'); }
    if (typeof v === 'object') { return JSON.stringify(v); }
    const m = DATE_TIME.exec(String(v));
    if (!m) { return String(v); }
    if (m[5]) {
      const ms = Date.parse(m[1] + 'T' + m[2] + (m[3] ? m[3].substring(0, 3) : ':00') + m[5].substring(0, 6));
      if (!isNaN(ms)) {
        const china = new Date(ms + CHINA_OFFSET_MS).toISOString();
        return china.substring(0, 10) + ' ' + china.substring(11, 16);
      }
    }
    return m[1] + ' ' + m[2];
  };

  /** The parts that have a value, joined by sep: a missing field leaves no "null" and no stray separator. */
  TX.join = (sep, ...parts) => parts.flat().filter(p => p !== undefined && p !== null && p !== '').join(sep);

  /**
   * The names of codes, from GET /api/labels (loaded once after login, both languages at once): node kinds,
   * relationship types, property keys, datasets, roles, audit actions, departments, statuses. TX.label(kind, code)
   * answers the name in the interface's language — kind is 'kind', 'relation', 'property', 'dataset', 'role',
   * 'action', 'department' or 'status.lead' / 'status.order' / 'status.submission' / 'status.booking' — and the
   * code itself when it has none.
   */
  TX.labels = null;
  TX.loadLabels = async function () {
    if (!TX.labels) { TX.labels = await TX.get('/api/labels'); }
    return TX.labels;
  };
  const SECTIONS = { kind: 'kinds', relation: 'relations', property: 'properties', dataset: 'datasets', role: 'roles',
    action: 'actions', department: 'departments' };
  const english = () => window.TXI18N && window.TXI18N.lang() === 'en';
  const pick = (n) => (english() && n.en ? n.en : n.zh);
  const section = (kind) => {
    const L = TX.labels;
    if (!L) { return null; }
    return kind.startsWith('status.') ? (L.statuses || {})[kind.substring(7)] : L[SECTIONS[kind] || kind];
  };
  TX.label = function (kind, code) {
    if (code === null || code === undefined || code === '') { return ''; }
    const names = section(kind);
    const n = names ? names[code] : null;
    if (n) { return pick(n); }
    if (kind === 'property' && names) {
      const key = String(code);
      for (const d of TX.labels.derived || []) {
        const base = key.length > d.prefix.length + d.suffix.length && key.startsWith(d.prefix) && key.endsWith(d.suffix)
          ? names[key.substring(d.prefix.length, key.length - d.suffix.length)] : null;
        if (base) { return (english() ? d.en : d.zh).replace('{name}', pick(base)); }
      }
    }
    return String(code);
  };
  /** Every code of a section with its name in the interface's language (for edge labels), else the fallback. */
  TX.labelMap = function (kind, fallback) {
    const names = section(kind);
    if (!names) { return fallback || {}; }
    const out = {};
    Object.entries(names).forEach(([code, n]) => { out[code] = pick(n); });
    return out;
  };
  /** A node's kind: a record's by its dataset's record label, else its hub kind (the server's Chinese as fallback). */
  TX.kindName = function (node) {
    if (!node) { return ''; }
    const kinds = section('kind') || {};
    const own = node.kind === 'Record' ? (node.labels || []).find(l => l !== 'Record' && kinds[l]) : null;
    if (own) { return pick(kinds[own]); }
    return kinds[node.kind] ? pick(kinds[node.kind]) : node.kindZh || node.kind || '';
  };

  /**
   * A definition list of properties: each key by its name (labels.yaml), each value as data (translate="no"),
   * true/false as 是/否, a dataset by its title.
   */
  TX.kv = function (obj) {
    const dl = TX.el('dl', { class: 'kv' });
    Object.entries(obj || {}).forEach(([k, v]) => {
      dl.append(TX.el('dt', {}, TX.label('property', k)), typeof v === 'boolean'
        ? TX.el('dd', {}, v ? TX.t('yes', '是') : TX.t('no', '否'))
        : TX.el('dd', { translate: 'no' }, k === 'dataset' && typeof v === 'string' ? TX.label('dataset', v) : TX.fmt(v)));
    });
    return dl;
  };

  /** The original source row of a record, as header → cell (data), with its dataset's title and department, file and line. */
  TX.sourceBox = function (src) {
    if (!src) { return TX.el('div'); }
    const ds = (section('dataset') || {})[src.dataset];
    const title = ds ? (english() ? ds.en : ds.zh) : src.title;
    const department = ds ? (english() ? ds.departmentEn : ds.department) : src.department;
    const rows = Object.entries(src.row || {}).map(([k, v]) => TX.el('tr', { translate: 'no' }, TX.el('th', {}, k), TX.el('td', {}, v)));
    return TX.el('div', { class: 'source', 'data-testid': 'source-row' },
      TX.el('div', {}, TX.el('strong', {}, TX.t('source.row', '原始数据行')), ' ',
        title || department ? TX.el('span', { class: 'muted', 'data-testid': 'source-dataset' }, [department, title].filter(Boolean).join(' · '))
          : TX.el('span', { class: 'muted', translate: 'no' }, src.dataset)),
      TX.el('div', { class: 'muted' }, TX.t('source.file', '文件') + '：', TX.el('span', { translate: 'no' }, src.file || ''), '  ' +
        TX.t('source.line', '行号') + '：' + (src.line ?? ''), src.encoding ? TX.el('span', { translate: 'no' }, '  (' + src.encoding + ')') : null),
      src.flags && src.flags.length ? TX.el('div', { class: 'notice' }, TX.t('source.flags', '数据问题') + '：',
        TX.el('span', { translate: 'no' }, TX.fmt(src.flags))) : null,
      TX.el('table', {}, TX.el('tbody', {}, rows)));
  };

  TX.severityDot = (s) => TX.el('span', { class: 'sev ' + s, title: s });
  TX.meta = null;
  TX.loadMeta = async function () { if (!TX.meta) { TX.meta = await TX.get('/api/meta'); } return TX.meta; };
})();
