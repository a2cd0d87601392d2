// Rule-of-law education base: class catalogue with recorded videos, schools' bookings, prosecutors' scheduling.
(function () {
  const { el, t } = TX;

  /** A booking's status by its name (GET /api/labels). */
  const status = s => TX.label('status.booking', s);

  TX.pages.education = async function (params) {
    const live = TX.current();
    const c = await TX.get('/api/education/courses');
    const role = TX.me.role;
    const canBook = role === 'prosecutor' || (role === 'department' && TX.me.department === 'education');
    const bookings = role === 'prosecutor' || role === 'department' ? (await TX.get('/api/education/bookings')).bookings : null;
    const playing = params.get('play');
    const message = el('div', { id: 'edu-message' });
    const reload = () => TX.pages.education(params);
    const courses = c.courses.map(x => el('tr', { class: 'course' }, el('td', {}, x.id), el('td', {}, el('strong', {}, x.title), el('div', { class: 'muted' }, x.description)),
      el('td', {}, x.topic), el('td', {}, x.formZh), el('td', {}, x.minutes ? x.minutes + ' 分钟' : '—'),
      el('td', {}, x.hasVideo ? el('a', { href: '#/education' + TX.qs({ play: x.id }), class: 'play' }, '播放录像') : '')));
    const player = playing ? el('div', { class: 'panel' }, el('h2', {}, c.courses.find(x => x.id === playing)?.title || playing),
      el('video', { id: 'course-video', controls: true, preload: 'metadata', src: '/api/education/courses/' + encodeURIComponent(playing) + '/video', width: 640 })) : null;
    // A school's staff book for their own school; a prosecutor books for a school picked from the district's schools.
    const schools = role === 'prosecutor'
      ? [...new Set((await TX.get('/api/observer/places')).places.filter(p => p.kind === 'school' && p.name).map(p => p.name))].sort()
      : [];
    let bookForm = null;
    if (canBook) {
      const course = el('select', { id: 'book-course' }, c.courses.map(x => el('option', { value: x.id }, x.id + ' ' + x.title)));
      const date = el('input', { id: 'book-date', type: 'date' });
      const audience = el('input', { id: 'book-audience', placeholder: t('education.audienceHint', '对象，例如：四年级学生') });
      const size = el('input', { id: 'book-size', type: 'number', min: 1, max: 2000, value: 60 });
      const school = role === 'prosecutor' ? el('select', { id: 'book-school' }, el('option', { value: '' }, t('education.pickSchool', '— 选择学校 —')),
        schools.map(n => el('option', { value: n }, n))) : null;
      const say = (m) => message.replaceChildren(TX.error(m));
      bookForm = el('form', { class: 'panel filters', id: 'book-form', onsubmit: async ev => {
        ev.preventDefault();
        if (!date.value) { say(t('education.needDate', '请选择上课日期')); return; }
        if (school && !school.value) { say(t('education.needSchool', '请选择学校')); return; }
        if (!audience.value.trim()) { say(t('education.needAudience', '请填写授课对象')); return; }
        try {
          await TX.post('/api/education/bookings', { course: course.value, date: date.value, audience: audience.value.trim(),
            size: parseInt(size.value, 10), school: school ? school.value : undefined });
          reload();
        } catch (e) { say(e.message); }
      } },
      el('label', {}, el('span', {}, t('education.course', '课程')), course),
      school ? el('label', {}, el('span', {}, t('education.school', '学校')), school) : null,
      el('label', {}, el('span', {}, t('education.date', '上课日期')), date),
      el('label', {}, el('span', {}, t('education.audience', '授课对象')), audience),
      el('label', {}, el('span', {}, t('education.size', '人数')), size),
      el('button', { type: 'submit', id: 'book-submit' }, t('education.book', '预约课程')), message);
    }
    // The prosecutor attaches a class's recording (MP4): uploaded as it is, then linked to the course.
    let videoForm = null;
    if (role === 'prosecutor') {
      const course = el('select', { id: 'video-course' }, c.courses.map(x => el('option', { value: x.id }, x.id + ' ' + x.title)));
      const file = el('input', { id: 'video-file', type: 'file', accept: 'video/mp4' });
      const videoMessage = el('div', { id: 'video-message' });
      videoForm = el('div', { class: 'panel filters', id: 'video-form' },
        el('label', {}, el('span', {}, t('education.videoCourse', '录播课程')), course),
        el('label', {}, el('span', {}, t('education.videoFile', '录像文件（MP4）')), file),
        el('button', { type: 'button', id: 'video-attach', onclick: async () => {
          if (!file.files.length) { videoMessage.replaceChildren(TX.error(t('education.videoNone', '请选择录像文件'))); return; }
          try {
            const f = file.files[0];
            const r = await fetch('/api/media', { method: 'POST', credentials: 'same-origin', body: f,
              headers: { 'Content-Type': f.type || 'application/octet-stream', 'X-CSRF-Token': TX.csrf(), Accept: 'application/json',
                'Accept-Language': TX.language() } });
            const m = await r.json().catch(() => ({ error: 'HTTP ' + r.status }));
            if (!r.ok) { throw new Error(m.error || ('HTTP ' + r.status)); }
            await TX.post('/api/education/courses/' + encodeURIComponent(course.value) + '/video', { media: m.id });
            location.hash = '#/education' + TX.qs({ play: course.value });
          } catch (e) { videoMessage.replaceChildren(TX.error(e.message)); }
        } }, t('education.videoAttach', '上传并挂接录像')), videoMessage);
    }
    // A prosecutor's steps on a booking, inline: schedule at a day and hour, mark delivered, or cancel with a reason.
    const steps = (b) => {
      if (role !== 'prosecutor' || (b.status !== 'requested' && b.status !== 'scheduled')) { return null; }
      const say = el('div', { class: 'booking-message' });
      const fail = (m) => say.replaceChildren(TX.error(m));
      const post = async (path, body) => {
        try { await TX.post('/api/education/bookings/' + encodeURIComponent(b.id) + path, body); reload(); } catch (e) { fail(e.message); }
      };
      const at = b.status === 'requested' ? el('input', { type: 'datetime-local', class: 'booking-at', value: b.date + 'T09:30',
        'aria-label': t('education.at', '授课时间') }) : null;
      const reason = el('input', { class: 'booking-reason', placeholder: t('education.cancelWhy', '取消理由') });
      return el('div', { class: 'booking-steps' },
        at ? el('label', {}, el('span', {}, t('education.at', '授课时间')), at) : null,
        el('div', { class: 'actions' },
          at ? el('button', { type: 'button', class: 'secondary booking-schedule', onclick: () => {
            if (!at.value) { fail(t('education.needAt', '请选择授课时间')); return; }
            post('/schedule', { at: at.value });
          } }, t('education.schedule', '排课')) : null,
          b.status === 'scheduled' ? el('button', { type: 'button', class: 'secondary booking-delivered',
            onclick: () => post('/status', { to: 'delivered' }) }, t('education.delivered', '标记已授课')) : null,
          reason,
          el('button', { type: 'button', class: 'secondary booking-cancel', onclick: () => {
            if (!reason.value.trim()) { fail(t('education.needCancelWhy', '请填写取消理由')); return; }
            post('/status', { to: 'cancelled', note: reason.value.trim() });
          } }, t('education.cancel', '取消预约'))),
        say);
    };
    const bookingRows = (bookings || []).map(b => el('tr', { class: 'booking', 'data-id': b.id }, el('td', { translate: 'no' }, b.id),
      el('td', {}, b.courseTitle), el('td', {}, TX.fmt(b.date)),
      el('td', { translate: 'no' }, b.school), el('td', {}, el('span', { translate: 'no' }, b.audience), b.size ? ' · ' + b.size + ' ' + t('education.people', '人') : null),
      el('td', {}, el('span', { class: 'badge booking-status' }, status(b.status)),
        b.prosecutor ? el('div', { class: 'muted' }, el('span', { translate: 'no' }, b.prosecutor), ' ', TX.fmt(b.scheduledAt)) : null),
      el('td', {}, steps(b))));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'education.title' }, '童心圆法治教育基地'), player,
      el('div', { class: 'panel' }, el('table', { id: 'courses' }, el('thead', {}, el('tr', {}, ['编号', '课程', '主题', '形式', '时长', ''].map(h => el('th', {}, h)))),
        el('tbody', {}, courses))),
      videoForm ? el('h2', {}, t('education.videoTitle', '录播视频')) : null, videoForm,
      bookings ? el('h2', {}, '课程预约') : null, bookForm,
      bookings ? el('div', { class: 'panel' }, el('table', { id: 'bookings' }, el('tbody', {}, bookingRows))) : null);
  };
})();
