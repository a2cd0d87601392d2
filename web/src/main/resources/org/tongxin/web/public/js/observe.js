// Observer platform: a volunteer's phone-sized report form and their submissions; the prosecutors' desk.
(function () {
  const { el, t } = TX;

  /** A report's status by its name (GET /api/labels). */
  TX.submissionStatus = s => TX.label('status.submission', s);

  /** Uploads one file as the request body; the server decides what it is from its bytes. */
  async function upload(file) {
    const r = await fetch('/api/media', { method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': TX.csrf(), Accept: 'application/json',
        'Accept-Language': TX.language() } });
    const body = await r.json().catch(() => ({ error: 'HTTP ' + r.status }));
    if (!r.ok) { throw new Error(file.name + '：' + (body.error || r.status)); }
    return body;
  }

  /**
   * The district as dots (every venue and school with coordinates) on a small SVG: a tap on a dot picks that place,
   * a tap elsewhere picks the point, which the server links to the nearest place within 200 m.
   */
  function pointPicker(places, onPoint, onPlace) {
    const svg = TX.svg;
    const placed = places.filter(p => typeof p.lat === 'number' && typeof p.lon === 'number');
    const W = 400; const H = 260; const pad = 12;
    if (!placed.length) { return el('div'); }
    const xs = placed.map(p => p.lon); const ys = placed.map(p => p.lat);
    const minX = Math.min(...xs); const maxX = Math.max(...xs); const minY = Math.min(...ys); const maxY = Math.max(...ys);
    const k = Math.min((W - 2 * pad) / Math.max(maxX - minX, 1e-6), (H - 2 * pad) / Math.max(maxY - minY, 1e-6));
    const X = x => pad + (x - minX) * k; const Y = y => H - pad - (y - minY) * k;
    const map = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, id: 'obs-map', class: 'picker', role: 'img' });
    const marker = svg('circle', { r: 6, class: 'marker', cx: -20, cy: -20 });
    map.addEventListener('click', ev => {
      const box = map.getBoundingClientRect();
      const sx = (ev.clientX - box.left) * W / box.width; const sy = (ev.clientY - box.top) * H / box.height;
      marker.setAttribute('cx', sx); marker.setAttribute('cy', sy);
      const hit = ev.target.dataset && ev.target.dataset.place;
      if (hit) { onPlace(placed.find(p => p.place === hit)); } else { onPoint(minY + (H - pad - sy) / k, minX + (sx - pad) / k); }
    });
    placed.forEach(p => map.appendChild(svg('circle', { cx: X(p.lon), cy: Y(p.lat), r: 4, class: p.kind, 'data-place': p.place },
      svg('title', {}, p.name))));
    map.appendChild(marker);
    return el('div', { class: 'map small' }, map, el('div', { class: 'muted' }, t('observe.mapHint', '点选场所或学校，或点选地图上的位置')));
  }

  // The confirmation of the report just sent, shown once by the page drawn after it (with the report in the list).
  let sent = null;

  TX.pages.observe = async function () {
    const live = TX.current();
    const meta = await TX.loadMeta();
    const places = (await TX.get('/api/observer/places')).places;
    const mine = await TX.get('/api/submissions');
    const message = el('div', { id: 'observe-message' }, sent);
    sent = null;
    const category = el('select', { id: 'obs-category', required: true }, el('option', { value: '' }, t('observe.pick', '请选择')),
      meta.categories.map(c => el('option', { value: c.code }, c.zh)));
    const suggestion = el('div', { class: 'muted', id: 'obs-suggestion' });
    const description = el('textarea', { id: 'obs-description', rows: 4, required: true, placeholder: t('observe.describe', '发生了什么？（至少 5 个字）'),
      onchange: async () => {
        if (description.value.trim().length < 5) { return; }
        let s;
        try { s = await TX.post('/api/observer/classify', { description: description.value }); } catch (e) { suggestion.replaceChildren(TX.error(e.message)); return; }
        suggestion.replaceChildren(t('observe.suggested', '建议类别') + '：', el('strong', { id: 'obs-suggested' }, s.zh), ' ',
          el('button', { type: 'button', class: 'secondary', onclick: () => { category.value = s.category; } }, t('observe.use', '采用')));
        if (!category.value) { category.value = s.category; }
      } });
    const filter = el('input', { id: 'obs-place-filter', placeholder: t('observe.placeFilter', '按名称筛选场所或学校') });
    const place = el('select', { id: 'obs-place' });
    // replaceChildren takes nodes as separate arguments: an array would be written out as its string.
    const fillPlaces = () => place.replaceChildren(el('option', { value: '' }, t('observe.point', '— 用地图点位 —')),
      ...places.filter(p => !filter.value.trim() || (p.name || '').includes(filter.value.trim()))
        .map(p => el('option', { value: p.place }, (p.kind === 'school' ? '学校 · ' : (p.sort || '场所') + ' · ') + (p.name || p.place))));
    filter.addEventListener('input', fillPlaces);
    fillPlaces();
    const lat = el('input', { id: 'obs-lat', type: 'number', step: 'any', placeholder: '纬度' });
    const lon = el('input', { id: 'obs-lon', type: 'number', step: 'any', placeholder: '经度' });
    const map = pointPicker(places, (y, x) => { place.value = ''; lat.value = y.toFixed(6); lon.value = x.toFixed(6); },
      p => { place.value = p.place; lat.value = ''; lon.value = ''; });
    const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().substring(0, 16);
    const at = el('input', { id: 'obs-at', type: 'datetime-local', value: now });
    const uploaded = [];
    const files = el('div', { id: 'obs-files', class: 'thumbs' });
    const picker = el('input', { id: 'obs-media', type: 'file', multiple: true, accept: 'image/jpeg,image/png,video/mp4', onchange: async () => {
      for (const f of picker.files) {
        try {
          const m = await upload(f);
          uploaded.push(m);
          files.append(m.type.startsWith('image/') ? el('img', { src: '/api/media/' + m.id, alt: f.name, class: 'thumb' })
            : el('span', { class: 'badge' }, '视频 ' + Math.round(m.bytes / 1024) + ' KB'));
          if (m.lat != null && !lat.value && !place.value) {
            lat.value = m.lat; lon.value = m.lon;
            message.replaceChildren(el('div', { class: 'notice', id: 'obs-gps' }, t('observe.gps', '已从照片或视频读取拍摄位置（保存的文件不保留位置信息）')));
          }
        } catch (e) { message.replaceChildren(TX.error(e.message)); }
      }
      picker.value = '';
    } });
    const form = el('form', { class: 'panel phone', id: 'observe-form', onsubmit: async ev => {
      ev.preventDefault();
      const body = { category: category.value, description: description.value, at: at.value, media: uploaded.map(m => m.id) };
      if (place.value) {
        body.place = place.value;
      } else if (lat.value && lon.value) {
        body.lat = parseFloat(lat.value); body.lon = parseFloat(lon.value);
      } else {
        message.replaceChildren(TX.error(t('observe.needPlace', '请选择场所或学校，或在地图上点选位置'))); return;
      }
      try {
        const s = await TX.post('/api/submissions', body);
        // Drawn again at once, so the list shows the report and nothing typed after sending is wiped by a late redraw.
        sent = el('div', { class: 'notice', id: 'obs-done' }, t('observe.done', '已提交，编号') + ' ',
          el('span', { translate: 'no' }, s.id), ' · ', el('span', { translate: 'no' }, s.placeName));
        if (live()) { TX.pages.observe(); }
      } catch (e) { message.replaceChildren(TX.error(e.message)); }
    } },
    el('label', {}, el('span', {}, t('observe.category', '问题类别')), category), suggestion,
    el('label', {}, el('span', {}, t('observe.description', '问题描述')), description),
    el('label', {}, el('span', {}, t('observe.place', '地点')), filter, place),
    map, el('div', { class: 'row' }, lat, lon),
    el('label', {}, el('span', {}, t('observe.at', '发生时间')), at),
    el('label', {}, el('span', {}, t('observe.media', '照片（1–5 张，JPEG/PNG ≤ 10 MB）或视频（MP4 ≤ 50 MB）')), picker), files,
    el('button', { type: 'submit', id: 'obs-submit' }, t('observe.submit', '提交')), message);
    // Each report as a narrow two-column row that fits a phone: what and where, when; its status and photos.
    const list = el('table', { id: 'my-submissions' }, el('tbody', {}, mine.items.map(s => el('tr', { class: 'my-submission', 'data-id': s.id },
      el('td', {}, el('div', {}, el('strong', {}, s.categoryZh), ' ', el('span', { class: 'muted', translate: 'no' }, s.id)),
        el('div', { translate: 'no' }, s.placeName),
        el('div', { class: 'muted sub-at' }, t('observe.sentAt', '提交于') + ' ' + TX.fmt(s.submittedAt)),
        s.result ? el('div', {}, t('observe.result', '办理结果') + '：', el('span', { translate: 'no' }, s.result)) : null),
      el('td', {}, el('span', { class: 'badge sub-status' }, TX.submissionStatus(s.status)),
        el('div', { class: 'thumbs' }, (s.media || []).map((m, i) => ((s.mediaTypes || [])[i] || '').startsWith('image/')
          ? el('img', { class: 'thumb', src: '/api/media/' + m, alt: t('observe.photo', '照片') })
          : el('a', { href: '/api/media/' + m }, t('observe.video', '视频')))))))));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'observe.title' }, '观察员平台 · 提交问题'), form,
      el('h2', { 'data-i18n': 'observe.mine' }, '我的提交'), el('div', { class: 'panel' }, mine.items.length ? list : el('div', { class: 'muted' }, t('none', '无'))));
  };

  TX.pages.submissions = async function (params) {
    const live = TX.current();
    const meta = await TX.loadMeta();
    const overdue = params.get('overdue') === 'true';
    const status = params.get('status') || '';
    const r = await TX.get('/api/submissions' + TX.qs({ overdue, status }));
    const clusters = (await TX.get('/api/observer/clusters')).clusters;
    // A referral names its department from a list of their Chinese names beside the button, preset to the one
    // the server would pick for the category.
    const departments = new Map();
    const byCategory = Object.fromEntries(meta.categories.map(c => [c.code, c.department]));
    const departmentPicker = (s) => {
      const preset = s.department || byCategory[s.category];
      const pick = el('select', { class: 'sub-department', 'aria-label': t('subs.department', '移送部门') },
        Object.entries(meta.departments).map(([code, zh]) => el('option', { value: code, selected: code === preset }, zh)));
      departments.set(s.id, pick);
      return pick;
    };
    /** The usual reasons a report is not taken up; the text box may add to or replace them. */
    const REASONS = [['subs.reason.duplicate', '重复提交'], ['subs.reason.untrue', '经核实情况不属实'],
      ['subs.reason.unclear', '信息不足，无法核实'], ['subs.reason.outOfScope', '不属于未成年人保护事项']];
    const notes = new Map();
    const reasons = new Map();
    const messages = new Map();
    const noteBox = (s) => {
      const box = el('textarea', { class: 'sub-note', rows: 2, 'aria-label': t('subs.reply', '主管部门回复 / 办理结果'),
        placeholder: s.status === 'submitted' || s.status === 'acknowledged' ? t('subs.notePlaceholder', '说明（不予处理须写明理由）')
          : t('subs.reply', '主管部门回复 / 办理结果') });
      notes.set(s.id, box);
      return box;
    };
    const reasonPicker = (s) => {
      const pick = el('select', { class: 'sub-reason', 'aria-label': t('subs.reason', '不予处理的理由') },
        el('option', { value: '' }, t('subs.pickReason', '— 不予处理的理由 —')), REASONS.map(([key, zh]) => el('option', { value: zh }, t(key, zh))));
      reasons.set(s.id, pick);
      return pick;
    };
    const act = (s, to) => async () => {
      const body = { to };
      const text = notes.get(s.id) ? notes.get(s.id).value.trim() : '';
      const say = (m) => messages.get(s.id).replaceChildren(TX.error(m));
      if (to === 'referred') { body.department = departments.get(s.id).value; }
      if (to === 'dismissed') {
        const why = TX.join('；', reasons.get(s.id) ? reasons.get(s.id).value : '', text);
        if (!why) { say(t('subs.needReason', '请选择或填写不予处理的理由')); return; }
        body.note = why;
      } else if (to === 'closed') {
        if (!text) { say(t('subs.needReply', '请填写主管部门回复或办理结果')); return; }
        body.note = text;
      } else if (text) {
        body.note = text;
      }
      try { await TX.post('/api/submissions/' + s.id + '/status', body); TX.pages.submissions(params); } catch (e) { say(e.message); }
    };
    const NEXT = { submitted: ['acknowledged', 'dismissed'], acknowledged: ['referred', 'dismissed'], referred: ['closed'], proposed: ['closed'] };
    const LABEL = { acknowledged: ['subs.ack', '受理'], referred: ['subs.refer', '移送'], dismissed: ['subs.dismiss', '不予处理'], closed: ['subs.close', '办结'] };
    const controls = (s) => {
      const next = NEXT[s.status] || [];
      if (!next.length) { return s.result ? el('div', {}, el('span', { class: 'muted' }, t('subs.result', '办理结果') + '：'), el('span', { translate: 'no' }, s.result)) : null; }
      messages.set(s.id, el('div', { class: 'sub-message' }));
      return el('div', { class: 'sub-controls' },
        s.status === 'acknowledged' ? departmentPicker(s) : null,
        next.includes('dismissed') ? reasonPicker(s) : null,
        noteBox(s),
        el('div', { class: 'actions' }, next.map(to => el('button', { type: 'button', class: 'secondary', 'data-to': to, onclick: act(s, to) }, t(LABEL[to][0], LABEL[to][1])))),
        messages.get(s.id));
    };
    const rows = r.items.map(s => el('tr', { class: 'submission' + (s.ackOverdue || s.resultOverdue ? ' overdue' : ''), 'data-id': s.id },
      el('td', {}, el('span', { translate: 'no' }, s.id), el('div', { class: 'muted', translate: 'no' }, s.by)), el('td', {}, s.categoryZh),
      el('td', {}, el('span', { translate: 'no' }, s.placeName),
        s.placeNode ? el('div', {}, el('a', { href: '#/explore' + TX.qs({ node: s.placeNode }) }, t('subs.around', '在图谱中查看'))) : null),
      el('td', {}, el('span', { translate: 'no' }, s.description), el('div', {}, (s.media || []).map((m, i) => ((s.mediaTypes || [])[i] || '').startsWith('image/')
        ? el('img', { class: 'thumb', src: '/api/media/' + m, alt: '' }) : el('a', { href: '/api/media/' + m }, t('observe.video', '视频'))))),
      el('td', {}, TX.fmt(s.submittedAt)), el('td', {}, el('span', { class: 'badge' }, TX.submissionStatus(s.status)),
        s.department && s.status !== 'submitted' ? el('div', { class: 'muted' }, meta.departments[s.department] || s.department) : null,
        s.ackOverdue ? el('div', { class: 'badge red' }, t('subs.ackOverdue', '超 3 日未受理')) : null,
        s.resultOverdue ? el('div', { class: 'badge red' }, t('subs.resultOverdue', '超 3 个月未办结')) : null),
      el('td', {}, controls(s))));
    const clusterMessage = el('div', { id: 'cluster-message' });
    const clusterRows = clusters.map(c => el('tr', {}, el('td', { translate: 'no' }, c.name), el('td', {}, c.categoryZh),
      el('td', {}, c.submissions + ' 条 / ' + c.volunteers + ' 人'),
      el('td', {}, c.recurring ? el('span', { class: 'badge red' }, '反复发生') : el('span', { class: 'muted' }, '单发')),
      el('td', {}, c.proposal ? ({ recommendation: '已提出检察建议', campaign: '已列入专项监督' })[c.proposal]
        : c.recurring ? el('span', { class: 'actions' }, ['recommendation', 'campaign'].map(kind => el('button', { type: 'button', class: 'secondary', onclick: async () => {
          try { await TX.post('/api/observer/clusters/propose', { place: c.place, category: c.category, kind }); TX.pages.submissions(params); } catch (e) { clusterMessage.replaceChildren(TX.error(e.message)); }
        } }, kind === 'recommendation' ? '提出检察建议' : '列入专项监督'))) : '')));
    if (!live()) { return; }
    TX.view(el('h1', { 'data-i18n': 'subs.title' }, '观察员线索办理'),
      el('div', { class: 'chips' }, el('a', { class: 'chip' + (overdue ? '' : ' on'), href: '#/submissions' }, '全部 ', el('span', { class: 'n' }, r.total)),
        el('a', { class: 'chip' + (overdue ? ' on' : ''), id: 'overdue-filter', href: '#/submissions?overdue=true' }, '超期 ',
          el('span', { class: 'n' }, r.ackOverdue + ' / ' + r.resultOverdue)),
        // Reports in one status (names from the labels), or all; the overdue choice stays as it is.
        el('label', {}, el('span', { 'data-i18n': 'subs.status' }, '状态'), el('select', { id: 'subs-status',
          onchange: ev => { location.hash = '#/submissions' + TX.qs({ overdue, status: ev.target.value }); } },
        el('option', { value: '' }, t('subs.allStatuses', '全部状态')),
        Object.entries(TX.labelMap('status.submission')).map(([code, name]) => el('option', { value: code, selected: code === status }, name))))),
      el('div', { class: 'panel' }, el('table', { id: 'submissions' }, el('thead', {}, el('tr', {}, ['编号', '类别', '地点', '描述', '提交时间', '状态', '办理'].map(h => el('th', {}, h)))),
        el('tbody', {}, rows))),
      el('h2', {}, '近 90 天聚合（地点 × 类别）'),
      el('div', { class: 'panel' }, el('table', { id: 'clusters' }, el('tbody', {}, clusterRows)), clusterMessage));
  };
})();
