// Co-education garden: orders to guardians (督促监护令, 家庭教育指导令) and their message threads.
(function () {
  const { el, t } = TX;

  /** An order's status by its name (GET /api/labels). */
  const status = s => TX.label('status.order', s);
  const STEP = { drafted: ['orders.step.drafted', '起草'], visit: ['orders.step.visit', '走访'], note: ['orders.step.note', '记录'] };
  const step = k => (STEP[k] ? t(STEP[k][0], STEP[k][1]) : k);
  /** An order's kind in the interface's language (the server names it in Chinese). */
  const kindName = o => t('orders.kind.' + o.kind, o.kindZh);

  /** Drafts an order from a lead or a profile and opens it. */
  TX.draftOrder = async function (kind, from) {
    // A refusal is shown beside the button that asked (the lead's or the profile's), not in an alert().
    const button = document.activeElement && document.activeElement.tagName === 'BUTTON' ? document.activeElement : null;
    try {
      const o = await TX.post('/api/orders', Object.assign({ kind }, from));
      location.hash = '#/order/' + o.id;
    } catch (e) {
      if (button && button.parentNode) {
        const shown = button.parentNode.querySelector('.draft-error') || TX.el('div', { class: 'draft-error' });
        button.parentNode.append(TX.fill(shown, TX.error(e.message)));
      } else { alert(e.message); }
    }
  };

  /** A draft's fields as the endpoint takes them: a field left blank is left out rather than sent empty. */
  TX.draftFields = (f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== ''));

  TX.pages.orders = async function () {
    const live = TX.current();
    const r = await TX.get('/api/orders');
    const rows = r.items.map(o => el('tr', { class: 'clickable order-row', onclick: () => { location.hash = '#/order/' + o.id; } },
      el('td', {}, o.id), el('td', {}, o.kindZh), el('td', {}, TX.join(' ', o.minorName, o.minorId)), el('td', {}, o.guardianName),
      el('td', {}, TX.fmt(o.dueBy)), el('td', {}, el('span', { class: 'badge' }, status(o.status)),
        o.overdue ? el('span', { class: 'badge red' }, '逾期未履行') : null)));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'orders.title' }, '共育园地 · 令状'),
      TX.me.role === 'prosecutor' ? el('div', { class: 'muted' }, t('orders.how', '在监护类线索或人员画像页起草督促监护令、家庭教育指导令。')) : null,
      el('div', { class: 'panel' }, r.items.length ? el('table', { id: 'orders' }, el('thead', {}, el('tr', {},
        ['编号', '类型', '未成年人', '监护人', '履行期限', '状态'].map(h => el('th', {}, h)))), el('tbody', {}, rows))
        : el('div', { class: 'muted', id: 'no-orders' }, t('none', '无'))));
  };

  TX.pages.order = async function (id) {
    const live = TX.current();
    const o = await TX.get('/api/orders/' + encodeURIComponent(id));
    const me = TX.me;
    const message = el('div', { id: 'order-message' });
    const reload = () => TX.pages.order(id);
    const call = (url, body) => async () => {
      try { await TX.post(url, body()); reload(); } catch (e) { message.replaceChildren(TX.error(e.message)); }
    };
    const actions = el('div', { class: 'actions', id: 'order-actions' });
    if (me.role === 'prosecutor') {
      if (o.status === 'draft') {
        // The guardian's account is picked from the accounts that exist (the one list of users by role): a typed name could name nobody.
        const accounts = (await TX.get('/api/users' + TX.qs({ role: 'guardian' }))).names;
        const guardianUser = el('select', { id: 'order-guardian-user' },
          el('option', { value: '' }, t('orders.pickGuardian', '— 请选择监护人账号 —')),
          accounts.map(n => el('option', { value: n, selected: n === o.guardianUser }, n)));
        const dueBy = el('input', { id: 'order-due', type: 'date', value: o.dueBy });
        const facts = el('textarea', { id: 'order-facts', rows: 3, cols: 60 }, o.facts);
        const guardianName = el('input', { id: 'order-guardian-name', value: o.guardianName || '', placeholder: t('orders.guardianName', '监护人姓名') });
        const fields = () => TX.draftFields({ guardianUser: guardianUser.value, guardianName: guardianName.value.trim(), dueBy: dueBy.value, facts: facts.value });
        actions.append(el('label', {}, t('orders.facts', '事实') + ' ', facts), el('label', {}, t('orders.guardian', '监护人') + ' ', guardianName),
          el('label', {}, t('orders.guardianUser', '监护人账号') + ' ', guardianUser),
          el('label', {}, t('orders.dueBy', '履行期限') + ' ', dueBy),
          el('button', { type: 'button', class: 'secondary', id: 'order-save', onclick: call('/api/orders/' + id + '/draft', fields) }, t('orders.save', '保存草稿')),
          el('button', { type: 'button', id: 'order-issue', onclick: async () => {
            if (!guardianUser.value) { message.replaceChildren(TX.error(t('orders.needGuardian', '请选择监护人账号：令状送达该账号'))); return; }
            if (!guardianName.value.trim()) { message.replaceChildren(TX.error(t('orders.needGuardianName', '请填写监护人姓名：令状写明发给谁'))); return; }
            try {
              await TX.post('/api/orders/' + id + '/draft', fields());
              await TX.post('/api/orders/' + id + '/issue', {});
              reload();
            } catch (e) { message.replaceChildren(TX.error(e.message)); }
          } }, t('orders.issue', '发出')));
      }
      if (o.status === 'issued' || o.status === 'acknowledged') {
        const note = el('input', { id: 'order-followup-note', size: 40, placeholder: t('orders.followupHint', '回访情况') });
        actions.append(note,
          el('button', { type: 'button', class: 'secondary', id: 'order-visit', onclick: call('/api/orders/' + id + '/followups', () => ({ kind: 'visit', note: note.value })) }, t('orders.visit', '记录走访')));
      }
      actions.append(stepForms(o, message, reload));
    }
    if (me.role === 'guardian') {
      actions.append(el('a', { href: '#/guidance' + TX.qs({ order: o.id }), id: 'order-guidance' }, t('guidance.read', '阅读家庭教育指导')));
    }
    if (me.role === 'guardian' && o.status === 'issued') {
      actions.append(el('button', { type: 'button', id: 'order-acknowledge', onclick: call('/api/orders/' + id + '/acknowledge', () => ({ note: '已收到' })) },
        t('orders.acknowledge', '我已收到并知晓')));
    }
    actions.append(el('a', { href: '/api/orders/' + id + '/document.docx', id: 'order-docx', download: 'order-' + id + '.docx' }, t('orders.docx', '文书 DOCX')));
    const steps = el('ol', { id: 'order-steps' }, (o.steps || []).map(s => el('li', {},
      TX.fmt(s.at) + ' ' + (s.kind === 'status' ? status(s.to) : step(s.kind)), s.by ? ['（', el('span', { translate: 'no' }, s.by), '）'] : null,
      s.note ? ['：', el('span', { translate: 'no' }, s.note)] : null)));
    const thread = o.thread ? await threadBox(o.thread) : null;
    if (!live()) { return; }
    TX.view(el('h1', {}, kindName(o), ' · ', el('span', { translate: 'no' }, o.id), ' ', el('span', { class: 'badge', id: 'order-status' }, status(o.status)),
      o.overdue ? el('span', { class: 'badge red' }, ' ' + t('orders.overdue', '逾期未履行')) : null),
      el('div', { class: 'grid2' },
        el('div', {},
          el('div', { class: 'panel' }, TX.kv({ [t('orders.minor', '未成年人')]: TX.join(' ', o.minorName, o.minorId),
            [t('orders.guardian', '监护人')]: o.guardianName ? o.guardianName + (o.guardianRelation ? '（' + o.guardianRelation + '）' : '')
              : t('orders.noGuardian', '未登记在世的监护人，请在草稿中填写'),
            [t('orders.dueBy', '履行期限')]: o.dueBy, [t('orders.facts', '事实')]: o.facts })),
          el('div', { class: 'panel' }, el('h2', {}, t('orders.basis', '法律依据')), TX.lawLink(o.basisLaw, o.basisArticle, o.basis),
            el('div', { class: 'article', lang: 'zh-CN' }, o.basisText || '')),
          el('div', { class: 'panel' }, el('h2', {}, t('orders.requirements', '责令事项')), me.role === 'prosecutor' && o.status === 'draft' ? dutiesEditor(o, reload)
            : el('ol', { id: 'order-requirements', lang: 'zh-CN' }, o.requirements.map(r => el('li', {}, r))))),
        el('div', {}, el('div', { class: 'panel' }, el('h2', {}, t('orders.handling', '办理')), actions, message, steps), thread)));
  };

  /**
   * A draft's duties (责令事项), edited in place: each duty a line that can be changed or removed, lines added, and
   * the list saved to the draft (once issued the order's duties are fixed, and the API refuses).
   */
  function dutiesEditor(o, reload) {
    const box = el('div', { id: 'order-duties' });
    const show = () => box.replaceChildren(el('ol', { id: 'order-requirements', lang: 'zh-CN' }, o.requirements.map(r => el('li', {}, r))),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: 'order-duties-edit', onclick: edit },
        t('orders.dutiesEdit', '修改责令事项'))));
    const edit = () => {
      const list = el('ol', { id: 'order-duties-list' });
      const line = (text) => {
        const input = el('input', { class: 'order-duty', size: 50, value: text });
        const li = el('li', {}, input, ' ', el('button', { type: 'button', class: 'secondary order-duty-remove', onclick: () => li.remove() },
          t('orders.dutyRemove', '删除')));
        list.append(li);
        return input;
      };
      o.requirements.forEach(line);
      const error = el('div', { id: 'order-duties-error' });
      box.replaceChildren(list, el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', id: 'order-duty-add', onclick: () => line('').focus() }, t('orders.dutyAdd', '增加一项')),
        el('button', { type: 'button', id: 'order-duties-save', onclick: async () => {
          const duties = [...list.querySelectorAll('.order-duty')].map(i => i.value.trim()).filter(Boolean);
          if (!duties.length) { error.replaceChildren(TX.error(t('orders.dutiesNone', '请至少填写一项责令事项'))); return; }
          try { await TX.post('/api/orders/' + o.id + '/draft', { requirements: duties }); reload(); }
          catch (e) { error.replaceChildren(TX.error(e.message)); }
        } }, t('orders.dutiesSave', '保存责令事项')),
        el('button', { type: 'button', class: 'secondary', id: 'order-duties-cancel', onclick: show }, t('orders.stepCancel', '取消'))), error);
    };
    show();
    return box;
  }

  /** The verb of a step by note (the status it leads to is named by the labels). */
  const STEP_VERB = { closed: () => t('orders.to.closed', '结案'), cancelled: () => t('orders.to.cancelled', '撤回') };

  /**
   * The steps the workflow allows the order now (the API's {@code next}: closing, withdrawing a draft), each a
   * button that opens an inline form asking for the reason before the step is taken.
   */
  function stepForms(o, message, reload) {
    const box = el('div', { id: 'order-steps-next' });
    const open = (to) => {
      const verb = STEP_VERB[to] ? STEP_VERB[to]() : status(to);
      const reason = el('textarea', { id: 'order-step-note', rows: 2, cols: 50,
        placeholder: t('orders.stepReason', '请写明{verb}的理由', { verb }) });
      const error = el('div', { id: 'order-step-error' });
      box.replaceChildren(buttons(), el('div', { class: 'panel', id: 'order-step-form', 'data-to': to },
        el('label', {}, t('orders.stepReasonLabel', '{verb}理由', { verb }) + ' ', reason),
        el('div', { class: 'actions' },
          el('button', { type: 'button', id: 'order-step-confirm', onclick: async () => {
            if (!reason.value.trim()) { error.replaceChildren(TX.error(t('orders.stepNeedReason', '请写明{verb}的理由', { verb }))); return; }
            try { await TX.post('/api/orders/' + o.id + '/status', { to, note: reason.value.trim() }); reload(); }
            catch (e) { error.replaceChildren(TX.error(e.message)); }
          } }, t('orders.stepConfirm', '确认{verb}', { verb })),
          el('button', { type: 'button', class: 'secondary', id: 'order-step-cancel', onclick: () => box.replaceChildren(buttons()) },
            t('orders.stepCancel', '取消'))), error));
      reason.focus();
    };
    const buttons = () => el('span', {}, (o.next || []).map(to => el('button', { type: 'button', class: 'secondary order-step', 'data-to': to,
      onclick: () => { message.replaceChildren(); open(to); } }, STEP_VERB[to] ? STEP_VERB[to]() : status(to))));
    box.append(buttons());
    return box;
  }

  /** The articles of 家庭教育促进法 on the family's own duties (chapter 2, 第十四条 to 第二十三条). */
  const FAMILY_DUTIES = ['第十四条', '第十五条', '第十六条', '第十七条', '第十八条', '第十九条', '第二十条', '第二十一条',
    '第二十二条', '第二十三条'];

  /**
   * Family-education guidance for a guardian: the duties each of their orders sets, with the order's legal basis in
   * full, and the articles of 家庭教育促进法 on what parents and guardians owe a child.
   */
  TX.pages.guidance = async function (params) {
    const live = TX.current();
    const list = (await TX.get('/api/orders')).items.filter(o => o.status !== 'draft' && o.status !== 'cancelled');
    const [orders, articles] = await Promise.all([
      Promise.all(list.map(o => TX.get('/api/orders/' + encodeURIComponent(o.id)))),
      Promise.all(FAMILY_DUTIES.map(a => TX.get('/api/laws/article' + TX.qs({ law: '家庭教育促进法', article: a })).catch(() => null)))]);
    const chosen = params.get('order');
    const orderBox = (o) => el('div', { class: 'panel guidance-order' + (o.id === chosen ? ' chosen' : ''), 'data-order': o.id },
      el('h2', {}, o.kindZh, ' · ', el('span', { translate: 'no' }, o.id), ' ',
        el('span', { class: 'badge' }, status(o.status)), o.overdue ? el('span', { class: 'badge red' }, t('orders.overdue', '逾期未履行')) : null),
      el('div', { class: 'muted' }, t('guidance.due', '履行期限') + '：' + TX.fmt(o.dueBy)),
      el('h3', {}, t('guidance.duties', '令状责令您履行的事项')),
      el('ol', { class: 'guidance-duties' }, o.requirements.map(r => el('li', { translate: 'no' }, r))),
      el('h3', {}, t('guidance.basis', '法律依据')),
      el('div', {}, TX.lawLink(o.basisLaw, o.basisArticle)),
      el('div', { class: 'article', translate: 'no' }, o.basisText || ''),
      el('div', { class: 'actions' }, el('a', { href: '#/order/' + encodeURIComponent(o.id), class: 'guidance-open' },
        o.status === 'issued' ? t('guidance.acknowledge', '查看令状并确认收到') : t('guidance.open', '查看令状与留言'))));
    if (!live()) { return; }
    TX.view(el('h1', {}, t('guidance.title', '家庭教育指导')),
      el('div', { class: 'muted' }, t('guidance.intro', '父母或者其他监护人是孩子的第一任老师。以下是检察院发给您的令状所责令的事项，以及《家庭教育促进法》关于家庭责任的规定。')),
      el('div', { id: 'guidance-orders' }, orders.length ? orders.map(orderBox)
        : el('div', { class: 'panel muted', id: 'guidance-no-orders' }, t('guidance.noOrders', '目前没有发给您的令状。'))),
      el('div', { class: 'panel', id: 'guidance-law' },
        el('h2', {}, t('guidance.law', '《家庭教育促进法》第二章 家庭责任')),
        articles.filter(Boolean).map(a => el('div', { class: 'law-article' },
          el('div', {}, TX.lawLink(a.law, a.article)),
          el('div', { class: 'article', translate: 'no' }, a.text)))));
  };

  /** The messages of a thread with a reply box; used on order pages and the board. */
  async function threadBox(threadId) {
    let th;
    try { th = await TX.get('/api/threads/' + encodeURIComponent(threadId)); } catch (e) { return TX.error(e.message); }
    const box = el('div', { class: 'panel thread', id: 'thread' });
    const draw = (x) => {
      const text = el('textarea', { id: 'thread-text', rows: 2, cols: 50 });
      box.replaceChildren(el('h2', {}, '留言 · ' + x.subject), el('div', { class: 'muted' }, '参与者：' + x.participants.join('、')),
        el('ul', { class: 'messages', id: 'thread-messages' }, x.messages.map(m => el('li', {}, el('strong', {}, m.by), ' ',
          el('span', { class: 'muted' }, TX.fmt(m.at)), el('div', {}, m.text)))),
        text, el('button', { type: 'button', id: 'thread-send', onclick: async () => {
          try { draw(await TX.post('/api/threads/' + x.id + '/messages', { text: text.value })); } catch (e) { box.append(TX.error(e.message)); }
        } }, '发送'));
    };
    draw(th);
    return box;
  }

  /** The roles whose users a prosecutor picks as a thread's participants (the users the API lists by role). */
  const THREAD_ROLES = ['social_worker', 'psychologist', 'guardian'];

  /** For a prosecutor: the participants of a new thread ticked in lists of users by role, never typed. */
  async function participantPicker() {
    const lists = await Promise.all(THREAD_ROLES.map(r => TX.get('/api/users' + TX.qs({ role: r }))));
    const box = el('div', { id: 'new-thread-people' }, lists.filter(l => l.names.length).map(l => el('fieldset', { class: 'thread-role', 'data-role': l.role },
      el('legend', {}, TX.label('role', l.role)),
      l.names.map(n => el('label', { class: 'thread-person' }, el('input', { type: 'checkbox', value: n }), ' ', el('span', { translate: 'no' }, n))))));
    return { box, chosen: () => [...box.querySelectorAll('input:checked')].map(i => i.value) };
  }

  TX.pages.board = async function (params) {
    const live = TX.current();
    const r = await TX.get('/api/threads');
    const open = params.get('thread') ? await threadBox(params.get('thread')) : null;
    const canOpen = ['prosecutor', 'department', 'social_worker', 'psychologist'].includes(TX.me.role);
    const subject = el('input', { id: 'new-thread-subject', placeholder: t('board.subject', '主题') });
    const picker = TX.me.role === 'prosecutor' ? await participantPicker() : null;
    const people = picker ? picker.box : el('input', { id: 'new-thread-people', placeholder: t('board.people', '参与者账号，逗号分隔') });
    const chosen = () => picker ? picker.chosen() : people.value.split(/[,，\s]+/).filter(Boolean);
    const message = el('div', { id: 'new-thread-message' });
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'board.title' }, '共育园地 · 留言'),
      el('div', { class: 'grid2' },
        el('div', { class: 'panel' }, el('ul', { id: 'threads' }, r.threads.map(x => el('li', {},
          el('a', { href: '#/board' + TX.qs({ thread: x.id }) }, x.subject), ' ',
          el('span', { class: 'muted' }, TX.join(' · ', (x.messages || 0) + ' 条', TX.fmt(x.lastAt), (x.participants || []).join('、')))))),
          canOpen ? el('div', { class: 'actions' }, subject, people, el('button', { type: 'button', id: 'new-thread-open', onclick: async () => {
            if (picker && !chosen().length) { message.replaceChildren(TX.error(t('board.needPeople', '请选择参与者'))); return; }
            try {
              const x = await TX.post('/api/threads', { subject: subject.value, participants: chosen() });
              location.hash = '#/board' + TX.qs({ thread: x.id });
            } catch (e) { message.replaceChildren(TX.error(e.message)); }
          } }, t('board.open', '开设留言')), message) : null),
        open || el('div')));
  };
})();
