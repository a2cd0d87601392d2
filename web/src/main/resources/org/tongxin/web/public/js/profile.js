// The precise-assistance profile of a minor.
(function () {
  const { el, t } = TX;

  /** The plan's classes with attendance, and for planners the forms to add a class and record a session. */
  async function education(id, e) {
    const box = el('div', { id: 'profile-education' });
    const data = (text) => el('span', { translate: 'no' }, text);
    box.append(el('div', { class: 'muted' }, t('profile.attendance', '出勤 {a} / {n} 次', { a: e.attended, n: e.sessions })),
      e.planned.length ? el('ul', {}, e.planned.map(c => el('li', {}, data(TX.join(' ', c.course, c.title)), c.topic ? ['（', data(c.topic), '）'] : null,
        el('div', { class: 'muted' }, c.attendance.map((a, i) => [i ? '；' : null, TX.fmt(a.date) + ' ',
          a.attended ? t('profile.attended', '出勤') : t('profile.absent', '缺勤'), a.note ? ['（', data(a.note), '）'] : null])))))
        : el('div', { class: 'muted' }, t('none', '无')));
    if (!['prosecutor', 'social_worker', 'psychologist'].includes(TX.me.role)) { return box; }
    const courses = (await TX.get('/api/education/courses')).courses;
    const course = el('select', { id: 'plan-course' }, courses.map(c => el('option', { value: c.id }, c.id + ' ' + c.title)));
    const date = el('input', { id: 'plan-date', type: 'date' });
    const attended = el('select', { id: 'plan-attended' }, el('option', { value: 'true' }, t('profile.attended', '出勤')), el('option', { value: 'false' }, t('profile.absent', '缺勤')));
    const message = el('div');
    const call = (url, body) => async () => {
      try { await TX.post(url, body()); TX.pages.profile(id); } catch (err) { message.replaceChildren(TX.error(err.message)); }
    };
    box.append(el('div', { class: 'actions' }, course,
      el('button', { type: 'button', class: 'secondary', id: 'plan-add', onclick: call('/api/education/plans', () => ({ person: id, course: course.value })) }, t('profile.planAdd', '加入帮教计划')),
      date, attended,
      el('button', { type: 'button', class: 'secondary', id: 'plan-attend', onclick: call('/api/education/attendance',
        () => ({ person: id, course: course.value, date: date.value, attended: attended.value === 'true' })) }, t('profile.attend', '记录出勤'))), message);
    const threads = (await TX.get('/api/threads' + TX.qs({ about: 'minor:' + id }))).threads;
    const people = el('input', { id: 'plan-thread-people', placeholder: t('profile.threadPeople', '参与者账号（检察官、指派的社工或心理咨询师），逗号分隔'), size: 36 });
    box.append(el('h2', {}, t('profile.threads', '帮教计划留言')),
      el('ul', {}, threads.map(x => el('li', {}, el('a', { href: '#/board' + TX.qs({ thread: x.id }), translate: 'no' }, x.subject), ' ',
        el('span', { class: 'muted' }, t('profile.messages', '{n} 条', { n: x.messages || 0 }),
          (x.participants || []).length ? [' · ', data((x.participants || []).join('、'))] : null)))),
      el('div', { class: 'actions' }, people, el('button', { type: 'button', class: 'secondary', id: 'plan-thread', onclick: async () => {
        try {
          const x = await TX.post('/api/threads', { subject: '帮教计划', about: 'minor:' + id,
            participants: people.value.split(/[,，\s]+/).filter(Boolean) });
          location.hash = '#/board' + TX.qs({ thread: x.id });
        } catch (err) { message.replaceChildren(TX.error(err.message)); }
      } }, t('profile.threadOpen', '开设留言'))));
    if (TX.me.role === 'prosecutor') {
      box.append(el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'profile-supervision', onclick: () => TX.draftOrder('supervision', { person: id }) }, t('profile.draftSupervision', '起草督促监护令')),
        el('button', { type: 'button', class: 'secondary', id: 'profile-guidance', onclick: () => TX.draftOrder('guidance', { person: id }) }, t('profile.draftGuidance', '起草家庭教育指导令'))));
    }
    return box;
  }

  /**
   * The prosecutor's 指派: who the minor is assigned to (each assignment can be ended, after an inline confirmation),
   * and a social worker or psychologist picked from the list of their names (grouped by role), to whom the minor's
   * profile and plan then open.
   */
  async function assignBox(id) {
    const [workers, psychologists] = await Promise.all([TX.get('/api/users?role=social_worker'), TX.get('/api/users?role=psychologist')]);
    const message = el('div', { id: 'assign-message' });
    const current = el('div', { id: 'assign-current' });
    const drawCurrent = async () => {
      const to = (await TX.get('/api/assignments' + TX.qs({ person: id }))).workers;
      current.replaceChildren(to.length ? el('ul', { id: 'assign-list' }, to.map(w => {
        const li = el('li', { class: 'assignee', 'data-user': w.user });
        const plain = () => li.replaceChildren(el('span', { translate: 'no' }, w.user), '（' + TX.label('role', w.role) + '） ',
          el('button', { type: 'button', class: 'secondary assign-remove', onclick: () => li.replaceChildren(
            el('span', { translate: 'no' }, w.user), ' ' + t('assign.removeAsk', '取消指派后，其将不能再查看此未成年人的画像。') + ' ',
            el('button', { type: 'button', class: 'assign-remove-confirm', onclick: async () => {
              try {
                await TX.post('/api/assignments/remove', { user: w.user, person: id });
                message.replaceChildren(el('div', { class: 'notice', id: 'assign-removed' }, t('assign.removed', '已取消指派：'), ' ',
                  el('span', { translate: 'no' }, w.user)));
                await drawCurrent();
              } catch (e) { message.replaceChildren(TX.error(e.message)); }
            } }, t('assign.removeConfirm', '确认取消指派')), ' ',
            el('button', { type: 'button', class: 'secondary assign-remove-cancel', onclick: plain }, t('assign.removeCancel', '不取消'))) },
            t('assign.remove', '取消指派')));
        plain();
        return li;
      })) : el('div', { class: 'muted', id: 'assign-none' }, t('assign.nobody', '尚未指派给任何司法社工或心理咨询师')));
    };
    await drawCurrent();
    const group = (r, label) => r.names.length ? el('optgroup', { label }, r.names.map(n => el('option', { value: n }, n))) : null;
    const pick = el('select', { id: 'assign-user' }, el('option', { value: '' }, t('assign.pick', '— 请选择 —')),
      group(workers, t('assign.workers', '司法社工')), group(psychologists, t('assign.psychologists', '心理咨询师')));
    return el('div', { id: 'assign' },
      el('h3', {}, t('assign.current', '已指派')), current,
      el('div', { class: 'muted' }, t('assign.how', '指派后，该司法社工或心理咨询师可查看此画像、安排法治课程并记录出勤。')),
      el('div', { class: 'actions' }, el('label', {}, el('span', {}, t('assign.to', '指派给')), pick),
        el('button', { type: 'button', id: 'assign-submit', onclick: async () => {
          if (!pick.value) { message.replaceChildren(TX.error(t('assign.none', '请选择司法社工或心理咨询师'))); return; }
          try {
            const a = await TX.post('/api/assignments', { user: pick.value, person: id });
            message.replaceChildren(el('div', { class: 'notice', id: 'assign-done' }, t('assign.done', '已指派给'), ' ',
              el('span', { translate: 'no' }, a.user), t('assign.count', '（其名下共 {n} 名未成年人）', { n: a.assigned })));
            await drawCurrent();
          } catch (e) { message.replaceChildren(TX.error(e.message)); }
        } }, t('assign.submit', '指派'))), message);
  }

  TX.pages.profile = async function (id) {
    const live = TX.current();
    let p;
    try {
      p = await TX.get('/api/profiles/' + encodeURIComponent(id));
    } catch (e) {
      if (live()) { TX.view(TX.error(e.message)); }
      return;
    }
    const list = (items, f) => items && items.length ? el('ul', {}, items.map(x => el('li', {}, f(x)))) : el('div', { class: 'muted' }, t('none', '无'));
    const data = (...text) => el('span', { translate: 'no' }, TX.join(' ', text.flat().map(TX.fmt)));
    const section = (key, zh, body) => el('div', { class: 'panel' }, el('h2', { 'data-i18n': key }, zh), body);
    const assign = TX.me.role === 'prosecutor' ? section('profile.assign', '指派帮教人员', await assignBox(id)) : null;
    const plan = await education(id, p.education);
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'profile.title' }, '精准帮教画像'),
      TX.me.role === 'prosecutor' ? el('div', { class: 'actions' }, el('a', { href: '#/timeline/' + encodeURIComponent(id), id: 'profile-timeline' }, t('profile.timeline', '时间线'))) : null,
      el('div', { class: 'grid2', id: 'profile' },
        el('div', {},
          section('profile.identity', '基本情况', TX.kv(p.identity)),
          section('profile.guardians', '监护人', list(p.guardians, g => [data(g.name), g.relation ? ['（', data(g.relation), '）'] : null,
            g.deceased ? ' ' + t('profile.deceased', '已死亡') : null,
            g.records && g.records.length ? ' ' + t('profile.records', '有违法犯罪记录 {n}', { n: g.records.length }) : null])),
          section('profile.schools', '在校情况', list(p.schools, s => data(s.school, s.grade, s.status))),
          section('profile.civil', '民政儿童类别', list(p.civilAffairs, c => data(c))),
          // A record by its dataset's name and its number alone (not police_admin_penalties:GAXJ…).
          section('profile.involvement', '涉案情况', list(p.involvement, i => [TX.label('dataset', i.dataset), ' ',
            data(i.rid && i.dataset && i.rid.startsWith(i.dataset + ':') ? i.rid.substring(i.dataset.length + 1) : i.rid, i.role, i.what, i.date)])),
          section('profile.venues', '场所与夜间活动', list(p.venues, v => data(Object.values(v))))),
        el('div', {}, assign,
          section('profile.risks', '风险因素', list(p.riskFactors, r => r.zh + t('profile.evidence', '（{n} 条记录）', { n: r.evidence.length }))),
          section('profile.measures', '建议措施', list(p.measures, m => m)),
          section('profile.associates', '有记录的关系人', list(p.associatesWithRecords, a => data(Object.values(a)))),
          section('profile.education', '法治课程与出勤', plan))));
  };
})();
