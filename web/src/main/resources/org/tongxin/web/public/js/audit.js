// The audit log, for prosecutors: who read, exported, unmasked or changed what, and whether the chain holds.
(function () {
  const { el } = TX;

  TX.pages.audit = async function (params) {
    const live = TX.current();
    const f = Object.fromEntries(['user', 'action', 'from', 'to'].map(k => [k, params.get(k) || '']));
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
    el('label', {}, el('span', { 'data-i18n': 'audit.action' }, '操作（开头）'), el('input', { name: 'action', id: 'audit-action', value: f.action })),
    el('label', {}, el('span', { 'data-i18n': 'audit.from' }, '起始日期'), el('input', { type: 'date', name: 'from', id: 'audit-from', value: f.from })),
    el('label', {}, el('span', { 'data-i18n': 'audit.to' }, '截止日期'), el('input', { type: 'date', name: 'to', id: 'audit-to', value: f.to })),
    el('button', { type: 'submit', id: 'audit-apply', 'data-i18n': 'audit.apply' }, '筛选'),
    el('a', { href: '/api/audit.xlsx' + TX.qs(f), id: 'audit-xlsx', download: '', class: 'download', 'data-i18n': 'audit.xlsx' }, '下载审计日志（XLSX）'));
    const chain = d.chain.intact
      ? el('div', { class: 'muted', id: 'audit-chain' }, '哈希链完整：共 ' + d.chain.entries + ' 条')
      : el('div', { class: 'error', id: 'audit-chain' }, '哈希链在第 ' + d.chain.firstBroken + ' 条断开：' + d.chain.reason);
    TX.view(el('h1', {}, '审计日志'), el('div', { class: 'panel' }, form), chain,
      el('table', { id: 'audit-table' }, el('thead', {}, el('tr', {}, ['序号', '时间', '用户', '角色', '操作', '对象', '理由', '详情'].map(h => el('th', {}, h)))),
        el('tbody', {}, d.entries.map(e => el('tr', {}, el('td', {}, e.seq), el('td', {}, TX.fmt(e.at).substring(0, 19)),
          el('td', {}, e.user), el('td', {}, e.role || ''), el('td', {}, e.action), el('td', { class: 'muted' }, (e.what || []).slice(0, 3).join(' ')
            + ((e.what || []).length > 3 ? ' …+' + (e.what.length - 3) : '')),
          el('td', {}, e.why || ''), el('td', { class: 'muted' }, e.detail || ''))))));
  };
})();
