// The audit log, for prosecutors: who read, exported, unmasked or changed what, and whether the chain holds.
(function () {
  const { el } = TX;

  TX.pages.audit = async function (params) {
    const live = TX.current();
    const d = await TX.get('/api/audit' + TX.qs({ user: params.get('user'), action: params.get('action'), limit: 300 }));
    if (!live()) { return; }
    const chain = d.chain.intact
      ? el('div', { class: 'muted', id: 'audit-chain' }, '哈希链完整：共 ' + d.chain.entries + ' 条')
      : el('div', { class: 'error', id: 'audit-chain' }, '哈希链在第 ' + d.chain.firstBroken + ' 条断开：' + d.chain.reason);
    TX.view(el('h1', {}, '审计日志'), chain,
      el('table', { id: 'audit-table' }, el('thead', {}, el('tr', {}, ['序号', '时间', '用户', '角色', '操作', '对象', '理由', '详情'].map(h => el('th', {}, h)))),
        el('tbody', {}, d.entries.map(e => el('tr', {}, el('td', {}, e.seq), el('td', {}, TX.fmt(e.at).substring(0, 19)),
          el('td', {}, e.user), el('td', {}, e.role || ''), el('td', {}, e.action), el('td', { class: 'muted' }, (e.what || []).slice(0, 3).join(' ')
            + ((e.what || []).length > 3 ? ' …+' + (e.what.length - 3) : '')),
          el('td', {}, e.why || ''), el('td', { class: 'muted' }, e.detail || ''))))));
  };
})();
