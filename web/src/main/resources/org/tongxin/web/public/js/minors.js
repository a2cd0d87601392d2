// A social worker's or psychologist's minors: each with the classes of its assistance plan and their attendance,
// a form to plan a class and one to record whether the minor came.
(function () {
  const { el, t } = TX;

  /** One minor's plan as a list: the course, and each day's attendance. */
  function planList(plan) {
    if (!plan.planned.length) {
      return el('div', { class: 'muted plan-empty' }, t('minors.noPlan', '尚未安排课程。'));
    }
    return el('div', {},
      el('div', { class: 'muted plan-rate' }, t('minors.rate', '出勤 {a} / {n} 次', { a: plan.attended, n: plan.sessions })),
      el('ul', { class: 'plan-courses' }, plan.planned.map(c => el('li', { class: 'plan-course', 'data-course': c.course },
        el('strong', { translate: 'no' }, TX.join(' ', c.course, c.title)), c.topic ? el('span', { class: 'muted', translate: 'no' }, '（' + c.topic + '）') : null,
        c.attendance.length ? el('ul', { class: 'plan-attendance' }, c.attendance.map(a => el('li', {},
          TX.fmt(a.date) + ' ' + (a.attended ? t('minors.came', '出勤') : t('minors.absent', '缺勤')),
          a.note ? el('span', { translate: 'no' }, '（' + a.note + '）') : null)))
          : el('div', { class: 'muted' }, t('minors.noAttendance', '尚无出勤记录'))))));
  }

  /** The panel of one minor: who, the plan, and the two forms. */
  function minorPanel(m, plan, courses, asOf) {
    const box = el('div', { class: 'panel minor', 'data-node': m.node });
    const draw = (p) => {
      const message = el('div', { class: 'minor-message' });
      const course = el('select', { class: 'plan-course-pick', 'aria-label': t('minors.course', '课程') },
        courses.map(c => el('option', { value: c.id }, c.id + ' ' + c.title)));
      const plannedCourse = el('select', { class: 'attend-course', 'aria-label': t('minors.plannedCourse', '计划中的课程') },
        p.planned.map(c => el('option', { value: c.course }, TX.join(' ', c.course, c.title))));
      const date = el('input', { type: 'date', class: 'attend-date', value: asOf, max: asOf });
      const attended = el('select', { class: 'attend-attended' },
        el('option', { value: 'true' }, t('minors.came', '出勤')), el('option', { value: 'false' }, t('minors.absent', '缺勤')));
      const note = el('input', { class: 'attend-note', placeholder: t('minors.note', '备注（可不填）'), size: 24 });
      const send = (url, body) => async () => {
        try {
          draw(await TX.post(url, body()));
          window.TXI18N.apply(box);
        } catch (e) { message.replaceChildren(TX.error(e.message)); }
      };
      TX.fill(box,
        el('h2', {}, el('span', { translate: 'no', class: 'minor-name' }, TX.join(' ', m.name, m.id))),
        el('div', { class: 'actions' }, el('a', { href: '#/profile/' + encodeURIComponent(m.node), class: 'minor-profile' },
          t('minors.profile', '查看帮教画像'))),
        el('h3', {}, t('minors.plan', '帮教计划与出勤')), planList(p),
        el('div', { class: 'filters' },
          el('label', {}, el('span', {}, t('minors.course', '课程')), course),
          el('button', { type: 'button', class: 'plan-add', onclick: send('/api/education/plans', () => ({ person: m.node, course: course.value })) },
            t('minors.addClass', '安排课程'))),
        p.planned.length ? el('div', { class: 'filters' },
          el('label', {}, el('span', {}, t('minors.plannedCourse', '计划中的课程')), plannedCourse),
          el('label', {}, el('span', {}, t('minors.date', '日期')), date),
          el('label', {}, el('span', {}, t('minors.attended', '是否出勤')), attended),
          el('label', {}, el('span', {}, t('minors.noteLabel', '备注')), note),
          el('button', { type: 'button', class: 'attend-add', onclick: send('/api/education/attendance', () => {
            const body = { person: m.node, course: plannedCourse.value, date: date.value, attended: attended.value === 'true' };
            if (note.value.trim()) { body.note = note.value.trim(); }
            return body;
          }) }, t('minors.record', '记录出勤'))) : null,
        message);
    };
    draw(plan);
    return box;
  }

  TX.pages.minors = async function () {
    const live = TX.current();
    const [r, c, meta] = await Promise.all([TX.get('/api/me/minors'), TX.get('/api/education/courses'), TX.loadMeta()]);
    const plans = await Promise.all(r.minors.map(m => TX.get('/api/education/plans' + TX.qs({ person: m.node }))));
    if (!live()) { return; }
    TX.view(el('h1', {}, t('minors.title', '我的帮教对象')),
      el('div', { class: 'muted' }, t('minors.how', '检察官在未成年人的帮教画像页指派；指派给您的未成年人列在这里，可安排法治课程并记录出勤。')),
      r.minors.length
        ? el('div', { id: 'my-minors' }, r.minors.map((m, i) => minorPanel(m, plans[i], c.courses, meta.asOf)))
        : el('div', { class: 'panel' }, el('p', { class: 'muted', id: 'no-minors' }, t('minors.none', '暂无指派给您的未成年人。'))));
  };
})();
