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
    const section = (key, zh, body) => el('div', { class: 'panel' }, el('h2', { 'data-i18n': key }, zh), body);
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'profile.title' }, '精准帮教画像'),
      TX.me.role === 'prosecutor' ? el('div', { class: 'actions' }, el('a', { href: '#/timeline/' + encodeURIComponent(id), id: 'profile-timeline' }, t('profile.timeline', '时间线'))) : null,
      el('div', { class: 'grid2', id: 'profile' },
        el('div', {},
          section('profile.identity', '基本情况', TX.kv(p.identity)),
          section('profile.guardians', '监护人', list(p.guardians, g => TX.fmt(g.name) + (g.relation ? '（' + TX.fmt(g.relation) + '）' : '')
            + (g.deceased ? ' 已死亡' : '') + (g.records && g.records.length ? ' 有违法犯罪记录 ' + g.records.length : ''))),
          section('profile.schools', '在校情况', list(p.schools, s => TX.join(' ', TX.fmt(s.school), TX.fmt(s.grade), TX.fmt(s.status)))),
          section('profile.civil', '民政儿童类别', list(p.civilAffairs, c => c)),
          section('profile.involvement', '涉案情况', list(p.involvement, i => TX.join(' ', Object.values(i).map(TX.fmt)))),
          section('profile.venues', '场所与夜间活动', list(p.venues, v => TX.join(' ', Object.values(v).map(TX.fmt))))),
        el('div', {},
          section('profile.risks', '风险因素', list(p.riskFactors, r => r.zh + '（' + r.evidence.length + ' 条记录）')),
          section('profile.measures', '建议措施', list(p.measures, m => m)),
          section('profile.associates', '有记录的关系人', list(p.associatesWithRecords, a => TX.join(' ', Object.values(a).map(TX.fmt)))),
          section('profile.education', '法治课程与出勤', await education(id, p.education)))));
  };
})();
