// The graph explorer: search, expand neighbours (capped, filtered by kind and time), paths, details with the
// original source row of any node or relationship.
(function () {
  const { el, t } = TX;

  TX.pages.explore = async function (params) {
    const live = TX.current();
    const meta = await TX.loadMeta();
    const state = { pathFrom: null, pathTo: null, pages: {} };
    const detail = el('div', { id: 'detail' }, el('p', { class: 'muted', 'data-i18n': 'explore.empty' },
      '搜索人员、场所、单位或车牌，或从线索进入。'));
    const status = el('div', { id: 'explore-status' });
    const hits = el('ul', { class: 'hits', id: 'search-hits' });
    const q = el('input', { id: 'search-input', size: 28, placeholder: t('explore.search', '姓名、身份证号片段、车牌、场所') });
    const kindBoxes = Object.entries({ ...meta.hubKinds, Record: '记录' }).filter(([k]) => k !== 'Lead')
      .map(([k, zh]) => el('label', { class: 'chip' }, el('input', { type: 'checkbox', class: 'kind-filter', value: k, checked: true }), ' ' + zh));
    const from = el('input', { type: 'date', id: 'window-from' });
    const to = el('input', { type: 'date', id: 'window-to' });
    const cyBox = el('div', { class: 'cy', id: 'explore-graph' });
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'explore.title' }, '图谱探索'),
      el('div', { class: 'panel' },
        el('form', { class: 'filters', onsubmit: async ev => { ev.preventDefault(); await search(); } }, q,
          el('button', { type: 'submit', id: 'search-button' }, '检索'),
          el('button', { type: 'button', class: 'secondary', onclick: () => { cy.elements().remove(); state.pages = {}; status.replaceChildren(); } },
            t('explore.clear', '清空画布'))),
        hits,
        el('div', { class: 'filters' }, el('span', { class: 'muted' }, t('explore.kinds', '展开类型')), kindBoxes,
          el('label', {}, el('span', {}, '时间窗起'), from), el('label', {}, el('span', {}, '时间窗止'), to))),
      status,
      el('div', { class: 'grid2' }, cyBox, el('div', { class: 'panel' }, detail)));
    const cy = TX.graph.create(cyBox, (kind, id) => (kind === 'node' ? showNode(id) : showEdge(id)));
    TX.explorer = cy;

    async function search() {
      hits.replaceChildren();
      if (!q.value.trim()) { return; }
      try {
        const r = await TX.get('/api/search' + TX.qs({ q: q.value.trim(), limit: 20 }));
        if (!r.hits.length) { hits.append(el('li', { class: 'muted' }, t('none', '无结果'))); }
        r.hits.forEach(h => hits.append(el('li', { class: 'search-hit', onclick: () => addAndShow(h.id) },
          TX.join('：', meta.hubKinds[h.kind] || h.kind, h.caption) + (h.detail ? '（' + h.detail + '）' : ''))));
      } catch (e) { hits.append(el('li', {}, TX.error(e.message))); }
    }

    async function addAndShow(id) {
      const d = await showNode(id);
      if (d) {
        TX.graph.add(cy, [d.node], []);
        cy.getElementById(id).select();
        cy.center(cy.getElementById(id));
      }
    }

    async function showNode(id) {
      try {
        const d = await TX.get('/api/graph/nodes/' + encodeURIComponent(id));
        const n = d.node;
        TX.fill(detail,
          el('h2', {}, TX.join('：', n.kindZh || n.kind, n.caption)),
          el('div', { class: 'muted' }, '关联 ' + (d.degree ?? '—')),
          el('div', { class: 'actions' },
            el('button', { type: 'button', id: 'expand-button', onclick: () => expand(id, false) }, t('explore.expand', '展开邻居')),
            el('button', { type: 'button', class: 'secondary', id: 'path-from', onclick: () => { state.pathFrom = id; pathHint(); } }, t('explore.pathFrom', '设为路径起点')),
            el('button', { type: 'button', class: 'secondary', id: 'path-to', onclick: () => { state.pathTo = id; pathHint(); } }, t('explore.pathTo', '设为路径终点')),
            n.kind === 'Person' && TX.me && TX.me.role === 'prosecutor'
              ? el('a', { href: '#/profile/' + encodeURIComponent(id), id: 'profile-link' }, t('explore.profile', '帮教画像')) : null),
          TX.me && TX.me.role === 'prosecutor' ? unmaskBox(id) : null,
          el('h2', {}, t('props', '属性')), TX.kv(n.properties),
          d.source ? TX.sourceBox(d.source) : null,
          d.provenance && d.provenance.length ? el('div', {}, el('h2', {}, t('provenance', '各属性来源记录')),
            el('ul', {}, d.provenance.map(p => el('li', {}, p.property + ' ← ',
              p.recordId ? el('a', { href: '#', onclick: ev => { ev.preventDefault(); addAndShow(p.recordId); } }, p.rid) : p.rid)))) : null);
        window.TXI18N.apply(detail);
        return d;
      } catch (e) {
        detail.replaceChildren(TX.error(e.message));
        return null;
      }
    }

    /** A prosecutor may see one record in clear after stating why; the server audits it. */
    function unmaskBox(id) {
      const reason = el('input', { id: 'unmask-reason', size: 24, placeholder: '查看理由（必填，记入审计）' });
      const out = el('div');
      return el('div', { class: 'actions' }, reason,
        el('button', { type: 'button', class: 'secondary', id: 'unmask-button', onclick: async () => {
          try {
            const d = await TX.post('/api/unmask', { id, reason: reason.value });
            TX.fill(out, el('div', { class: 'notice', id: 'unmasked' }, TX.kv(d.node.properties),
              d.source ? TX.sourceBox(d.source) : null));
          } catch (e) { out.replaceChildren(TX.error(e.message)); }
        } }, '查看完整信息'), out);
    }

    async function showEdge(id) {
      try {
        const d = await TX.get('/api/graph/edges/' + encodeURIComponent(id));
        TX.fill(detail, el('h2', {}, (meta.relations[d.edge.type] || d.edge.type) + '（' + d.edge.type + '）'),
          el('div', {}, TX.fmt(d.from.caption) + ' → ' + TX.fmt(d.to.caption)), TX.kv(d.edge.properties),
          d.source ? TX.sourceBox(d.source) : null);
      } catch (e) { detail.replaceChildren(TX.error(e.message)); }
    }

    async function expand(id, more) {
      const kinds = [...document.querySelectorAll('.kind-filter')].filter(c => c.checked).map(c => c.value);
      const skip = more ? (state.pages[id] || 0) : 0;
      try {
        const r = await TX.get('/api/graph/nodes/' + encodeURIComponent(id) + '/neighbours' + TX.qs({
          kinds: kinds.length === kindBoxes.length ? '' : kinds.join(','), from: from.value, to: to.value, skip, limit: 25 }));
        TX.graph.add(cy, [r.centre, ...r.nodes], r.edges, meta.relations);
        state.pages[id] = skip + r.nodes.length;
        const shown = Math.min(r.total, skip + r.limit);
        status.replaceChildren(r.capped
          ? el('div', { class: 'notice', id: 'cap-notice' }, t('explore.capped', '已显示 {shown} / 共 {total} 个邻居；展开有上限，请用“更多”或筛选。',
            { shown, total: r.total }), ' ', el('button', { type: 'button', class: 'secondary', id: 'expand-more', onclick: () => expand(id, true) }, t('explore.more', '更多')),
          ' ', el('span', { class: 'muted' }, Object.entries(r.totalByKind).map(([k, n]) => (meta.hubKinds[k] || (k === 'Record' ? '记录' : k)) + ' ' + n).join('，')))
          : el('div', { class: 'muted' }, '邻居 ' + r.total + ' 个，已全部显示'));
        TX.graph.layout(cy, 'cose');
      } catch (e) { status.replaceChildren(TX.error(e.message)); }
    }

    function pathHint() {
      const find = el('button', { type: 'button', id: 'find-paths', disabled: !(state.pathFrom && state.pathTo), onclick: findPaths }, t('explore.findPaths', '查找路径'));
      status.replaceChildren(el('div', { class: 'actions' }, '起点：' + (state.pathFrom ? cy.getElementById(state.pathFrom).data('label') || '✓' : '—')
        + '  终点：' + (state.pathTo ? cy.getElementById(state.pathTo).data('label') || '✓' : '—'), find));
    }

    async function findPaths() {
      try {
        const r = await TX.get('/api/graph/paths' + TX.qs({ from: state.pathFrom, to: state.pathTo, maxLength: 6, limit: 5 }));
        if (!r.paths.length) {
          status.replaceChildren(el('div', { class: 'notice' }, t('explore.noPaths', '{n} 跳以内没有路径。', { n: r.maxLength })));
          return;
        }
        TX.graph.add(cy, r.nodes, r.edges, meta.relations);
        cy.edges().removeClass('path');
        r.edges.forEach(e => cy.getElementById(e.id).addClass('path'));
        status.replaceChildren(el('div', { class: 'muted', id: 'path-result' }, '找到 ' + r.paths.length + ' 条最短路径，长度 ' + (r.paths[0].length - 1)));
        TX.graph.layout(cy, 'cose');
      } catch (e) { status.replaceChildren(TX.error(e.message)); }
    }

    const start = params.get('node');
    if (start) {
      await addAndShow(start);
      await expand(start, false);
    }
  };
})();
