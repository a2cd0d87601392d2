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
        TX.fill(source, el('h2', {}, e.title, ' ', el('span', { class: 'muted', translate: 'no' }, e.rid)), TX.sourceBox(d.source),
          el('div', { class: 'actions' }, el('a', { href: '#/explore' + TX.qs({ node: e.record }), id: 'timeline-explore' }, t('timeline.explore', '在图谱中查看此记录'))));
      } catch (err) { source.replaceChildren(TX.error(err.message)); }
    };
    const axis = tl.events.length ? draw(tl.events, marks, select) : el('p', { class: 'muted' }, t('timeline.empty', '没有带日期的记录。'));
    const list = el('table', { id: 'timeline-table' }, el('thead', {}, el('tr', {},
      el('th', {}, t('timeline.when', '时间')), el('th', {}, t('timeline.dataset', '记录类型')), el('th', {}, t('timeline.relation', '关联')),
      el('th', {}, t('timeline.place', '地点')), el('th', {}, t('timeline.rid', '记录编号')))),
    el('tbody', {}, tl.events.concat(tl.undated).map((e, i) => {
      const tr = el('tr', { class: 'clickable tl-row', 'data-index': i, 'data-record': e.record, onclick: () => select(i) },
        el('td', {}, e.at ? TX.fmt(e.at) + (e.end ? ' – ' + TX.fmt(e.end) : '') : t('timeline.undated', '无日期')),
        el('td', {}, e.title), el('td', {}, TX.join('：', e.relationZh, e.role)),
        el('td', { translate: 'no' }, e.place || ''), el('td', { class: 'muted', translate: 'no' }, e.rid));
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

  /** The axis: one lane per kind of record, ticks of the span, a dot per instant and a bar per interval. */
  function draw(events, marks, select) {
    const lanes = [...new Set(events.map(e => e.title))];
    const times = events.flatMap(e => [parse(e.at), parse(e.end)]).filter(Boolean).map(d => d.getTime());
    let lo = Math.min(...times);
    let hi = Math.max(...times);
    if (hi - lo < 86400000) { lo -= 43200000; hi += 43200000; }
    const pad = (hi - lo) * 0.02;
    lo -= pad; hi += pad;
    const x = (ms) => LEFT + (W - LEFT - RIGHT) * (ms - lo) / (hi - lo);
    const H = TOP + lanes.length * LANE + 10;
    const svg = TX.svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', id: 'timeline-svg', role: 'img',
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
        TX.svg('text', { x: px, y: TOP - 8, 'font-size': 10, fill: '#52606d', 'text-anchor': k === 0 ? 'start' : k === 6 ? 'end' : 'middle' },
          hi - lo < 3 * 86400000 ? day(new Date(ms)).substring(5) + ' ' + String(new Date(ms).getHours()).padStart(2, '0') + ':'
            + String(new Date(ms).getMinutes()).padStart(2, '0') : day(new Date(ms))));
    }
    events.forEach((e, i) => {
      const lane = lanes.indexOf(e.title);
      const y = TOP + lane * LANE + LANE / 2;
      const s = parse(e.at).getTime();
      const end = parse(e.end);
      const colour = colours[lane % colours.length];
      const mark = end && end.getTime() > s
        ? TX.svg('rect', { x: x(s), y: y - 6, width: Math.max(4, x(end.getTime()) - x(s)), height: 12, rx: 3, fill: colour, stroke: '#111' })
        : TX.svg('circle', { cx: x(s), cy: y, r: 6, fill: colour, stroke: '#111' });
      mark.setAttribute('stroke-width', '0');
      mark.setAttribute('class', 'tl-event');
      mark.setAttribute('data-index', String(i));
      mark.setAttribute('data-record', e.record);
      mark.style.cursor = 'pointer';
      mark.append(TX.svg('title', {}, TX.join(' ', e.title, TX.fmt(e.at), e.place)));
      mark.addEventListener('click', () => select(i));
      marks.push(mark);
      svg.append(mark);
    });
    return svg;
  }
})();
