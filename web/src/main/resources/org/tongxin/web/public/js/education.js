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
    let bookForm = null;
    if (canBook) {
      const course = el('select', { id: 'book-course' }, c.courses.map(x => el('option', { value: x.id }, x.id + ' ' + x.title)));
      const date = el('input', { id: 'book-date', type: 'date' });
      const audience = el('input', { id: 'book-audience', placeholder: '对象，例如：四年级学生' });
      const size = el('input', { id: 'book-size', type: 'number', min: 1, max: 2000, value: 60 });
      const school = role === 'prosecutor' ? el('input', { id: 'book-school', placeholder: '学校' }) : null;
      bookForm = el('div', { class: 'panel filters' }, course, date, audience, size, school,
        el('button', { type: 'button', id: 'book-submit', onclick: async () => {
          try {
            await TX.post('/api/education/bookings', { course: course.value, date: date.value, audience: audience.value,
              size: parseInt(size.value, 10), school: school ? school.value : undefined });
            reload();
          } catch (e) { message.replaceChildren(TX.error(e.message)); }
        } }, '预约课程'), message);
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
    const bookingRows = (bookings || []).map(b => el('tr', {}, el('td', {}, b.id), el('td', {}, b.courseTitle), el('td', {}, TX.fmt(b.date)),
      el('td', {}, b.school), el('td', {}, TX.join(' · ', b.audience, b.size ? b.size + ' 人' : null)),
      el('td', {}, el('span', { class: 'badge' }, status(b.status)), b.prosecutor ? el('div', { class: 'muted' }, TX.join(' ', b.prosecutor, TX.fmt(b.scheduledAt))) : null),
      el('td', {}, el('div', { class: 'actions' }, role !== 'prosecutor' ? null : b.status === 'requested'
        ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
          const at = prompt('授课时间（如 ' + b.date + 'T09:30）', b.date + 'T09:30');
          if (!at) { return; }
          try { await TX.post('/api/education/bookings/' + b.id + '/schedule', { at }); reload(); } catch (e) { alert(e.message); }
        } }, '排课')
        : b.status === 'scheduled' ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
          try { await TX.post('/api/education/bookings/' + b.id + '/status', { to: 'delivered' }); reload(); } catch (e) { alert(e.message); }
        } }, '已授课') : null))));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'education.title' }, '童心圆法治教育基地'), player,
      el('div', { class: 'panel' }, el('table', { id: 'courses' }, el('thead', {}, el('tr', {}, ['编号', '课程', '主题', '形式', '时长', ''].map(h => el('th', {}, h)))),
        el('tbody', {}, courses))),
      videoForm ? el('h2', {}, t('education.videoTitle', '录播视频')) : null, videoForm,
      bookings ? el('h2', {}, '课程预约') : null, bookForm,
      bookings ? el('div', { class: 'panel' }, el('table', { id: 'bookings' }, el('tbody', {}, bookingRows))) : null);
  };
})();
