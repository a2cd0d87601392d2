// The precise-assistance profile of a minor.
(function () {
  const { el, t } = TX;

  /** The plan's classes with attendance, and for planners the forms to add a class and record a session. */
  async function education(id, e) {
    const box = el('div', { id: 'profile-education' });
    box.append(el('div', { class: 'muted' }, '出勤 ' + e.attended + ' / ' + e.sessions + ' 次'),
      e.planned.length ? el('ul', {}, e.planned.map(c => el('li', {}, TX.join(' ', c.course, c.title) + (c.topic ? '（' + c.topic + '）' : ''),
        el('div', { class: 'muted' }, c.attendance.map(a => TX.fmt(a.date) + (a.attended ? ' 出勤' : ' 缺勤') + (a.note ? '（' + a.note + '）' : '')).join('；')))))
        : el('div', { class: 'muted' }, t('none', '无')));
    if (!['prosecutor', 'social_worker', 'psychologist'].includes(TX.me.role)) { return box; }
    const courses = (await TX.get('/api/education/courses')).courses;
    const course = el('select', { id: 'plan-course' }, courses.map(c => el('option', { value: c.id }, c.id + ' ' + c.title)));
    const date = el('input', { id: 'plan-date', type: 'date' });
    const attended = el('select', { id: 'plan-attended' }, el('option', { value: 'true' }, '出勤'), el('option', { value: 'false' }, '缺勤'));
    const message = el('div');
    const call = (url, body) => async () => {
      try { await TX.post(url, body()); TX.pages.profile(id); } catch (err) { message.replaceChildren(TX.error(err.message)); }
    };
    box.append(el('div', { class: 'actions' }, course,
      el('button', { type: 'button', class: 'secondary', id: 'plan-add', onclick: call('/api/education/plans', () => ({ person: id, course: course.value })) }, '加入帮教计划'),
      date, attended,
      el('button', { type: 'button', class: 'secondary', id: 'plan-attend', onclick: call('/api/education/attendance',
        () => ({ person: id, course: course.value, date: date.value, attended: attended.value === 'true' })) }, '记录出勤')), message);
    const threads = (await TX.get('/api/threads' + TX.qs({ about: 'minor:' + id }))).threads;
    const people = el('input', { id: 'plan-thread-people', placeholder: '参与者账号（检察官、指派的社工或心理咨询师），逗号分隔', size: 36 });
    box.append(el('h2', {}, '帮教计划留言'),
      el('ul', {}, threads.map(x => el('li', {}, el('a', { href: '#/board' + TX.qs({ thread: x.id }) }, x.subject), ' ',
        el('span', { class: 'muted' }, TX.join(' · ', (x.messages || 0) + ' 条', (x.participants || []).join('、')))))),
      el('div', { class: 'actions' }, people, el('button', { type: 'button', class: 'secondary', id: 'plan-thread', onclick: async () => {
        try {
          const x = await TX.post('/api/threads', { subject: '帮教计划', about: 'minor:' + id,
            participants: people.value.split(/[,，\s]+/).filter(Boolean) });
          location.hash = '#/board' + TX.qs({ thread: x.id });
        } catch (err) { message.replaceChildren(TX.error(err.message)); }
      } }, '开设留言')));
    if (TX.me.role === 'prosecutor') {
      box.append(el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'profile-supervision', onclick: () => TX.draftOrder('supervision', { person: id }) }, '起草督促监护令'),
        el('button', { type: 'button', class: 'secondary', id: 'profile-guidance', onclick: () => TX.draftOrder('guidance', { person: id }) }, '起草家庭教育指导令')));
    }
    return box;
  }

  /**
   * The prosecutor's 指派: a social worker or psychologist picked from the list of their names (grouped by role),
   * to whom the minor's profile and plan then open.
   */
  async function assignBox(id) {
    const [workers, psychologists] = await Promise.all([TX.get('/api/users?role=social_worker'), TX.get('/api/users?role=psychologist')]);
    const message = el('div', { id: 'assign-message' });
    const group = (r, label) => r.names.length ? el('optgroup', { label }, r.names.map(n => el('option', { value: n }, n))) : null;
    const pick = el('select', { id: 'assign-user' }, el('option', { value: '' }, t('assign.pick', '— 请选择 —')),
      group(workers, t('assign.workers', '司法社工')), group(psychologists, t('assign.psychologists', '心理咨询师')));
    return el('div', { id: 'assign' },
      el('div', { class: 'muted' }, t('assign.how', '指派后，该司法社工或心理咨询师可查看此画像、安排法治课程并记录出勤。')),
      el('div', { class: 'actions' }, el('label', {}, el('span', {}, t('assign.to', '指派给')), pick),
        el('button', { type: 'button', id: 'assign-submit', onclick: async () => {
          if (!pick.value) { message.replaceChildren(TX.error(t('assign.none', '请选择司法社工或心理咨询师'))); return; }
          try {
            const a = await TX.post('/api/assignments', { user: pick.value, person: id });
            message.replaceChildren(el('div', { class: 'notice', id: 'assign-done' }, t('assign.done', '已指派给'), ' ',
              el('span', { translate: 'no' }, a.user), t('assign.count', '（其名下共 {n} 名未成年人）', { n: a.assigned })));
          } catch (e) { message.replaceChildren(TX.error(e.message)); }
        } }, t('assign.submit', '指派'))), message);
  }

  /** The identity section: each field by its Chinese name, the values as data. */
  const IDENTITY = { id: ['profile.id', '身份证号'], name: ['profile.name', '姓名'], sex: ['profile.sex', '性别'],
    birthDate: ['profile.birthDate', '出生日期'], age: ['profile.age', '年龄'], minor: ['profile.minor', '未成年人'] };
  function identity(v) {
    const dl = el('dl', { class: 'kv', id: 'profile-identity' });
    Object.entries(v || {}).filter(([k]) => IDENTITY[k]).forEach(([k, x]) => dl.append(el('dt', {}, t(IDENTITY[k][0], IDENTITY[k][1])),
      el('dd', typeof x === 'boolean' ? {} : { translate: 'no' }, typeof x === 'boolean' ? (x ? t('yes', '是') : t('no', '否')) : TX.fmt(x))));
    return dl;
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
    // Lists of records as they came (schools, involvement, venues, associates): data values, not interface words.
    const data = (items, f) => items && items.length ? el('ul', { translate: 'no' }, items.map(x => el('li', {}, f(x)))) : el('div', { class: 'muted' }, t('none', '无'));
    const section = (key, zh, body) => el('div', { class: 'panel' }, el('h2', { 'data-i18n': key }, zh), body);
    const assign = TX.me.role === 'prosecutor' ? section('profile.assign', '指派帮教人员', await assignBox(id)) : null;
    const plan = await education(id, p.education);
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'profile.title' }, '精准帮教画像'),
      el('div', { class: 'grid2', id: 'profile' },
        el('div', {},
          section('profile.identity', '基本情况', identity(p.identity)),
          section('profile.guardians', '监护人', list(p.guardians, g => [el('span', { translate: 'no' }, TX.fmt(g.name) + (g.relation ? '（' + TX.fmt(g.relation) + '）' : '')),
            (g.deceased ? ' 已死亡' : '') + (g.records && g.records.length ? ' 有违法犯罪记录 ' + g.records.length : '')])),
          section('profile.schools', '在校情况', data(p.schools, s => TX.join(' ', TX.fmt(s.school), TX.fmt(s.grade), TX.fmt(s.status)))),
          section('profile.civil', '民政儿童类别', list(p.civilAffairs, c => c)),
          section('profile.involvement', '涉案情况', data(p.involvement, i => TX.join(' ', Object.values(i).map(TX.fmt)))),
          section('profile.venues', '场所与夜间活动', data(p.venues, v => TX.join(' ', Object.values(v).map(TX.fmt))))),
        el('div', {}, assign,
          section('profile.risks', '风险因素', list(p.riskFactors, r => r.zh + '（' + r.evidence.length + ' 条记录）')),
          section('profile.measures', '建议措施', list(p.measures, m => m)),
          section('profile.associates', '有记录的关系人', data(p.associatesWithRecords, a => TX.join(' ', Object.values(a).map(TX.fmt)))),
          section('profile.education', '法治课程与出勤', plan))));
  };
})();
