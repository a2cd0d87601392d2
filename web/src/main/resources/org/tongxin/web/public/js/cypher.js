// The analysts' read-only Cypher console: editor, table, graph.
(function () {
  const { el, t } = TX;

  TX.pages.cypher = async function () {
    const live = TX.current();
    const meta = await TX.loadMeta();
    const editor = el('textarea', { class: 'cypher', id: 'cypher-input', spellcheck: 'false' });
    editor.value = localStorage.getItem('tongxin.cypher')
      || 'MATCH (p:Person)<-[:USER]-(s:NetbarSession)-[:AT]->(v:Venue)\nRETURN p, s, v LIMIT 25';
    const out = el('div', { id: 'cypher-result' });
    const cyBox = el('div', { class: 'cy', id: 'cypher-graph' });
    const tableBox = el('div', { id: 'cypher-table' });
    let last = null;
    const show = (which) => {
      tableBox.hidden = which !== 'table';
      cyBox.hidden = which !== 'graph';
      if (which === 'graph' && last) { drawGraph(last); }
    };
    const run = async () => {
      localStorage.setItem('tongxin.cypher', editor.value);
      out.replaceChildren(el('span', { class: 'muted' }, t('loading', '查询中…')));
      try {
        last = await TX.post('/api/cypher', { query: editor.value });
        TX.fill(out, el('div', { class: 'muted', id: 'cypher-summary' }, t('cypher.rows', '{n} 行，用时 {ms} 毫秒', { n: last.rows.length, ms: last.millis })),
          last.truncated ? el('div', { class: 'notice' }, t('cypher.truncated', '结果已截断于 {cap} 行。', { cap: last.rowCap })) : null);
        tableBox.replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, last.columns.map(c => el('th', {}, c)))),
          el('tbody', {}, last.rows.slice(0, 1000).map(r => el('tr', {}, r.map(v => el('td', {}, cell(v))))))));
        show(last.nodes.length ? 'graph' : 'table');
      } catch (e) {
        out.replaceChildren(TX.error(e.message));
      }
    };
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'cypher.title' }, 'Cypher 查询（只读）'),
      el('div', { class: 'panel' },
        el('p', { class: 'muted' }, t('cypher.hint', '只读事务，时限 {t} 秒，最多 {cap} 行；写操作、LOAD CSV 与管理过程一律拒绝。',
          { t: meta.cypher.timeoutSeconds, cap: meta.cypher.rowCap })),
        editor,
        el('div', { class: 'actions tabs' }, el('button', { type: 'button', id: 'cypher-run', onclick: run }, t('cypher.run', '执行')),
          el('button', { type: 'button', class: 'secondary', id: 'show-table', onclick: () => show('table') }, t('cypher.table', '表格')),
          el('button', { type: 'button', class: 'secondary', id: 'show-graph', onclick: () => show('graph') }, t('cypher.graph', '图'))),
        out),
      tableBox, cyBox);
    cyBox.hidden = true;
    editor.addEventListener('keydown', ev => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { run(); } });

    function drawGraph(result) {
      const cy = TX.graph.create(cyBox, (kind, id) => { if (kind === 'node') { location.hash = '#/explore' + TX.qs({ node: id }); } });
      TX.graph.add(cy, result.nodes, result.edges, meta.relations);
      TX.graph.layout(cy, 'cose');
    }
  };

  function cell(v) {
    if (v && typeof v === 'object' && v.labels) { return '(' + v.labels.join(':') + ' ' + JSON.stringify(v.properties) + ')'; }
    if (v && typeof v === 'object' && v.type && v.from) { return '[:' + v.type + ']'; }
    return TX.fmt(v);
  }
})();
