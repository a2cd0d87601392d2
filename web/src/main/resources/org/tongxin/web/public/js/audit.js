// The audit log, for prosecutors: who read, exported, unmasked or changed what, and whether the chain holds.
(function () {
  const { el, t } = TX;
  const data = (text) => el('span', { translate: 'no' }, text);

  TX.pages.audit = async function (params) {
    const live = TX.current();
    const f = Object.fromEntries(['user', 'action', 'from', 'to', 'kind', 'object'].map(k => [k, params.get(k) || '']));
    const d = await TX.get('/api/audit' + TX.qs({ ...f, limit: 300 }));
    if (!live()) { return; }
    // Filters and the workbook of the same entries (all of them, up to 10,000).
    const form = el('form', { class: 'filters', id: 'audit-filters', onsubmit: ev => {
      ev.preventDefault();
      const q = {};
      new FormData(form).forEach((v, k) => { if (v) { q[k] = v; } });
      location.hash = '#/audit' + TX.qs(q);
    } },
    el('label', {}, el('span', { 'data-i18n': 'audit.user' }, '用户'), el('input', { name: 'user', id: 'audit-user', value: f.user })),
    // Actions by name; the API filters by the code's beginning, so a whole family (lead.) is one choice too.
    el('label', {}, el('span', { 'data-i18n': 'audit.action' }, '操作'), el('select', { name: 'action', id: 'audit-action' },
      el('option', { value: '' }, t('any', '不限')),
      Object.entries(TX.labelMap('action')).map(([code, name]) => el('option', { value: code, selected: code === f.action }, name)))),
    // What an entry is about: a kind of object (the kinds the API's kind filter knows, named by the labels) and a reference.
    el('label', {}, el('span', { 'data-i18n': 'audit.objectKind' }, '对象类型'), el('select', { name: 'kind', id: 'audit-kind' },
      el('option', { value: '' }, t('any', '不限')),
      ['Lead', 'Order', 'Person', 'Submission', 'ClassBooking', 'SavedView'].map(code => el('option', { value: code, selected: code === f.kind }, TX.label('kind', code)))),
    el('input', { name: 'object', id: 'audit-object', value: f.object, placeholder: t('audit.objectRef', '对象编号，如线索编号') })),
    el('label', {}, el('span', { 'data-i18n': 'audit.from' }, '起始日期'), el('input', { type: 'date', name: 'from', id: 'audit-from', value: f.from })),
    el('label', {}, el('span', { 'data-i18n': 'audit.to' }, '截止日期'), el('input', { type: 'date', name: 'to', id: 'audit-to', value: f.to })),
    el('button', { type: 'submit', id: 'audit-apply', 'data-i18n': 'audit.apply' }, '筛选'),
    el('a', { href: '/api/audit.xlsx' + TX.qs(f), id: 'audit-xlsx', download: '', class: 'download', 'data-i18n': 'audit.xlsx' }, '下载审计日志（XLSX）'));
    const chain = d.chain.intact
      ? el('div', { class: 'muted', id: 'audit-chain' }, t('audit.intact', '哈希链完整：共 {n} 条', { n: d.chain.entries }))
      : el('div', { class: 'error', id: 'audit-chain' }, t('audit.broken', '哈希链在第 {n} 条断开：', { n: d.chain.firstBroken }), data(d.chain.reason));
    const HEAD = [['audit.seq', '序号'], ['audit.at', '时间'], ['audit.user', '用户'], ['audit.role', '角色'], ['audit.action', '操作'],
      ['audit.what', '对象'], ['audit.why', '理由'], ['audit.detail', '详情']];
    TX.view(el('h1', {}, t('nav.audit', '审计日志')), el('div', { class: 'panel' }, form), chain,
      el('table', { id: 'audit-table' }, el('thead', {}, el('tr', {}, HEAD.map(([k, zh]) => el('th', {}, t(k, zh))))),
        el('tbody', {}, d.entries.map(e => el('tr', {}, el('td', {}, e.seq), el('td', {}, TX.fmt(e.at)),
          el('td', {}, data(e.user)), el('td', { class: 'audit-role' }, TX.label('role', e.role)),
          el('td', { class: 'audit-action', title: e.action }, TX.label('action', e.action)),
          // Objects and details in the reader's words (线索 R-…, 转为“核查中”), put so by the API.
          el('td', { class: 'muted audit-what' }, data((e.objects || []).slice(0, 3).join(' ')), (e.objects || []).length > 3 ? ' …+' + (e.objects.length - 3) : ''),
          el('td', {}, data(e.why || '')), el('td', { class: 'muted audit-detail' }, data(e.details || '')))))));
  };
})();
