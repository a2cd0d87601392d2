// Venue heat map on an SVG grid: no map tiles reach this network, so venues are placed by their coordinates
// inside the outline of every known place, coloured by level.
(function () {
  const { el, t } = TX;
  const svg = TX.svg;

  TX.pages.venues = async function () {
    const live = TX.current();
    let d;
    try {
      d = await TX.get('/api/venues');
    } catch (e) {
      if (live()) { TX.view(TX.error(e.message)); }
      return;
    }
    const placed = d.venues.filter(v => v.lon !== null && v.lat !== null);
    const pts = d.outline.length ? d.outline.concat(placed.map(v => [v.lon, v.lat])) : placed.map(v => [v.lon, v.lat]);
    const W = 1000; const H = 600; const pad = 40;
    const xs = pts.map(p => p[0]); const ys = pts.map(p => p[1]);
    const minX = Math.min(...xs); const maxX = Math.max(...xs); const minY = Math.min(...ys); const maxY = Math.max(...ys);
    const k = Math.min((W - 2 * pad) / Math.max(maxX - minX, 1e-6), (H - 2 * pad) / Math.max(maxY - minY, 1e-6));
    const X = x => pad + (x - minX) * k; const Y = y => H - pad - (y - minY) * k;
    const map = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, id: 'venue-map', role: 'img' });
    const grid = svg('g', { class: 'grid' });
    for (let i = 0; i <= 10; i++) {
      grid.appendChild(svg('line', { x1: pad + i * (W - 2 * pad) / 10, y1: pad, x2: pad + i * (W - 2 * pad) / 10, y2: H - pad }));
      grid.appendChild(svg('line', { x1: pad, y1: pad + i * (H - 2 * pad) / 10, x2: W - pad, y2: pad + i * (H - 2 * pad) / 10 }));
    }
    map.appendChild(grid);
    if (d.outline.length > 2) {
      map.appendChild(svg('polygon', { class: 'outline', points: d.outline.map(p => X(p[0]) + ',' + Y(p[1])).join(' ') }));
    }
    const info = el('div', { id: 'venue-info', class: 'panel' }, el('span', { class: 'muted' }, '点击场所查看详情'));
    const order = { green: 0, yellow: 1, red: 2 };
    placed.sort((a, b) => order[a.level] - order[b.level]).forEach(v => {
      const c = svg('circle', { cx: X(v.lon), cy: Y(v.lat), r: v.level === 'green' ? 5 : 6 + Math.min(v.leads, 6), class: v.level,
        'data-code': v.code }, svg('title', {}, TX.join('', v.name, v.kind ? '（' + v.kind + '）' : null, v.leads)));
      c.addEventListener('click', () => info.replaceChildren(
        el('h2', {}, TX.severityDot(v.level), v.name), TX.kv({ 编码: v.code, 类型: v.kind, 地址: v.address, 近90日线索: v.leads }),
        el('a', { href: '#/explore' + TX.qs({ node: v.id }) }, '在图谱中探索'), ' ',
        el('a', { href: '#/leads' + TX.qs({ place: v.code, model: 'venue' }) }, '查看该场所线索')));
      map.appendChild(c);
    });
    const legend = el('div', { class: 'chips', id: 'venue-counts' }, ['red', 'yellow', 'green'].map(l =>
      el('span', { class: 'chip', 'data-level': l }, TX.severityDot(l), t(l, { red: '红', yellow: '黄', green: '绿' }[l]),
        el('span', { class: 'n' }, d.counts[l] || 0))));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'venues.title' }, '场所热力图'),
      el('div', { class: 'muted' }, '数据截至 ' + d.asOf + '；近 90 日线索：≥3 条或有同住一室（R6.1）为红，1–2 条为黄，无为绿。虚线为已知地点的外包轮廓。'),
      legend, d.unplaced ? el('div', { class: 'notice' }, t('venues.unplaced', '{n} 个场所无坐标，未在图上。', { n: d.unplaced })) : null,
      el('div', { class: 'grid2' }, el('div', { class: 'map' }, map), info));
  };
})();
