// The lead workbench: filters, counts per model, the list.
(function () {
  const { el, t } = TX;

  TX.pages.leads = async function (params) {
    const live = TX.current();
    const meta = await TX.loadMeta();
    const f = Object.fromEntries(['model', 'rule', 'severity', 'status', 'from', 'to', 'place', 'all', 'page']
      .map(k => [k, params.get(k) || '']));
    const select = (name, options) => el('select', { name, id: 'f-' + name },
      el('option', { value: '' }, t('any', '全部')),
      options.map(([v, label]) => el('option', { value: v, selected: f[name] === v }, label)));
    const rules = meta.models.flatMap(m => m.rules.map(r => [r.id, r.id + ' ' + r.zh]));
    const form = el('form', { class: 'filters', id: 'lead-filters', onsubmit: ev => {
      ev.preventDefault();
      const data = new FormData(form);
      const q = {};
      data.forEach((v, k) => { if (v) { q[k] = v; } });
      location.hash = '#/leads' + TX.qs(q);
    } },
    el('label', {}, el('span', { 'data-i18n': 'filter.model' }, '模型'), select('model', meta.models.map(m => [m.id, m.title]))),
    el('label', {}, el('span', { 'data-i18n': 'filter.rule' }, '规则'), select('rule', rules)),
    el('label', {}, el('span', { 'data-i18n': 'filter.severity' }, '等级'), select('severity', [['red', '红'], ['yellow', '黄']])),
    el('label', {}, el('span', { 'data-i18n': 'filter.status' }, '状态'), select('status', meta.statuses.map(s => [s.code, s.zh]))),
    el('label', {}, el('span', { 'data-i18n': 'filter.from' }, '事件起'), el('input', { type: 'date', name: 'from', value: f.from })),
    el('label', {}, el('span', { 'data-i18n': 'filter.to' }, '事件止'), el('input', { type: 'date', name: 'to', value: f.to })),
    el('label', {}, el('span', { 'data-i18n': 'filter.place' }, '地点'), el('input', { name: 'place', value: f.place, placeholder: t('leads.placeHint', '场所/单位名称或编码') })),
    el('label', {}, el('span', { 'data-i18n': 'filter.all' }, '含已消除'), el('input', { type: 'checkbox', name: 'all', value: 'true', checked: f.all === 'true' })),
    el('button', { type: 'submit', id: 'apply-filters', 'data-i18n': 'filter.apply' }, '筛选'),
    // The same filters, every page (the server caps a download at 10,000 leads and says so in the sheet).
    el('a', { href: '/api/leads.xlsx' + TX.qs({ ...f, page: '' }), id: 'leads-xlsx', download: '', class: 'download',
      'data-i18n': 'leads.xlsx' }, '下载线索清单（XLSX）'));
    const list = el('div', { id: 'lead-list' }, t('loading', '加载中…'));
    // Observer reports past their deadline are flagged to prosecutors where they start their day.
    let overdue = null;
    if (TX.me && TX.me.role === 'prosecutor') {
      const o = await TX.get('/api/submissions?overdue=true');
      if (o.total > 0) {
        overdue = el('a', { class: 'notice', id: 'overdue-reports', href: '#/submissions?overdue=true' },
          t('leads.overdue', '观察员线索超期：{ack} 条超 3 日未受理，{result} 条超 3 个月未办结', { ack: o.ackOverdue, result: o.resultOverdue }));
      }
    }
    // Open a lead by its key (as models.md writes it) or its 16-character number; an unknown one is said beside the box.
    let lookup = null;
    if (TX.me && (TX.me.role === 'prosecutor' || TX.me.role === 'analyst')) {
      const box = el('input', { id: 'lead-lookup-key', name: 'key', placeholder: t('leads.lookupHint', '线索键或线索编号'), size: 40 });
      const say = el('span', { id: 'lead-lookup-message' });
      lookup = el('form', { class: 'filters', id: 'lead-lookup', onsubmit: async ev => {
        ev.preventDefault();
        const key = box.value.trim();
        if (!key) { say.replaceChildren(TX.error(t('leads.lookupEmpty', '请粘贴线索键或线索编号'))); return; }
        try {
          const ref = /^[0-9a-f]{16}$/.test(key) ? (await TX.get('/api/leads/' + key)).ref
            : (await TX.get('/api/leads/by-key' + TX.qs({ key }))).ref;
          location.hash = '#/lead/' + ref;
        } catch (e) { say.replaceChildren(TX.error([t('leads.lookupUnknown', '未找到该线索：'), el('span', { translate: 'no' }, key)])); }
      } },
      el('label', {}, el('span', { 'data-i18n': 'leads.lookup' }, '按键打开线索'), box),
      el('button', { type: 'submit', id: 'lead-lookup-open', 'data-i18n': 'leads.lookupOpen' }, '打开'), say);
    }
    if (!live()) { return; }
    // Department staff see only the leads referred to their department, and are told so.
    const title = TX.me && TX.me.role === 'department'
      ? el('h1', { 'data-i18n': 'leads.department' }, '移送本部门的线索') : el('h1', { 'data-i18n': 'leads.title' }, '线索工作台');
    TX.view(title, overdue, lookup ? el('div', { class: 'panel' }, lookup) : null, el('div', { class: 'panel' }, form), list);
    let data;
    try {
      data = await TX.get('/api/leads' + TX.qs({ ...f, page: f.page || 1, size: 50 }));
    } catch (e) {
      list.replaceChildren(TX.error(e.message));
      return;
    }
    const titles = Object.fromEntries(meta.models.map(m => [m.id, m.title]));
    const chip = (model, n) => el('span', { class: 'chip' + (f.model === model ? ' on' : ''), 'data-model': model,
      onclick: () => { location.hash = '#/leads' + TX.qs({ ...f, page: '', model: f.model === model ? '' : model }); } },
    el('span', { lang: 'zh-CN' }, titles[model] || model), el('span', { class: 'n' }, n));
    const counts = el('div', { class: 'chips', id: 'model-counts' },
      el('span', { class: 'chip' }, t('total', '合计'), el('span', { class: 'n', id: 'lead-total' }, data.total)),
      meta.models.map(m => chip(m.id, data.countsByModel[m.id] || 0)),
      Object.entries(data.countsBySeverity).map(([s, n]) => el('span', { class: 'chip' }, TX.severityDot(s), t(s, s === 'red' ? '红' : '黄'), el('span', { class: 'n' }, n))));
    const rows = data.items.map(l => el('tr', { class: 'clickable lead-row', 'data-ref': l.ref,
      onclick: () => { location.hash = '#/lead/' + l.ref; } },
    el('td', { class: 'severity' }, TX.severityDot(l.severity)),
    el('td', { class: 'model', lang: 'zh-CN' }, l.modelTitle),
    el('td', { class: 'rules' }, l.rules.join(' ')),
    el('td', { class: 'subject' }, l.subject ? [
      el('span', { translate: 'no', class: 'subject-name', title: l.subject.masked ? t('leads.masked', '已脱敏') : null }, l.subject.name),
      el('div', { class: 'muted' }, TX.label('kind', l.subject.kind) || l.subject.kindZh)] : null),
    el('td', { class: 'summary', lang: 'zh-CN' }, l.summary),
    el('td', { class: 'status' }, el('span', { class: 'badge' }, TX.label('status.lead', l.status) || l.statusZh), l.holds === false ? el('div', { class: 'muted' }, t('leads.cleared', '已消除')) : null),
    el('td', { class: 'muted date' }, TX.fmt(l.firstRaisedAt).substring(0, 16))));
    const page = data.page;
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    const pager = el('div', { class: 'actions' },
      el('button', { class: 'secondary', disabled: page <= 1, onclick: () => { location.hash = '#/leads' + TX.qs({ ...f, page: page - 1 }); } }, t('prev', '上一页')),
      el('span', { class: 'muted' }, t('page', '页') + ' ' + page + ' / ' + pages),
      el('button', { class: 'secondary', disabled: page >= pages, onclick: () => { location.hash = '#/leads' + TX.qs({ ...f, page: page + 1 }); } }, t('next', '下一页')));
    list.replaceChildren(counts, el('table', { id: 'lead-table' },
      el('thead', {}, el('tr', {}, ['col.severity|等级|severity', 'col.model|模型|model', 'col.rules|规则|rules', 'col.subject|对象|subject',
        'col.summary|摘要|summary', 'col.status|状态|status', 'col.raised|发现时间|date']
        .map(h => h.split('|')).map(([key, zh, cls]) => el('th', { 'data-i18n': key, class: cls }, zh)))),
      el('tbody', {}, rows)), pager);
    window.TXI18N.apply(list);
  };
})();
