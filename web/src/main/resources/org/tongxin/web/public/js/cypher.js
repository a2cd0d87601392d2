// The analysts' read-only Cypher console: editor, table, graph.
(function () {
  const { el, t } = TX;

  TX.pages.cypher = async function () {
    const live = TX.current();
    const meta = await TX.loadMeta();
    const editor = el('textarea', { class: 'cypher', id: 'cypher-input', spellcheck: 'false' });
    const saved = localStorage.getItem('tongxin.cypher');
    editor.value = saved && saved !== OLD_DEFAULT ? saved : DEFAULT;
    const out = el('div', { id: 'cypher-result' });
    const cyBox = el('div', { class: 'cy', id: 'cypher-graph' });
    const nodeBox = el('div', { class: 'panel', id: 'cypher-node' }, el('span', { class: 'muted' }, t('cypher.tapNode', '点击图中节点查看详情')));
    const graphBox = el('div', { class: 'grid2', id: 'cypher-graph-box' }, TX.graph.frame(cyBox, 'cypher'), nodeBox);
    const tableBox = el('div', { id: 'cypher-table' });
    let last = null;
    const show = (which) => {
      tableBox.hidden = which !== 'table';
      graphBox.hidden = which !== 'graph';
      if (which === 'graph' && last) { drawGraph(last); }
    };
    const run = async (again) => {
      localStorage.setItem('tongxin.cypher', editor.value);
      out.replaceChildren(el('span', { class: 'muted' }, t('loading', '查询中…')));
      try {
        last = again || await TX.post('/api/cypher', { query: editor.value });
        // Kept for this tab, so that Back from a node opened in the explorer finds the result again.
        try { sessionStorage.setItem('tongxin.cypher.last', JSON.stringify({ query: editor.value, result: last })); } catch (e) { /* too large */ }
        TX.fill(out, el('div', { class: 'muted', id: 'cypher-summary' }, t('cypher.rows', '{n} 行，用时 {ms} 毫秒', { n: last.rows.length, ms: last.millis })),
          last.truncated ? el('div', { class: 'notice' }, t('cypher.truncated', '结果已截断于 {cap} 行。', { cap: last.rowCap })) : null);
        // Column names are the query's own and cells are values from the graph: data, not interface words.
        tableBox.replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, last.columns.map(c => el('th', { translate: 'no' }, c)))),
          el('tbody', {}, last.rows.slice(0, 1000).map(r => el('tr', {}, r.map(v => el('td', { translate: 'no' }, cell(v))))))));
        show(last.nodes.length ? 'graph' : 'table');
      } catch (e) {
        out.replaceChildren(refusal(e.message));
      }
    };
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'cypher.title' }, 'Cypher 查询（只读）'),
      el('div', { class: 'panel' },
        el('p', { class: 'muted', id: 'cypher-hint' }, withCode(t('cypher.hint', '只读事务，时限 {t} 秒，最多 {cap} 行；写操作、LOAD CSV 与管理过程一律拒绝。',
          { t: meta.cypher.timeoutSeconds, cap: meta.cypher.rowCap }))),
        editor,
        el('div', { class: 'actions tabs' }, el('button', { type: 'button', id: 'cypher-run', onclick: () => run() }, t('cypher.run', '执行')),
          el('button', { type: 'button', class: 'secondary', id: 'show-table', onclick: () => show('table') }, t('cypher.table', '表格')),
          el('button', { type: 'button', class: 'secondary', id: 'show-graph', onclick: () => show('graph') }, t('cypher.graph', '图'))),
        out),
      tableBox, graphBox);
    graphBox.hidden = true;
    editor.addEventListener('keydown', ev => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { run(); } });
    let cy = null;
    const kept = JSON.parse(sessionStorage.getItem('tongxin.cypher.last') || 'null');
    if (kept && kept.query === editor.value && kept.result) { run(kept.result); }
    function drawGraph(result) {
      if (cy) { cy.destroy(); }
      cy = TX.graph.create(cyBox, (kind, id) => { if (kind === 'node') { showNode(id); } });
      TX.graph.add(cy, result.nodes, result.edges, meta.relations);
      TX.graph.layout(cy);
    }

    /** A tapped node's details beside the graph; the explorer opens from a link, and Back finds this result again. */
    async function showNode(id) {
      try {
        const d = await TX.get('/api/graph/nodes/' + encodeURIComponent(id));
        TX.fill(nodeBox, el('h2', {}, TX.kindName(d.node) + '：', el('span', { translate: 'no' }, d.node.caption || '')),
          el('a', { href: '#/explore' + TX.qs({ node: id }), id: 'cypher-explore' }, t('cypher.explore', '在图谱探索中打开')),
          TX.kv(d.node.properties));
      } catch (e) { nodeBox.replaceChildren(TX.error(e.message)); }
    }
  };

  const OLD_DEFAULT = 'MATCH (p:Person)<-[:USER]-(s:NetbarSession)-[:AT]->(v:Venue)\nRETURN p, s, v LIMIT 25';
  /** The default query returns its relationships too, so the graph is connected: netbars with their sessions and users. */
  const DEFAULT = 'MATCH (v:Venue {kind: \'网吧\'})<-[a:AT]-(s:NetbarSession)-[u:USER]->(p:Person)\n'
    + 'WITH v, a, s, u, p ORDER BY v.code, s.startAt DESC LIMIT 30\nRETURN v, a, s, u, p';

  /** A refusal names Cypher clauses (SET, LOAD CSV, CALL …): those are code, shown as code within the Chinese. */
  function refusal(message) {
    return TX.add(TX.error(''), withCode(message));
  }

  /** Text with its runs of upper-case Cypher words (SET, LOAD CSV) as code elements. */
  function withCode(text) {
    return String(text).split(/(\b[A-Z][A-Z_.]*(?: [A-Z][A-Z_.]*)*\b)/)
      .map((part, i) => (i % 2 ? el('code', { translate: 'no' }, part) : part)).filter(p => p !== '');
  }

  function cell(v) {
    if (v && typeof v === 'object' && v.labels) { return '(' + v.labels.join(':') + ' ' + JSON.stringify(v.properties) + ')'; }
    if (v && typeof v === 'object' && v.type && v.from) { return '[:' + v.type + ']'; }
    return TX.fmt(v);
  }
})();
