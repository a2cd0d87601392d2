// The audit log, for prosecutors: who read, exported, unmasked or changed what, and whether the chain holds.
(function () {
  const { el, t } = TX;
  const data = (text) => el('span', { translate: 'no' }, text);

  TX.pages.audit = async function (params) {
    const live = TX.current();
    const d = await TX.get('/api/audit' + TX.qs({ user: params.get('user'), action: params.get('action'), limit: 300 }));
    if (!live()) { return; }
    const chain = d.chain.intact
      ? el('div', { class: 'muted', id: 'audit-chain' }, t('audit.intact', '哈希链完整：共 {n} 条', { n: d.chain.entries }))
      : el('div', { class: 'error', id: 'audit-chain' }, t('audit.broken', '哈希链在第 {n} 条断开：', { n: d.chain.firstBroken }), data(d.chain.reason));
    const HEAD = [['audit.seq', '序号'], ['audit.at', '时间'], ['audit.user', '用户'], ['audit.role', '角色'], ['audit.action', '操作'],
      ['audit.what', '对象'], ['audit.why', '理由'], ['audit.detail', '详情']];
    TX.view(el('h1', {}, t('nav.audit', '审计日志')), chain,
      el('table', { id: 'audit-table' }, el('thead', {}, el('tr', {}, HEAD.map(([k, zh]) => el('th', {}, t(k, zh))))),
        el('tbody', {}, d.entries.map(e => el('tr', {}, el('td', {}, e.seq), el('td', {}, TX.fmt(e.at)),
          el('td', {}, data(e.user)), el('td', { class: 'audit-role' }, TX.label('role', e.role)),
          el('td', { class: 'audit-action', title: e.action }, TX.label('action', e.action)),
          el('td', { class: 'muted' }, data((e.what || []).slice(0, 3).join(' ')), (e.what || []).length > 3 ? ' …+' + (e.what.length - 3) : ''),
          el('td', {}, data(e.why || '')), el('td', { class: 'muted' }, data(e.detail || '')))))));
  };
})();
