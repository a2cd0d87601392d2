// One lead: rules and articles, summary, workflow, evidence rows with their sources, graph, exports.
(function () {
  const { el, t } = TX;

  TX.pages.lead = async function (ref) {
    const live = TX.current();
    const meta = await TX.loadMeta();
    let l;
    try {
      l = await TX.get('/api/leads/' + encodeURIComponent(ref));
    } catch (e) {
      if (live()) { TX.view(TX.error(e.message)); }
      return;
    }
    const rules = l.ruleDetails.map(r => el('div', { class: 'rule' },
      el('div', {}, TX.severityDot(r.severity), el('strong', {}, r.id), ' ', el('span', { lang: 'zh-CN' }, r.zh)),
      el('div', { class: 'muted', lang: 'zh-CN' }, r.legalBasis),
      r.articles.map(a => el('div', { class: 'article', 'data-testid': 'article', lang: 'zh-CN' },
        a.law && a.article && a.text ? TX.lawLink(a.law, a.article) : el('strong', {}, TX.join(' ', a.law || a.cited, a.article)), '\n',
        a.text || ('（' + t('lead.notInLaw', '条文原文未收录') + '）')))));
    const source = el('div', { id: 'evidence-source' });
    const role = TX.me && TX.me.role;
    const prosecutor = role === 'prosecutor';
    // The graph's records are read by prosecutors and analysts; department staff see the lead as it stands.
    const readsGraph = prosecutor || role === 'analyst';
    const evidence = el('table', { id: 'evidence-table' }, el('tbody', {}, l.evidence.map(e => el('tr', !readsGraph ? { class: 'evidence-row' } : {
      class: 'clickable evidence-row', onclick: async () => {
        try {
          const d = await TX.get('/api/graph/nodes/' + encodeURIComponent(e.id));
          source.replaceChildren(TX.sourceBox(d.source));
        } catch (err) { source.replaceChildren(TX.error(err.message)); }
      } }, el('td', {}, recordKind(e.title)), el('td', { class: 'muted', translate: 'no' }, e.rid)))));
    const flow = workflow(l, meta);
    // Exports are the prosecutor's; exploring the graph is the prosecutor's and the analyst's.
    const exportsBox = el('div', { class: 'actions', id: 'exports' },
      prosecutor ? [
        el('a', { href: '/api/leads/' + l.ref + '/diagram.svg', id: 'export-svg', download: 'lead-' + l.ref + '.svg' }, t('lead.svg', '关系图 SVG')),
        el('a', { href: '/api/leads/' + l.ref + '/diagram.png', id: 'export-png', download: 'lead-' + l.ref + '.png' }, t('lead.png', '关系图 PNG')),
        el('a', { href: '/api/leads/' + l.ref + '/casefile.docx', id: 'export-docx', download: 'casefile-' + l.ref + '.docx' }, t('lead.docx', '案卷材料 DOCX'))] : null,
      readsGraph ? el('a', { href: '#/explore' + TX.qs({ node: l.graph.subject }), id: 'explore-lead', 'data-i18n': 'lead.explore' }, '在图谱中探索') : null,
      // The minor a lead is about, straight to their profile (where the prosecutor assigns and drafts orders).
      prosecutor && l.graph.nodes.some(n => n.id === l.graph.subject && n.kind === 'Person' && n.role && n.role.code === 'minor')
        ? el('a', { href: '#/profile/' + encodeURIComponent(l.graph.subject), id: 'lead-profile' }, t('lead.profile', '未成年人帮教画像')) : null);
    if (l.model === 'guardianship' && prosecutor) {
      exportsBox.append(
        el('button', { type: 'button', id: 'draft-supervision', onclick: () => TX.draftOrder('supervision', { lead: l.ref }) }, t('lead.draftSupervision', '起草督促监护令')),
        el('button', { type: 'button', class: 'secondary', id: 'draft-guidance', onclick: () => TX.draftOrder('guidance', { lead: l.ref }) }, t('lead.draftGuidance', '起草家庭教育指导令')));
    }
    const cyBox = el('div', { class: 'cy small', id: 'lead-graph' });
    if (!live()) { return; }
    TX.view(
      el('h1', {}, TX.severityDot(l.severity), el('span', { lang: 'zh-CN' }, l.modelTitle), ' · ', el('span', { id: 'lead-key', translate: 'no' }, String(l.key).replace(/^[a-z-]+:/, '')), ' ',
        el('span', { class: 'badge ' + l.severity, id: 'lead-status' }, TX.label('status.lead', l.status) || l.statusZh)),
      el('div', { class: 'grid2' },
        el('div', {},
          el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'lead.summary' }, '线索摘要'), el('p', { id: 'lead-summary', lang: 'zh-CN' }, l.summary),
            el('div', { class: 'muted' }, t('lead.firstRaised', '首次发现') + ' ' + TX.fmt(l.firstRaisedAt).substring(0, 16) + ' · ' + t('lead.asOf', '数据截至') + ' ' + TX.fmt(l.asOf)
              + (l.holds === false ? ' · ' + t('lead.cleared', '已不再成立') + '（' + TX.fmt(l.clearedAt).substring(0, 16) + '）' : ''))),
          el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'lead.rules' }, '规则与法律依据'), rules),
          el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'lead.graph' }, '证据关系图'), TX.graph.frame(cyBox, 'lead-' + l.ref), exportsBox)),
        el('div', {},
          el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'lead.workflow' }, '办理流程'), flow),
          el('div', { class: 'panel' }, el('h2', { 'data-i18n': 'lead.evidence' }, '证据记录'), evidence, source))));
    const cy = TX.graph.create(cyBox, async (kind, id) => {
      if (kind !== 'node' || !readsGraph) { return; }
      try {
        const d = await TX.get('/api/graph/nodes/' + encodeURIComponent(id));
        source.replaceChildren(d.source ? TX.sourceBox(d.source) : TX.kv(d.node.properties));
      } catch (err) { source.replaceChildren(TX.error(err.message)); }
    });
    TX.graph.add(cy, l.graph.nodes, l.graph.edges, meta.relations);
    cy.getElementById(l.graph.subject).addClass('subject');
    markRoles(cy, l.graph.nodes);
    TX.graph.layout(cy, 'breadthfirst', l.graph.subject);
  };

  /** Each person's role in the lead, as the API decides it from the model's rule and the relationships. */
  function markRoles(cy, nodes) {
    nodes.filter(n => n.role).forEach(n => {
      const node = cy.getElementById(n.id);
      if (node.nonempty()) { TX.graph.setRole(node, n.role.code, n.role.zh); }
    });
  }

  /**
   * The next steps as buttons. The endpoint takes only {to, note, department}; who acts is the logged-in user,
   * whom the server records. A referral names a department from the list, a dismissal gives its reason.
   */
  /** The usual reasons a lead is dismissed; the note may add to or replace them. */
  const REASONS = [['lead.reason.sameName', '经核查系同名误配，非同一人'], ['lead.reason.dataError', '数据错误或记录重复'],
    ['lead.reason.handled', '已另案处理'], ['lead.reason.untrue', '经核查情况不属实'],
    ['lead.reason.outOfScope', '不属于未成年人检察监督范围']];

  function workflow(l, meta) {
    const box = el('div', { id: 'workflow' });
    const canRefer = l.next.some(n => n.code === 'referred');
    const canDismiss = l.next.some(n => n.code === 'dismissed');
    const note = el('textarea', { id: 'wf-note', rows: 3, placeholder: t('lead.noteHint', '办理说明；排除须写明理由') });
    const dept = el('select', { id: 'wf-department' }, el('option', { value: '' }, t('lead.pick', '— 请选择 —')),
      Object.entries(meta.departments).map(([code, zh]) => el('option', { value: code }, TX.label('department', code) || zh)));
    const reason = el('select', { id: 'wf-reason' }, el('option', { value: '' }, t('lead.pickReason', '— 选择理由或在说明中填写 —')),
      REASONS.map(([key, zh]) => el('option', { value: zh }, t(key, zh))));
    const message = el('div', { id: 'wf-message' });
    const buttons = l.next.map(n => el('button', { type: 'button', class: 'wf-step', 'data-to': n.code, onclick: async () => {
      const body = { to: n.code };
      const text = note.value.trim();
      if (n.code === 'dismissed') {
        const why = TX.join('；', reason.value, text);
        if (!why) { message.replaceChildren(TX.error(t('lead.needReason', '排除须写明理由：从列表中选择，或在“说明/理由”中填写'))); return; }
        body.note = why;
      } else if (text) {
        body.note = text;
      }
      if (n.code === 'referred') {
        if (!dept.value) { message.replaceChildren(TX.error(t('lead.needDepartment', '请选择移送部门'))); return; }
        body.department = dept.value;
      }
      try {
        await TX.post('/api/leads/' + l.ref + '/status', body);
        TX.pages.lead(l.ref);
      } catch (e) { message.replaceChildren(TX.error(e.message)); }
    } }, TX.label('status.lead', n.code) || n.zh));
    const referredTo = (a) => (a.department ? '（' + TX.label('department', a.department) + '）' : '');
    const history = l.actions.length ? el('ol', { id: 'wf-history' }, l.actions.map(a => el('li', { class: a.kind === 'report' ? 'wf-report' : null },
      TX.fmt(a.at) + ' ', el('span', { translate: 'no' }, a.by || '—'), '：',
      a.kind === 'report' ? t('lead.reported', '部门报告办理情况') + referredTo(a) : statusZh(meta, a.from) + ' → ' + statusZh(meta, a.to) + referredTo(a),
      a.note ? [' — ', el('span', { translate: 'no' }, a.note)] : null)))
      : el('div', { class: 'muted', 'data-i18n': 'lead.none' }, '尚无办理记录');
    // Only the prosecutor moves a lead; department staff report what they did on a lead referred to them.
    const moves = TX.me && TX.me.role === 'prosecutor' && l.next.length;
    TX.add(box,
      el('div', {}, t('lead.current', '当前状态') + '：', el('span', { class: 'badge' }, TX.label('status.lead', l.status) || l.statusZh),
        l.referredTo ? el('span', { class: 'muted' }, ' ' + t('lead.referredTo', '移送') + '：' + TX.label('department', l.referredTo)) : null),
      moves ? el('div', { class: 'filters' },
        el('label', {}, el('span', { 'data-i18n': 'lead.note' }, '说明/理由'), note),
        canDismiss ? el('label', {}, el('span', { 'data-i18n': 'lead.reason' }, '排除理由'), reason) : null,
        canRefer ? el('label', {}, el('span', { 'data-i18n': 'lead.department' }, '移送部门'), dept) : null) : null,
      moves ? el('div', { class: 'actions' }, buttons) : null, message,
      TX.me && TX.me.role === 'department' ? reportForm(l) : null,
      el('h2', { 'data-i18n': 'lead.history' }, '办理记录'), history);
    return box;
  }

  /** A department's report on a lead referred to it: what was done; it joins the lead's history. */
  function reportForm(l) {
    const text = el('textarea', { id: 'report-note', rows: 3, cols: 50, placeholder: t('lead.reportHint', '例如：已责令场所整改，并对经营者作出处罚') });
    const message = el('div', { id: 'report-message' });
    return el('div', { class: 'panel', id: 'report-form' },
      el('h2', {}, t('lead.report', '报告办理情况')),
      el('label', {}, el('span', {}, t('lead.reportNote', '办理情况')), text),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'report-submit', onclick: async () => {
        if (!text.value.trim()) { message.replaceChildren(TX.error(t('lead.reportEmpty', '请填写办理情况'))); return; }
        try {
          await TX.post('/api/leads/' + l.ref + '/reports', { note: text.value.trim() });
          TX.pages.lead(l.ref);
        } catch (e) { message.replaceChildren(TX.error(e.message)); }
      } }, t('lead.reportSend', '提交报告'))), message);
  }

  /** An evidence record's kind, which the server names in Chinese: in English, the labels' name of that kind. */
  function recordKind(zh) {
    const kinds = Object.values((TX.labels && TX.labels.kinds) || {});
    const k = kinds.find(n => n.zh === zh);
    return k && TXI18N.lang() === 'en' && k.en ? k.en : zh;
  }

  function statusZh(meta, code) {
    const s = meta.statuses.find(x => x.code === code);
    return TX.labels ? TX.label('status.lead', code) : s ? s.zh : code;
  }
})();
