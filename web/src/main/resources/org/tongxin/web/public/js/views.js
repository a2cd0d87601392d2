// Saved views of the explorer (保存视图 / 我的视图): the nodes drawn and where they stand, under a name and an optional
// note, kept per user by the server as node ids only; opening one reads the nodes again as the user may see them now.
(function () {
  const { el, t } = TX;

  /**
   * The bar under the explorer's search: save the current view, list one's views, open, rename or delete one.
   * cy: the explorer's Cytoscape; status: the element the explorer writes its notices into.
   */
  TX.savedViews = function (cy, meta, status) {
    const name = el('input', { id: 'view-name', size: 20, maxlength: 60, placeholder: t('views.name', '视图名称') });
    const note = el('input', { id: 'view-note', size: 28, maxlength: 500, placeholder: t('views.note', '备注（可选）') });
    const message = el('div', { id: 'views-message' });
    const form = el('form', { class: 'filters', id: 'view-save-form', hidden: true, onsubmit: async ev => { ev.preventDefault(); await save(); } },
      name, note, el('button', { type: 'submit', id: 'view-save-confirm' }, t('views.confirm', '保存')),
      el('button', { type: 'button', class: 'secondary', onclick: () => { form.hidden = true; } }, t('views.cancel', '取消')));
    const list = el('div', { id: 'views-list', hidden: true });
    const bar = el('div', { class: 'actions', id: 'views-bar' },
      el('button', { type: 'button', class: 'secondary', id: 'view-save', onclick: () => {
        if (!drawn().length) { message.replaceChildren(TX.error(t('views.empty', '画布上没有节点，无可保存的视图。'))); return; }
        message.replaceChildren();
        form.hidden = false;
        name.focus();
      } }, t('views.save', '保存视图')),
      el('button', { type: 'button', class: 'secondary', id: 'views-mine', onclick: () => { list.hidden = !list.hidden; if (!list.hidden) { load(); } } },
        t('views.mine', '我的视图')));

    /** The nodes the explorer draws (not its group nodes, which stand for nodes not drawn). */
    function drawn() {
      return cy.nodes(':visible').filter(n => n.data('kind') !== 'Group');
    }

    async function save() {
      try {
        const nodes = drawn().map(n => ({ id: n.id(), x: Math.round(n.position('x') * 10) / 10, y: Math.round(n.position('y') * 10) / 10 }));
        const v = await TX.post('/api/views', { name: name.value.trim(), note: note.value.trim(), nodes });
        form.hidden = true;
        name.value = '';
        note.value = '';
        message.replaceChildren(el('div', { class: 'muted', id: 'view-saved' }, t('views.saved', '已保存视图：'),
          el('span', { translate: 'no' }, v.name), t('views.count', '（{n} 个节点）', { n: v.nodes })));
        if (!list.hidden) { await load(); }
      } catch (e) { message.replaceChildren(TX.error(e.message)); }
    }

    async function load() {
      try {
        const r = await TX.get('/api/views');
        TX.fill(list, r.views.length ? el('ul', { class: 'views' }, r.views.map(item))
          : el('div', { class: 'muted' }, t('views.none', '尚未保存视图。')));
      } catch (e) { list.replaceChildren(TX.error(e.message)); }
    }

    function item(v) {
      const li = el('li', { class: 'view-item', 'data-view': v.id });
      const show = () => TX.fill(li,
        el('a', { href: '#', class: 'view-open', onclick: ev => { ev.preventDefault(); open(v.id); } }, el('span', { translate: 'no' }, v.name)),
        ' ', el('span', { class: 'muted' }, t('views.count', '（{n} 个节点）', { n: v.nodes }) + ' ' + TX.fmt(v.updatedAt)),
        v.note ? el('div', { class: 'muted', translate: 'no' }, v.note) : null,
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'secondary view-rename', onclick: rename }, t('views.rename', '重命名')),
          el('button', { type: 'button', class: 'secondary view-delete', onclick: remove }, t('views.delete', '删除'))));
      const rename = () => {
        const input = el('input', { class: 'view-new-name', value: v.name, size: 20, maxlength: 60 });
        TX.fill(li, input,
          el('button', { type: 'button', class: 'view-rename-confirm', onclick: async () => {
            try { await TX.post('/api/views/' + encodeURIComponent(v.id) + '/rename', { name: input.value.trim() }); await load(); }
            catch (e) { li.append(TX.error(e.message)); }
          } }, t('views.confirm', '保存')),
          el('button', { type: 'button', class: 'secondary', onclick: show }, t('views.cancel', '取消')));
        input.focus();
      };
      const remove = () => TX.fill(li, el('span', {}, t('views.deleteAsk', '删除视图'), el('span', { translate: 'no' }, '「' + v.name + '」'), '？'),
        el('button', { type: 'button', class: 'view-delete-confirm', onclick: async () => {
          try { await TX.post('/api/views/' + encodeURIComponent(v.id) + '/delete', {}); await load(); }
          catch (e) { li.append(TX.error(e.message)); }
        } }, t('views.deleteConfirm', '确认删除')),
        el('button', { type: 'button', class: 'secondary', onclick: show }, t('views.cancel', '取消')));
      show();
      return li;
    }

    /** Draws a view afresh: its nodes, read again, where they were saved, and the relationships among them. */
    async function open(id) {
      try {
        const v = await TX.get('/api/views/' + encodeURIComponent(id));
        cy.elements().remove();
        TX.graph.add(cy, v.nodes.map(n => n.node), v.edges, meta.relations);
        v.nodes.forEach(n => cy.getElementById(n.node.id).position({ x: n.x, y: n.y }));
        cy.fit(cy.elements(), 30);
        status.replaceChildren(el('div', { class: v.omitted ? 'notice' : 'muted', id: 'view-opened', 'data-view': v.id },
          t('views.opened', '已打开视图'), el('span', { translate: 'no' }, '「' + v.name + '」'),
          t('views.count', '（{n} 个节点）', { n: v.nodes.length }),
          v.omitted ? ' ' + t('views.omitted', '另有 {n} 个节点已不存在或您无权查看，已略去。', { n: v.omitted }) : null,
          v.note ? el('div', { class: 'muted', translate: 'no' }, v.note) : null));
        list.hidden = true;
      } catch (e) { status.replaceChildren(TX.error(e.message)); }
    }

    return el('div', { id: 'saved-views' }, bar, form, list, message);
  };
})();
