// The audit log, for prosecutors: who read, exported, unmasked or changed what, and whether the chain holds.
(function () {
  const { el, t } = TX;

  /** What the filter offers: the groups of actions (the API filters by the start of the action's code). */
  const ACTIONS = [['lead.status', '线索办理', 'audit.leadSteps'], ['lead.', '线索查阅与办理', 'audit.leads'],
    ['export.', '导出', 'audit.exports'], ['unmask', '查看完整信息', 'audit.unmask'], ['node.', '图谱查阅', 'audit.graph'],
    ['cypher', 'Cypher 查询', 'audit.cypher'], ['order.', '令状', 'audit.orders'], ['submission.', '观察员线索', 'audit.submissions'],
    ['profile.', '帮教画像', 'audit.profiles'], ['login', '登录', 'audit.logins']];

  /** The filters: one user, one group of actions; applied through the address so Back returns to them. */
  function filters(params) {
    const user = el('input', { id: 'audit-user', name: 'user', value: params.get('user') || '', placeholder: t('audit.userHint', '用户名') });
    const action = el('select', { id: 'audit-action', name: 'action' }, el('option', { value: '' }, t('any', '全部')),
      ACTIONS.map(([code, zh, key]) => el('option', { value: code, selected: params.get('action') === code }, t(key, zh))));
    const form = el('form', { class: 'filters', id: 'audit-filters', onsubmit: ev => {
      ev.preventDefault();
      location.hash = '#/audit' + TX.qs({ user: user.value.trim(), action: action.value });
    } },
    el('label', {}, el('span', {}, t('audit.user', '用户')), user),
    el('label', {}, el('span', {}, t('audit.action', '操作')), action),
    el('button', { type: 'submit', id: 'audit-apply' }, t('filter.apply', '筛选')));
    return el('div', { class: 'panel' }, form);
  }

  TX.pages.audit = async function (params) {
    const live = TX.current();
    const d = await TX.get('/api/audit' + TX.qs({ user: params.get('user'), action: params.get('action'), limit: 300 }));
    if (!live()) { return; }
    const chain = d.chain.intact
      ? el('div', { class: 'muted', id: 'audit-chain' }, '哈希链完整：共 ' + d.chain.entries + ' 条')
      : el('div', { class: 'error', id: 'audit-chain' }, '哈希链在第 ' + d.chain.firstBroken + ' 条断开：' + d.chain.reason);
    TX.view(el('h1', {}, '审计日志'), filters(params), chain,
      el('table', { id: 'audit-table' }, el('thead', {}, el('tr', {}, ['序号', '时间', '用户', '角色', '操作', '对象', '理由', '详情'].map(h => el('th', {}, h)))),
        el('tbody', {}, d.entries.map(e => el('tr', {}, el('td', {}, e.seq), el('td', {}, TX.fmt(e.at).substring(0, 19)),
          el('td', {}, e.user), el('td', {}, e.role || ''), el('td', {}, e.action), el('td', { class: 'muted' }, (e.what || []).slice(0, 3).join(' ')
            + ((e.what || []).length > 3 ? ' …+' + (e.what.length - 3) : '')),
          el('td', {}, e.why || ''), el('td', { class: 'muted' }, e.detail || ''))))));
  };
})();
