// Venue heat map with ECharts over the district outline (no map tiles reach this network; the outline is a GeoJSON
// file shipped with the page, see data/SOURCES.md): venues coloured by level, sized by their leads of the last 90
// days, a heat layer shaded by those counts with its scale, names on hover, filters by level and kind.
(function () {
  const { el, t } = TX;
  const LEVELS = { red: '#d62828', yellow: '#f4a100', green: '#2a9d3f' };
  const LEVEL_ZH = { red: '红', yellow: '黄', green: '绿' };
  let outline = null;

  TX.pages.venues = async function () {
    const live = TX.current();
    let d;
    try {
      [d, outline] = await Promise.all([TX.get('/api/venues'), outline || TX.get('/data/yantai-districts.geojson')]);
    } catch (e) {
      if (live()) { TX.view(TX.error(e.message)); }
      return;
    }
    const placed = d.venues.filter(v => v.lon != null && v.lat != null);
    const kinds = [...new Set(placed.map(v => v.kind).filter(Boolean))].sort();
    const levelBoxes = Object.keys(LEVELS).map(l => el('label', { class: 'chip' },
      el('input', { type: 'checkbox', class: 'level-filter', value: l, checked: true }), TX.severityDot(l), t(l, LEVEL_ZH[l]),
      el('span', { class: 'n' }, d.counts[l] || 0)));
    const kindSelect = el('select', { id: 'venue-kind' }, el('option', { value: '' }, t('venues.allKinds', '全部类型')),
      kinds.map(k => el('option', { value: k }, k + '（' + placed.filter(v => v.kind === k).length + '）')));
    const shown = el('span', { class: 'muted', id: 'venue-shown' });
    const mapBox = el('div', { class: 'heatmap', id: 'venue-map', role: 'img', 'aria-label': t('venues.title', '场所热力图') });
    const info = el('div', { id: 'venue-info', class: 'panel' }, el('span', { class: 'muted' }, t('venues.click', '点击场所查看详情')));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'venues.title' }, '场所热力图'),
      el('div', { class: 'muted' }, t('venues.explain', '数据截至 {asOf}；近 90 日线索：≥3 条或有同住一室（R6.1）为红，1–2 条为黄，无为绿。圆点大小与热度按线索数；虚线为已知地点的外包轮廓，底图为区县界。',
        { asOf: d.asOf })),
      el('div', { class: 'venue-filters', id: 'venue-counts' }, el('strong', {}, t('venues.level', '等级')), levelBoxes,
        el('label', {}, t('venues.kind', '类型'), kindSelect), shown),
      d.unplaced ? el('div', { class: 'notice' }, t('venues.unplaced', '{n} 个场所无坐标，未在图上。', { n: d.unplaced })) : null,
      el('div', { class: 'grid2' }, mapBox, info));

    window.echarts.registerMap('tongxin-district', outline);
    const chart = window.echarts.init(mapBox, null, { renderer: 'canvas' });
    TX.venueChart = chart;
    const maxLeads = Math.max(1, ...placed.map(v => v.leads || 0));
    // Frame the venues: the district is larger than the part of it where the city's places are.
    const lons = placed.map(v => v.lon); const lats = placed.map(v => v.lat);
    const box = lons.length ? { x1: Math.min(...lons), x2: Math.max(...lons), y1: Math.min(...lats), y2: Math.max(...lats) } : null;
    const district = bounds(outline);
    const zoom = box ? Math.max(1, 0.8 * Math.min((district.x2 - district.x1) / Math.max(box.x2 - box.x1, 0.01),
      (district.y2 - district.y1) / Math.max(box.y2 - box.y1, 0.01))) : 1;

    const draw = () => {
      const levels = [...document.querySelectorAll('.level-filter')].filter(c => c.checked).map(c => c.value);
      const kind = kindSelect.value;
      const visible = placed.filter(v => levels.includes(v.level) && (!kind || v.kind === kind));
      shown.textContent = t('venues.shown', '图上 {n} / {all} 个场所', { n: visible.length, all: placed.length });
      chart.setOption({
        series: Object.keys(LEVELS).map(l => ({ id: l, data: visible.filter(v => v.level === l).map(point) }))
          .concat([{ id: 'heat', data: visible.filter(v => v.leads > 0).map(v => [v.lon, v.lat, v.leads]) }])
      });
    };
    chart.setOption({
      animation: false,
      // Names come from the departments' data: the tooltip is drawn as text on the canvas, never as HTML.
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: p => tip(p) },
      legend: { top: 8, left: 8, data: Object.keys(LEVELS).map(l => t('venues.level.' + l, LEVEL_ZH[l] + '色场所')), selectedMode: false,
        backgroundColor: 'rgba(255,255,255,0.8)' },
      visualMap: { type: 'continuous', seriesIndex: 3, min: 0, max: maxLeads, calculable: true, orient: 'vertical', right: 10, bottom: 20,
        text: [t('venues.many', '线索多'), t('venues.few', '少')], inRange: { color: ['#fff3d6', '#f4a100', '#d62828'] },
        backgroundColor: 'rgba(255,255,255,0.8)', padding: 8 },
      geo: { map: 'tongxin-district', roam: true, zoom, center: box ? [(box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2] : undefined,
        scaleLimit: { min: 1, max: 40 }, label: { show: true, color: '#7b8794', fontSize: 14 },
        itemStyle: { areaColor: '#eef3f8', borderColor: '#8aa2c0', borderWidth: 1.5 },
        emphasis: { disabled: true }, select: { disabled: true }, silent: true },
      series: Object.keys(LEVELS).map((l, i) => ({
        id: l, name: t('venues.level.' + l, LEVEL_ZH[l] + '色场所'), type: 'scatter', coordinateSystem: 'geo', z: 3 + i,
        symbolSize: (val) => (val[2] ? 9 + 4 * Math.sqrt(val[2]) : 7),
        itemStyle: { color: LEVELS[l], borderColor: '#ffffff', borderWidth: 1, opacity: 0.95 },
        emphasis: { scale: 1.4, label: { show: true, formatter: p => p.data.name, position: 'top', color: '#1f2933',
          backgroundColor: 'rgba(255,255,255,0.9)', padding: 3 } },
        data: []
      })).concat([{ id: 'heat', type: 'heatmap', coordinateSystem: 'geo', pointSize: 18, blurSize: 22, z: 2, data: [] },
        { id: 'hull', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, z: 1,
          lineStyle: { color: '#8aa2c0', width: 1.5, type: 'dashed', opacity: 0.9 },
          data: d.outline.length > 2 ? [{ coords: d.outline.concat([d.outline[0]]) }] : [] }])
    });
    draw();
    chart.on('click', p => {
      const v = p.data && p.data.venue;
      if (!v) { return; }
      TX.fill(info, el('h2', {}, TX.severityDot(v.level), v.name), TX.kv({ 编码: v.code, 类型: v.kind, 地址: v.address, 近90日线索: v.leads }),
        el('a', { href: '#/explore' + TX.qs({ node: v.id }) }, t('lead.explore', '在图谱中探索')), ' ',
        el('a', { href: '#/leads' + TX.qs({ place: v.code, model: 'venue' }) }, t('venues.leads', '查看该场所线索')));
    });
    document.querySelectorAll('.level-filter').forEach(c => c.addEventListener('change', draw));
    kindSelect.addEventListener('change', draw);
    const resize = () => { if (document.body.contains(mapBox)) { chart.resize(); } else { window.removeEventListener('resize', resize); chart.dispose(); } };
    window.addEventListener('resize', resize);
  };

  const point = (v) => ({ name: v.name || v.code, value: [v.lon, v.lat, v.leads || 0], venue: v });

  function tip(p) {
    if (p.seriesType === 'heatmap') { return t('venues.heat', '线索 {n}', { n: p.value[2] }); }
    const v = p.data && p.data.venue;
    if (!v) { return ''; }
    return TX.join('\n', v.name || v.code, TX.join(' · ', v.kind, t(v.level, LEVEL_ZH[v.level])),
      t('venues.leadsN', '近 90 日线索 {n} 条', { n: v.leads || 0 }), v.address);
  }

  function bounds(geo) {
    const b = { x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity };
    const walk = (c) => {
      if (typeof c[0] === 'number') { b.x1 = Math.min(b.x1, c[0]); b.x2 = Math.max(b.x2, c[0]); b.y1 = Math.min(b.y1, c[1]); b.y2 = Math.max(b.y2, c[1]); } else { c.forEach(walk); }
    };
    geo.features.forEach(f => walk(f.geometry.coordinates));
    return b;
  }
})();
