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
    guardian: ['guidance', 'orders', 'board', 'laws', 'education'],
    volunteer: ['observe', 'laws', 'education']
  };

  /**
   * Who may open each page: a page whose data a role may not read is not opened for it at all (it would only ask
   * the API and be refused). Pages not listed are open to every logged-in role.
   */
  const PAGES = {
    leads: ['prosecutor', 'analyst', 'department'],
    lead: ['prosecutor', 'analyst', 'department'],
    explore: ['prosecutor', 'analyst'],
    cypher: ['prosecutor', 'analyst'],
    venues: ['prosecutor', 'analyst'],
    stats: ['prosecutor', 'analyst'],
    profile: ['prosecutor', 'social_worker', 'psychologist'],
    timeline: ['prosecutor', 'analyst'],
    minors: ['social_worker', 'psychologist'],
    submissions: ['prosecutor'],
    audit: ['prosecutor'],
    observe: ['volunteer', 'prosecutor'],
    orders: ['prosecutor', 'guardian'],
    order: ['prosecutor', 'guardian'],
    guidance: ['guardian'],
    board: ['prosecutor', 'guardian', 'department', 'social_worker', 'psychologist']
  };

  /** Whether the logged-in user may open the page of this route's first part ('leads', 'lead', …). */
  TX.mayOpen = (page) => !PAGES[page] || (TX.me && PAGES[page].includes(TX.me.role));

  /** The page each role starts on: the one with its own work. */
  TX.home = function () {
    const role = TX.me && TX.me.role;
    return role === 'social_worker' || role === 'psychologist' ? '#/minors'
      : role === 'guardian' ? '#/guidance' : role === 'volunteer' ? '#/observe' : '#/leads';
  };

  /** What a role sees on a page that is not for it: a word and the way back, and no question to the API. */
  TX.pages.notForYou = async function () {
    TX.view(el('h1', {}, t('denied.title', '此页面不在您的工作范围内')),
      el('div', { class: 'panel', id: 'not-for-you' }, el('p', {}, t('denied.text', '您的角色不使用此页面。')),
        el('a', { href: TX.home(), id: 'go-home' }, t('denied.home', '返回我的首页'))));
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
})();
