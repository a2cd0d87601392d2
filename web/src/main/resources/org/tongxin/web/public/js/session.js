// Logging in and out, who is logged in, and the pages each role starts on.
(function () {
  const { el, t } = TX;
  TX.me = null;

  /** The navigation entries each role may use (the API enforces the same). */
  const NAV = {
    prosecutor: ['leads', 'explore', 'cypher', 'venues', 'submissions', 'orders', 'board', 'laws', 'education', 'stats', 'audit', 'api'],
    analyst: ['leads', 'explore', 'cypher', 'venues', 'laws', 'education', 'stats', 'api'],
    department: ['leads', 'board', 'laws', 'education'],
    social_worker: ['minors', 'board', 'laws', 'education'],
    psychologist: ['minors', 'board', 'laws', 'education'],
    guardian: ['orders', 'board', 'laws', 'education'],
    volunteer: ['observe', 'laws', 'education']
  };

  TX.home = function () {
    const role = TX.me && TX.me.role;
    return role === 'social_worker' || role === 'psychologist' ? '#/minors'
      : role === 'guardian' ? '#/orders' : role === 'volunteer' ? '#/observe' : '#/leads';
  };

  TX.loadMe = async function () {
    try {
      const r = await fetch('/api/me', { credentials: 'same-origin' });
      TX.me = r.ok ? await r.json() : null;
    } catch (e) { TX.me = null; }
    const allowed = TX.me ? NAV[TX.me.role] || [] : [];
    document.querySelectorAll('.top nav a').forEach(a => { a.hidden = !allowed.includes(a.dataset.nav); });
    TX.drawWho();
    return TX.me;
  };

  /** Who is logged in: the user's name (a data value) and the role by its name in the interface's language. */
  TX.drawWho = function () {
    const who = document.getElementById('who');
    who.replaceChildren();
    if (TX.me) {
      const role = TX.labels ? TX.label('role', TX.me.role) : TX.me.roleZh;
      who.append(el('span', { id: 'who-name' }, el('span', { translate: 'no' }, TX.me.user), '（' + role + '）'), ' ',
        el('button', { type: 'button', class: 'lang', id: 'logout', onclick: logout }, t('logout', '退出')));
    }
  };

  async function logout() {
    try { await TX.post('/api/logout', {}); } catch (e) { /* the session may have ended already */ }
    TX.me = null;
    await TX.loadMe();
    location.hash = '#/login';
  }

  TX.pages.login = async function () {
    const live = TX.current();
    const message = el('div');
    const user = el('input', { id: 'login-user', autocomplete: 'username', required: true });
    const password = el('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
    const form = el('form', { class: 'panel login', id: 'login-form', onsubmit: async ev => {
      ev.preventDefault();
      try {
        await TX.post('/api/login', { user: user.value, password: password.value });
        await TX.loadMe();
        const after = sessionStorage.getItem('tongxin.after');
        sessionStorage.removeItem('tongxin.after');
        location.hash = after && after !== '#/login' ? after : TX.home();
      } catch (e) { message.replaceChildren(TX.error(e.message)); }
    } },
    el('h1', {}, t('login.title', '登录')),
    el('label', {}, el('span', {}, t('login.user', '用户名')), user),
    el('label', {}, el('span', {}, t('login.password', '密码')), password),
    el('button', { type: 'submit', id: 'login-button' }, t('login.submit', '登录')), message);
    if (!live()) { return; }
    TX.view(form);
  };

  TX.pages.minors = async function () {
    const live = TX.current();
    const r = await TX.get('/api/me/minors');
    if (!live()) { return; }
    TX.view(el('h1', {}, '指派给我的未成年人'), el('div', { class: 'panel' }, r.minors.length
      ? el('ul', { id: 'my-minors' }, r.minors.map(m => el('li', {}, el('a', { href: '#/profile/' + encodeURIComponent(m.node) }, TX.join(' ', m.name, m.id)))))
      : el('p', { class: 'muted' }, '暂无指派。')));
  };
})();
