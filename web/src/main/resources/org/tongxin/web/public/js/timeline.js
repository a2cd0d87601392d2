// A person's timeline, as i2 draws one: every dated record that names the person on one time axis, a lane per kind
// of record (labelled with the dataset's Chinese name), stays and sessions drawn as bars; a click on an event shows
// its original source row. Below the axis the same events as a list, and the records without a date.
(function () {
  const { el, t } = TX;
  const W = 1000;
  const LEFT = 150;
  const RIGHT = 20;
  const LANE = 30;
  const TOP = 26;
  const colours = ['#4a6fa5', '#e07a1f', '#2a9d8f', '#9b2226', '#6a4c93', '#b5651d', '#00838f', '#c2185b', '#52606d', '#8e44ad'];

  /** An ISO local date or date-time as a Date in local time (a date alone: its midnight). */
  function parse(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s || '');
    return m ? new Date(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0)) : null;
  }
  /** A record's number without its dataset's prefix (police_admin_penalties:GAXJ… → GAXJ…). */
  const number = (e) => e.rid && e.dataset && e.rid.startsWith(e.dataset + ':') ? e.rid.substring(e.dataset.length + 1) : e.rid;
  /** The kind of record by its dataset's name in the interface's language (the server's Chinese as fallback). */
  const kind = (e) => e.dataset ? TX.label('dataset', e.dataset) : e.title;
  const YEAR = 365.25 * 86400000;
  const day = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');

  TX.pages.timeline = async function (id) {
    const live = TX.current();
    let tl;
    try {
      tl = await TX.get('/api/graph/nodes/' + encodeURIComponent(id) + '/timeline');
    } catch (e) {
      if (live()) { TX.view(TX.error(e.message)); }
      return;
    }
    const source = el('div', { id: 'timeline-source' }, el('p', { class: 'muted' }, t('timeline.pick', '点击时间轴上的事件或列表中的一行，查看其原始数据行。')));
    const rows = [];
    const marks = [];
    const select = async (i) => {
      rows.forEach((r, j) => r.classList.toggle('selected', i === j));
      marks.forEach(m => m.setAttribute('stroke-width', m.dataset.index === String(i) ? '3' : '0'));
      const e = tl.events[i] || tl.undated[i - tl.events.length];
      try {
        const d = await TX.get('/api/graph/nodes/' + encodeURIComponent(e.record));
        TX.fill(source, el('h2', {}, kind(e), ' ', el('span', { class: 'muted', translate: 'no' }, number(e))), TX.sourceBox(d.source),
          el('div', { class: 'actions' }, el('a', { href: '#/explore' + TX.qs({ node: e.record }), id: 'timeline-explore' }, t('timeline.explore', '在图谱中查看此记录'))));
      } catch (err) { source.replaceChildren(TX.error(err.message)); }
    };
    const axis = tl.events.length ? zoomable(tl.events, marks, select) : el('p', { class: 'muted' }, t('timeline.empty', '没有带日期的记录。'));
    const list = el('table', { id: 'timeline-table' }, el('thead', {}, el('tr', {},
      el('th', {}, t('timeline.when', '时间')), el('th', {}, t('timeline.dataset', '记录类型')), el('th', {}, t('timeline.relation', '关联')),
      el('th', {}, t('timeline.place', '地点')), el('th', {}, t('timeline.rid', '记录编号')))),
    el('tbody', {}, tl.events.concat(tl.undated).map((e, i) => {
      const tr = el('tr', { class: 'clickable tl-row', 'data-index': i, 'data-record': e.record, onclick: () => select(i) },
        el('td', {}, e.at ? TX.fmt(e.at) + (e.end ? ' – ' + TX.fmt(e.end) : '') : t('timeline.undated', '无日期')),
        el('td', {}, kind(e)), el('td', {}, TX.join('：', e.relationZh, e.role)),
        el('td', { translate: 'no' }, e.place || ''), el('td', { class: 'muted tl-rid', translate: 'no' }, number(e)));
      rows.push(tr);
      return tr;
    })));
    if (!live()) { return; }
    TX.view(el('h1', {}, t('timeline.title', '人员时间线'), ' · ', el('span', { translate: 'no', id: 'timeline-person' }, tl.person.caption)),
      el('div', { class: 'actions' },
        el('a', { href: '#/explore' + TX.qs({ node: id }) }, t('timeline.back', '在图谱中查看此人')),
        TX.me && TX.me.role === 'prosecutor' ? el('a', { href: '#/profile/' + encodeURIComponent(id) }, t('explore.profile', '帮教画像')) : null),
      el('div', { class: 'muted', id: 'timeline-summary' }, tl.total
        ? t('timeline.summary', '共 {n} 条有日期的记录，{from} 至 {to}', { n: tl.total, from: TX.fmt(tl.first).substring(0, 10), to: TX.fmt(tl.last).substring(0, 10) })
        : t('timeline.empty', '没有带日期的记录。'),
      tl.undated.length ? '；' + t('timeline.undatedN', '另有 {n} 条记录没有日期', { n: tl.undated.length }) : null),
      tl.capped ? el('div', { class: 'notice' }, t('timeline.capped', '只显示最早的 {n} 条。', { n: tl.limit })) : null,
      el('div', { class: 'grid2' },
        el('div', {}, el('div', { class: 'panel', id: 'timeline-axis' }, axis), el('div', { class: 'panel' }, list)),
        el('div', { class: 'panel' }, source)));
  };

  /**
   * The axis with its zoom: range buttons (全部, the last five years, the last year, each up to the last event), a
   * drag across the axis to zoom into that span, and a reset. The axis ends at the last event, so a record dated at
   * birth does not squeeze the recent ones against the right edge once zoomed.
   */
  function zoomable(events, marks, select) {
    const times = events.flatMap(e => [parse(e.at), parse(e.end)]).filter(Boolean).map(d => d.getTime());
    const first = Math.min(...times);
    const last = Math.max(...times);
    const box = el('div', { id: 'timeline-zoom' });
    const show = (lo, hi, range) => {
      buttons.forEach(b => b.classList.toggle('active', b.dataset.range === range));
      box.replaceChildren(draw(events, marks, select, lo, hi, show));
    };
    const range = (code, zh, years) => el('button', { type: 'button', class: 'tl-range', 'data-range': code,
      onclick: () => show(years ? Math.max(first, last - years * YEAR) : first, last, code) }, t('timeline.range.' + code, zh));
    const buttons = [range('all', '全部', 0), range('5y', '近五年', 5), range('1y', '近一年', 1)];
    const reset = el('button', { type: 'button', id: 'timeline-reset', onclick: () => show(first, last, 'all') }, t('timeline.reset', '重置缩放'));
    show(first, last, 'all');
    return el('div', {}, el('div', { class: 'actions', id: 'timeline-ranges' }, buttons, reset,
      el('span', { class: 'muted' }, t('timeline.drag', '在时间轴上拖动可放大所选时段'))), box);
  }

  /**
   * The axis from lo to hi: one lane per kind of record, ticks of the span, a dot per instant and a bar per interval;
   * events outside the span are not drawn. A drag across it calls zoom with the span dragged over.
   */
  function draw(events, marks, select, lo, hi, zoom) {
    marks.length = 0;
    const lanes = [...new Set(events.map(kind))];
    if (hi - lo < 86400000) { lo -= 43200000; hi += 43200000; }
    // Inset by a dot's width, so the first and the last event sit at the ends of the axis and are drawn whole.
    const x0 = LEFT + 8;
    const x1 = W - RIGHT - 8;
    const x = (ms) => x0 + (x1 - x0) * (ms - lo) / (hi - lo);
    const H = TOP + lanes.length * LANE + 10;
    const svg = TX.svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', id: 'timeline-svg', role: 'img',
      'data-from': day(new Date(lo)), 'data-to': day(new Date(hi)),
      'font-family': 'WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif' });
    lanes.forEach((lane, i) => {
      const y = TOP + i * LANE;
      svg.append(TX.svg('rect', { x: 0, y, width: W, height: LANE, fill: i % 2 ? '#ffffff' : '#f5f7fa' }),
        TX.svg('text', { x: 6, y: y + LANE / 2 + 4, 'font-size': 12, fill: '#1f2933' }, lane));
    });
    for (let k = 0; k <= 6; k++) {
      const ms = lo + (hi - lo) * k / 6;
      const px = x(ms);
      svg.append(TX.svg('line', { x1: px, y1: TOP - 4, x2: px, y2: H - 10, stroke: '#dde3ea' }),
        TX.svg('text', { class: 'tl-tick', x: px, y: TOP - 8, 'font-size': 10, fill: '#52606d', 'text-anchor': k === 0 ? 'start' : k === 6 ? 'end' : 'middle' },
          hi - lo < 3 * 86400000 ? day(new Date(ms)).substring(5) + ' ' + String(new Date(ms).getHours()).padStart(2, '0') + ':'
            + String(new Date(ms).getMinutes()).padStart(2, '0') : day(new Date(ms))));
    }
    events.forEach((e, i) => {
      const s = parse(e.at).getTime();
      const end = parse(e.end);
      const e1 = end && end.getTime() > s ? end.getTime() : s;
      if (e1 < lo || s > hi) { return; }
      const lane = lanes.indexOf(kind(e));
      const y = TOP + lane * LANE + LANE / 2;
      const colour = colours[lane % colours.length];
      const mark = e1 > s
        ? TX.svg('rect', { x: x(Math.max(s, lo)), y: y - 6, width: Math.max(4, x(Math.min(e1, hi)) - x(Math.max(s, lo))), height: 12, rx: 3, fill: colour, stroke: '#111' })
        : TX.svg('circle', { cx: x(s), cy: y, r: 6, fill: colour, stroke: '#111' });
      mark.setAttribute('stroke-width', '0');
      mark.setAttribute('class', 'tl-event');
      mark.setAttribute('data-index', String(i));
      mark.setAttribute('data-record', e.record);
      mark.style.cursor = 'pointer';
      mark.append(TX.svg('title', {}, TX.join(' ', kind(e), TX.fmt(e.at), e.place)));
      mark.addEventListener('click', () => select(i));
      marks.push(mark);
      svg.append(mark);
    });
    // Drag to zoom: the dragged span is shaded while dragging and becomes the axis when released.
    const band = TX.svg('rect', { y: TOP, height: H - TOP - 10, width: 0, fill: '#4a6fa5', 'fill-opacity': 0.15, 'pointer-events': 'none' });
    svg.append(band);
    const at = (ev) => {
      const r = svg.getBoundingClientRect();
      return Math.min(x1, Math.max(x0, (ev.clientX - r.left) * W / r.width));
    };
    let from = null;
    svg.addEventListener('mousedown', ev => { if (ev.button === 0) { from = at(ev); ev.preventDefault(); } });
    svg.addEventListener('mousemove', ev => {
      if (from === null) { return; }
      const to = at(ev);
      band.setAttribute('x', Math.min(from, to));
      band.setAttribute('width', Math.abs(to - from));
    });
    svg.addEventListener('mouseup', ev => {
      if (from === null) { return; }
      const a = Math.min(from, at(ev));
      const b = Math.max(from, at(ev));
      from = null;
      band.setAttribute('width', 0);
      const ms = (px) => lo + (hi - lo) * (px - x0) / (x1 - x0);
      if (b - a > 5) { zoom(ms(a), ms(b), null); }
    });
    svg.addEventListener('mouseleave', () => { from = null; band.setAttribute('width', 0); });
    return svg;
  }
})();
