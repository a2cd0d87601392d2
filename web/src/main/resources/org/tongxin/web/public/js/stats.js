// Statistics (统计), for prosecutors and analysts: the figures the platform reports, as charts (ECharts) and tables,
// over an optional range of days, with the same figures as an XLSX workbook.
(function () {
  const { el, t } = TX;
  const n = (v) => (typeof v === 'number' && isFinite(v) ? v : 0);
  /** The charts of the page on show; disposed before the page draws again. */
  let charts = [];
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));

  function chart(id, option) {
    const box = document.getElementById(id);
    if (!box || !window.echarts) { return null; }
    const c = window.echarts.init(box, null, { renderer: 'canvas', locale: TXI18N.lang() === 'en' ? 'EN' : 'ZH' });
    // Tooltips drawn on the canvas (richText): no HTML is built from data, nothing for the style policy to refuse.
    c.setOption(Object.assign({ animation: false, tooltip: { trigger: 'item', renderMode: 'richText' } }, option));
    charts.push(c);
    return c;
  }

  const table = (id, head, rows) => el('table', { id, class: 'stats-table' },
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map((c, i) => el('td', { class: i > 0 && typeof c === 'number' ? 'num' : null }, c))))));

  TX.pages.stats = async function (params) {
    const live = TX.current();
    const range = { from: params.get('from') || '', to: params.get('to') || '' };
    const form = el('form', { class: 'filters', id: 'stats-filters', onsubmit: ev => {
      ev.preventDefault();
      const data = new FormData(form);
      location.hash = '#/stats' + TX.qs({ from: data.get('from'), to: data.get('to') });
    } },
    el('label', {}, el('span', { 'data-i18n': 'stats.from' }, '起始日期'), el('input', { type: 'date', name: 'from', id: 'stats-from', value: range.from })),
    el('label', {}, el('span', { 'data-i18n': 'stats.to' }, '截止日期'), el('input', { type: 'date', name: 'to', id: 'stats-to', value: range.to })),
    el('button', { type: 'submit', id: 'stats-apply', 'data-i18n': 'stats.apply' }, '统计'),
    el('a', { href: '#/stats', class: 'muted', 'data-i18n': 'stats.allDays' }, '全部日期'),
    el('a', { href: '/api/stats.xlsx' + TX.qs(range), id: 'stats-xlsx', download: '', class: 'download', 'data-i18n': 'stats.xlsx' }, '下载统计表（XLSX）'));
    let r;
    try {
      r = await TX.get('/api/stats' + TX.qs(range));
    } catch (e) {
      if (!live()) { return; }
      TX.view(el('h1', { 'data-i18n': 'stats.title' }, '统计'), el('div', { class: 'panel' }, form), TX.error(e.message));
      return;
    }
    if (!live()) { return; }
    charts.forEach(c => c.dispose());
    charts = [];

    const period = TX.join(' ', t('stats.period', '统计期间'), (r.from || t('stats.open', '不限')) + ' — ' + (r.to || t('stats.open', '不限')));
    const cards = el('div', { class: 'stat-cards', id: 'stats-headline' }, (r.headline || []).map(f =>
      el('div', { class: 'stat-card', 'data-code': f.code }, el('div', { class: 'stat-n' }, String(n(f.count)),
        el('span', { class: 'unit' }, TXI18N.lang() === 'en' ? '' : f.unit || '')), el('div', { class: 'muted' }, t('stats.figure.' + f.code, f.label)))));
    const o = r.orders || {};
    const s = r.submissions || {};
    const c = r.classes || {};
    const months = r.leadsByMonth || [];
    TX.view(el('h1', { 'data-i18n': 'stats.title' }, '统计'),
      el('div', { class: 'panel' }, form, el('div', { class: 'muted', id: 'stats-period' }, period,
        ' · ', t('stats.generated', '生成于'), ' ', TX.fmt(r.generatedAt))),
      cards,
      el('div', { class: 'stats-grid' },
        el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'stats.byModel' }, '各模型线索数'), el('div', { class: 'chart', id: 'stats-by-model' })),
        el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'stats.outcomes' }, '办理结果'), el('div', { class: 'chart', id: 'stats-outcomes' })),
        el('div', { class: 'panel wide' }, el('h2', { 'data-i18n': 'stats.byMonth' }, '每月新发现线索（按模型）'),
          months.length ? el('div', { class: 'chart', id: 'stats-by-month' })
            : el('p', { class: 'muted', id: 'stats-no-months' }, t('stats.noLeads', '该期间没有新发现的线索。'))),
        el('div', { class: 'panel wide' }, el('h2', { 'data-i18n': 'stats.byRule' }, '各规则命中线索数'), el('div', { class: 'chart tall', id: 'stats-by-rule' })),
        el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'stats.orders' }, '督促监护令与家庭教育指导令'),
          table('stats-orders', [t('stats.step', '环节'), t('stats.count', '份数')], [
            [t('stats.order.drafted', '起草'), n(o.drafted)], [t('stats.order.issued', '发出'), n(o.issued)],
            ...(o.issuedByKind || []).map(k => ['　' + t('orders.kind.' + k.code, k.label), n(k.count)]),
            [t('stats.order.acknowledged', '监护人确认收到'), n(o.acknowledged)], [t('stats.order.closed', '结案'), n(o.closed)],
            [t('stats.order.cancelled', '撤回'), n(o.cancelled)]])),
        el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'stats.submissions' }, '观察员问题线索'),
          table('stats-submissions', [t('stats.step', '环节'), t('stats.items', '条数')], (s.byStatus || []).map(x => [TX.label('status.submission', x.code) || x.label, n(x.count)]))),
        el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'stats.classes' }, '法治“童心圆”教育基地'),
          table('stats-classes', [t('stats.item', '项目'), t('stats.number', '数量')], [
            [t('stats.class.requested', '学校预约'), n(c.requested)], [t('stats.class.scheduled', '已排课'), n(c.scheduled)],
            [t('stats.class.delivered', '已授课'), n(c.delivered)],
            ...(c.deliveredByTopic || []).map(k => [['　', el('span', { translate: 'no' }, k.label)], n(k.count)]),
            [t('stats.class.audience', '授课覆盖人数'), n(c.audience)], [t('stats.class.cancelled', '已取消'), n(c.cancelled)],
            [t('stats.class.sessions', '帮教课程出勤（人次）'), n(c.attendedSessions)],
            [t('stats.class.minors', '帮教课程出勤（人数）'), n(c.assistedMinors)]]))));

    const models = r.leadsByModel || [];
    chart('stats-by-model', {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: models.map(m => m.label), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t('stats.leads', '线索数'), data: models.map(m => n(m.count)), label: { show: true, position: 'right' },
        itemStyle: { color: '#1d5fa8' } }]
    });
    const outcomes = r.outcomes || [];
    chart('stats-outcomes', {
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', stillShowZeroSum: false, name: t('stats.outcomes', '办理结果'), radius: ['35%', '65%'], center: ['50%', '45%'],
        data: outcomes.map(x => ({ name: x.label, value: n(x.count) })), label: { formatter: '{b}：{c}' } }]
    });
    if (months.length) {
      chart('stats-by-month', {
        legend: { top: 0, type: 'scroll' },
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months.map(m => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: models.map(model => ({ type: 'bar', stack: 'leads', name: model.label,
          data: months.map(m => n(((m.byModel || []).find(x => x.code === model.code) || {}).count)) }))
      });
    }
    const rules = r.leadsByRule || [];
    chart('stats-by-rule', {
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rules.map(x => x.code), axisLabel: { interval: 0, rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      series: [{ type: 'bar', name: t('stats.leads', '线索数'), data: rules.map(x => ({ value: n(x.count), name: x.label })),
        itemStyle: { color: '#e63946' } }]
    });
  };
})();
