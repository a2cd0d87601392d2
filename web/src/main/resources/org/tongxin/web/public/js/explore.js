// The graph explorer: search, expand neighbours (capped, filtered by kind and time), paths, details with the
// original source row of any node or relationship.
(function () {
  const { el, t } = TX;

  TX.pages.explore = async function (params) {
    const live = TX.current();
    const meta = await TX.loadMeta();
    /** A kind's name from the labels (the meta's Chinese as fallback), in the interface's language. */
    const kindZh = (k) => (TX.labels ? TX.label('kind', k) : meta.hubKinds[k] || k);
    /** Relationship types by name, for edge labels. */
    const relations = () => TX.labelMap('relation', meta.relations);
    const state = { pathFrom: null, pathTo: null };
    const detail = el('div', { id: 'detail' }, el('p', { class: 'muted', 'data-i18n': 'explore.empty' },
      '搜索人员、场所、单位或车牌，或从线索进入。'));
    const status = el('div', { id: 'explore-status' });
    const hits = el('ul', { class: 'hits', id: 'search-hits' });
    const q = el('input', { id: 'search-input', size: 28, placeholder: t('explore.search', '姓名、身份证号片段、车牌、场所') });
    const kindBoxes = [...Object.keys(meta.hubKinds), 'Record'].filter(k => k !== 'Lead')
      .map(k => el('label', { class: 'chip' }, el('input', { type: 'checkbox', class: 'kind-filter', value: k, checked: true }), ' ' + kindZh(k)));
    const from = el('input', { type: 'date', id: 'window-from' });
    const to = el('input', { type: 'date', id: 'window-to' });
    const cyBox = el('div', { class: 'cy', id: 'explore-graph' });
    const viewsBox = el('div', { id: 'views-box' });
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'explore.title' }, '图谱探索'),
      el('div', { class: 'panel' },
        el('form', { class: 'filters', onsubmit: async ev => { ev.preventDefault(); await search(); } }, q,
          el('button', { type: 'submit', id: 'search-button' }, t('explore.go', '检索')),
          el('button', { type: 'button', class: 'secondary', onclick: () => { cy.elements().remove(); status.replaceChildren(); } },
            t('explore.clear', '清空画布'))),
        hits,
        el('div', { class: 'filters' }, el('span', { class: 'muted' }, t('explore.kinds', '展开类型')), kindBoxes,
          el('label', {}, el('span', {}, t('explore.windowFrom', '时间窗起')), from), el('label', {}, el('span', {}, t('explore.windowTo', '时间窗止')), to)), viewsBox),
      status,
      el('div', { class: 'grid2' }, TX.graph.frame(cyBox, 'explore'), el('div', { class: 'panel' }, detail)));
    const cy = TX.graph.create(cyBox, (kind, id) => (kind === 'node' ? showNode(id) : kind === 'group' ? openGroup(id, false) : showEdge(id)));
    TX.explorer = cy;
    viewsBox.append(TX.savedViews(cy, meta, status));

    async function search() {
      hits.replaceChildren();
      if (!q.value.trim()) { return; }
      try {
        const r = await TX.get('/api/search' + TX.qs({ q: q.value.trim(), limit: 20 }));
        if (!r.hits.length) { hits.append(el('li', { class: 'muted' }, t('none', '无结果'))); }
        r.hits.forEach(h => hits.append(el('li', { class: 'search-hit', onclick: () => addAndShow(h.id) },
          kindZh(h.kind) + '：', el('span', { translate: 'no' }, TX.fmt(h.caption)),
          h.detail ? el('span', {}, '（', el('span', { translate: 'no' }, h.detail), '）') : null)));
      } catch (e) { hits.append(el('li', {}, TX.error(e.message))); }
    }

    async function addAndShow(id) {
      const d = await showNode(id);
      if (d) {
        const added = TX.graph.add(cy, [d.node], []);
        if (added.nonempty() && cy.nodes().length > 1) {
          const bb = cy.nodes().not(added).boundingBox();
          added.position({ x: bb.x2 + 80, y: (bb.y1 + bb.y2) / 2 });
        }
        cy.nodes().unselect();
        cy.getElementById(id).select();
        cy.center(cy.getElementById(id));
      }
    }

    async function showNode(id) {
      try {
        const d = await TX.get('/api/graph/nodes/' + encodeURIComponent(id));
        const n = d.node;
        TX.fill(detail,
          el('h2', { id: 'node-title' }, TX.kindName(n) + '：', el('span', { translate: 'no' }, TX.fmt(n.caption))),
          el('div', { class: 'muted' }, t('explore.degree', '关联 {n}', { n: d.degree ?? '—' })),
          el('div', { class: 'actions' },
            el('button', { type: 'button', id: 'expand-button', onclick: () => expand(id) }, t('explore.expand', '展开邻居')),
            el('button', { type: 'button', class: 'secondary', id: 'path-from', onclick: () => { state.pathFrom = id; pathHint(); } }, t('explore.pathFrom', '设为路径起点')),
            el('button', { type: 'button', class: 'secondary', id: 'path-to', onclick: () => { state.pathTo = id; pathHint(); } }, t('explore.pathTo', '设为路径终点')),
            n.kind === 'Person' && TX.me && TX.me.role === 'prosecutor'
              ? el('a', { href: '#/profile/' + encodeURIComponent(id), id: 'profile-link' }, t('explore.profile', '帮教画像')) : null,
            n.kind === 'Person' ? el('a', { href: '#/timeline/' + encodeURIComponent(id), id: 'timeline-link' }, t('explore.timeline', '时间线')) : null),
          TX.me && TX.me.role === 'prosecutor' ? unmaskBox(id) : null,
          el('h2', {}, t('props', '属性')), TX.kv(n.properties),
          d.source ? TX.sourceBox(d.source) : null,
          d.provenance && d.provenance.length ? el('div', {}, el('h2', {}, t('provenance', '各属性来源记录')),
            el('ul', {}, d.provenance.map(p => el('li', {}, TX.label('property', p.property) + ' ← ',
              p.recordId ? el('a', { href: '#', translate: 'no', onclick: ev => { ev.preventDefault(); addAndShow(p.recordId); } }, p.rid)
                : el('span', { translate: 'no' }, p.rid))))) : null);
        window.TXI18N.apply(detail);
        return d;
      } catch (e) {
        detail.replaceChildren(TX.error(e.message));
        return null;
      }
    }

    /** A prosecutor may see one record in clear after stating why; the server audits it. */
    function unmaskBox(id) {
      const reason = el('input', { id: 'unmask-reason', size: 24, placeholder: t('explore.unmaskWhy', '查看理由（必填，记入审计）') });
      const out = el('div');
      return el('div', { class: 'actions' }, reason,
        el('button', { type: 'button', class: 'secondary', id: 'unmask-button', onclick: async () => {
          try {
            const d = await TX.post('/api/unmask', { id, reason: reason.value });
            TX.fill(out, el('div', { class: 'notice', id: 'unmasked' }, TX.kv(d.node.properties),
              d.source ? TX.sourceBox(d.source) : null));
          } catch (e) { out.replaceChildren(TX.error(e.message)); }
        } }, t('explore.unmask', '查看完整信息')), out);
    }

    async function showEdge(id) {
      try {
        const d = await TX.get('/api/graph/edges/' + encodeURIComponent(id));
        TX.fill(detail, el('h2', { id: 'edge-title' }, TX.label('relation', d.edge.type), ' ',
          el('span', { class: 'muted', translate: 'no' }, '(' + d.edge.type + ')')),
          el('div', {}, el('span', { translate: 'no' }, TX.fmt(d.from.caption)), ' → ', el('span', { translate: 'no' }, TX.fmt(d.to.caption))),
          TX.kv(d.edge.properties),
          d.source ? TX.sourceBox(d.source) : null);
      } catch (e) { detail.replaceChildren(TX.error(e.message)); }
    }

    /** More neighbours than this are collapsed into one counted group per kind; a kind this small is drawn at once. */
    const HUB = 25;
    const SMALL = 8;
    const selectedKinds = () => [...document.querySelectorAll('.kind-filter')].filter(c => c.checked).map(c => c.value);
    const neighbours = (id, kinds, skip, limit) => TX.get('/api/graph/nodes/' + encodeURIComponent(id) + '/neighbours' + TX.qs({
      kinds: kinds.length === kindBoxes.length ? '' : kinds.join(','), from: from.value, to: to.value, skip, limit }));
    const byKind = (r) => Object.entries(r.totalByKind).map(([k, n]) => kindZh(k) + ' ' + n).join('，');

    /**
     * Expands a node: every neighbour when there are few; above HUB, each kind with more than SMALL members becomes a
     * group node carrying its count, opened on demand (a tap) HUB at a time. Nodes already drawn keep their places.
     * With 记录 unticked, the people, places and objects the records name are drawn through them.
     */
    async function expand(id) {
      const kinds = selectedKinds();
      try {
        if (!kinds.includes('Record')) { await expandThroughRecords(id, kinds); return; }
        const r = await neighbours(id, kinds, 0, HUB);
        let added = TX.graph.add(cy, [r.centre], []);
        if (!r.capped) {
          added = added.union(TX.graph.add(cy, r.nodes, r.edges, relations()));
          status.replaceChildren(el('div', { class: 'muted', id: 'expand-all' }, t('explore.all', '邻居 {n} 个，已全部显示', { n: r.total })));
        } else {
          const groups = [];
          for (const [k, n] of Object.entries(r.totalByKind)) {
            if (n <= SMALL) {
              const few = await neighbours(id, [k], 0, SMALL);
              added = added.union(TX.graph.add(cy, few.nodes, few.edges, relations()));
            } else {
              groups.push(k);
              added = added.union(addGroup(id, k, n));
            }
          }
          status.replaceChildren(el('div', { class: 'notice', id: 'cap-notice' },
            t('explore.grouped', '共 {total} 个邻居，超过 {hub} 个：{groups} 已归为分组节点，点击分组每次展开 {hub} 个。',
              { total: r.total, hub: HUB, groups: groups.map(kindZh).join('、') }), ' ', el('span', { class: 'muted' }, byKind(r))));
        }
        TX.graph.grow(cy, added, id);
      } catch (e) { status.replaceChildren(TX.error(e.message)); }
    }

    function addGroup(centre, kind, count) {
      const gid = 'group:' + centre + ':' + kind;
      let g = cy.getElementById(gid);
      if (g.nonempty()) { return cy.collection(); }
      const added = cy.add([{ group: 'nodes', data: { id: gid, kind: 'Group', groupKind: kind, centre, count, loaded: 0, total: count,
        caption: kindZh(kind) + ' ×' + count, label: kindZh(kind) + ' ×' + count } },
      { group: 'edges', data: { id: gid + ':edge', source: centre, target: gid, kind: 'Group', label: '' } }]);
      return added;
    }

    /** Opens HUB more members of a group; the group keeps the count still hidden, and goes when none is left. */
    async function openGroup(gid) {
      const g = cy.getElementById(gid);
      if (g.empty()) { return; }
      const d = g.data();
      try {
        const r = await neighbours(d.centre, [d.groupKind], d.loaded, HUB);
        const added = TX.graph.add(cy, r.nodes, r.edges, relations());
        const loaded = d.loaded + r.nodes.length;
        const left = Math.max(0, r.total - loaded);
        const at = { ...g.position() };
        if (left === 0 || r.nodes.length === 0) {
          g.remove();
        } else {
          g.data({ loaded, count: left, caption: kindZh(d.groupKind) + ' ×' + left, label: kindZh(d.groupKind) + ' ×' + left });
        }
        const centre = cy.getElementById(d.centre);
        added.nodes().positions(() => ({ x: at.x + (Math.random() - 0.5) * 20, y: at.y + (Math.random() - 0.5) * 20 }));
        TX.graph.grow(cy, added, centre.nonempty() ? d.centre : gid);
        status.replaceChildren(el('div', { class: 'notice', id: 'cap-notice' },
          t('explore.groupShown', '{kind}：已显示 {shown} / 共 {total} 个。', { kind: kindZh(d.groupKind), shown: loaded, total: r.total }), ' ',
          left ? el('button', { type: 'button', class: 'secondary', id: 'expand-more', onclick: () => openGroup(gid) }, t('explore.more', '更多')) : null));
      } catch (e) { status.replaceChildren(TX.error(e.message)); }
    }

    /**
     * People, places and objects are linked through records (a netbar session links a person and a venue): with
     * 记录 unticked, the first HUB records are followed to what they name, drawn as dashed links labelled with the
     * kind of record they pass through.
     */
    async function expandThroughRecords(id, kinds) {
      const direct = kinds.length ? await neighbours(id, kinds, 0, HUB) : null;
      const recs = await neighbours(id, ['Record'], 0, HUB);
      let added = TX.graph.add(cy, [recs.centre], []);
      if (direct) { added = added.union(TX.graph.add(cy, direct.nodes, direct.edges, relations())); }
      const far = await Promise.all(recs.nodes.map(rec => neighbours(rec.id, kinds, 0, 10).then(r => ({ rec, r }))));
      const links = [];
      far.forEach(({ rec, r }) => {
        const ends = r.nodes.filter(n => n.id !== id);
        added = added.union(TX.graph.add(cy, ends, []));
        ends.forEach(n => {
          const vid = 'via:' + rec.id + ':' + n.id;
          if (cy.getElementById(vid).empty()) {
            links.push({ group: 'edges', data: { id: vid, source: id, target: n.id, kind: 'Via', via: rec.id, label: TX.kindName(rec) } });
          }
        });
      });
      added = added.union(cy.add(links));
      const names = added.nodes().not(cy.getElementById(id)).length;
      status.replaceChildren(el('div', { class: recs.capped ? 'notice' : 'muted', id: 'via-records' },
        t('explore.via', '已穿过 {n} 条记录（共 {total} 条）显示其关联的 {m} 个对象；虚线标明所经记录的类型。',
          { n: recs.nodes.length, total: recs.total, m: names }),
        direct ? ' ' + t('explore.direct', '直接关联 {n} 个。', { n: direct.total }) : null));
      TX.graph.grow(cy, added, id);
    }

    /** The two ends chosen so far, and the search once both are chosen and differ. */
    function pathHint() {
      const same = state.pathFrom && state.pathFrom === state.pathTo;
      const label = (id) => (id ? cy.getElementById(id).data('label') || '✓' : '—');
      const find = el('button', { type: 'button', id: 'find-paths', disabled: !(state.pathFrom && state.pathTo) || same, onclick: findPaths },
        t('explore.findPaths', '查找路径'));
      status.replaceChildren(el('div', { class: 'actions', id: 'path-ends' },
        t('explore.pathStart', '起点') + '：', el('span', { translate: 'no' }, label(state.pathFrom)), '  ',
        t('explore.pathEnd', '终点') + '：', el('span', { translate: 'no' }, label(state.pathTo)), find,
        same ? el('span', { class: 'muted' }, t('explore.pathSame', '起点与终点是同一节点，请另选一端')) : null));
    }

    async function findPaths() {
      try {
        const r = await TX.get('/api/graph/paths' + TX.qs({ from: state.pathFrom, to: state.pathTo, maxLength: 6, limit: 5 }));
        if (!r.paths.length) {
          status.replaceChildren(el('div', { class: 'notice', id: 'path-result' }, t('explore.noPaths', '{n} 跳以内没有路径。', { n: r.maxLength })));
          return;
        }
        const added = TX.graph.add(cy, r.nodes, r.edges, relations());
        cy.edges().removeClass('path');
        r.edges.forEach(e => cy.getElementById(e.id).addClass('path'));
        status.replaceChildren(el('div', { class: 'muted', id: 'path-result' },
          t('explore.pathsFound', '找到 {n} 条最短路径，长度 {hops}', { n: r.paths.length, hops: r.paths[0].length - 1 })));
        TX.graph.grow(cy, added, state.pathFrom);
      } catch (e) { status.replaceChildren(TX.error(e.message)); }
    }

    const start = params.get('node');
    if (start) {
      await addAndShow(start);
      await expand(start);
    }
  };
})();
