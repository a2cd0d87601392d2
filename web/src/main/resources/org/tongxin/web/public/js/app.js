// Router: #/leads, #/lead/<ref>, #/explore?node=<id>, #/cypher, #/venues, #/profile/<id>, #/timeline/<id>, #/laws, #/observe,
// #/submissions, #/orders, #/order/<id>, #/guidance, #/board, #/education, #/minors, #/stats?from=&to=. A page a role
// may not use is not opened for it (TX.mayOpen): it shows a word and the way to the role's own start page.
(function () {
  async function route() {
    const token = ++TX.routeToken;
    if (!TX.me && !(location.hash || '').startsWith('#/login')) {
      await TX.loadMe();
      if (!TX.me) {
        sessionStorage.setItem('tongxin.after', location.hash);
        location.hash = '#/login';
        return;
      }
    }
    if (TX.me && !TX.labels) {
      try { await TX.loadLabels(); TX.drawWho(); } catch (e) { /* pages fall back to the codes; the failed answer shows in the page's checks */ }
    }
    const hash = location.hash && location.hash !== '#/' ? location.hash : TX.home();
    const [path, query] = hash.substring(1).split('?');
    const params = new URLSearchParams(query || '');
    const parts = path.split('/').filter(Boolean);
    document.querySelectorAll('.top nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#/' + parts[0]));
    try {
      if (parts[0] !== 'login' && !TX.mayOpen(PAGES.includes(parts[0]) ? parts[0] : 'leads')) {
        await TX.pages.notForYou();
      } else {
        await show(parts, params);
      }
    } catch (e) {
      TX.view(TX.error(e.message));
    }
    if (token === TX.routeToken) {
      document.body.dataset.ready = hash;
    }
  }

  /** The pages the router knows; any other route shows the lead workbench. */
  const PAGES = ['lead', 'explore', 'cypher', 'venues', 'profile', 'timeline', 'login', 'laws', 'observe', 'submissions', 'orders',
    'order', 'board', 'education', 'minors', 'audit', 'stats', 'guidance'];

  async function show(parts, params) {
    switch (parts[0]) {
      case 'lead': await TX.pages.lead(decodeURIComponent(parts[1] || '')); break;
      case 'explore': await TX.pages.explore(params); break;
      case 'cypher': await TX.pages.cypher(); break;
      case 'venues': await TX.pages.venues(); break;
      case 'profile': await TX.pages.profile(decodeURIComponent(parts.slice(1).join('/'))); break;
      case 'timeline': await TX.pages.timeline(decodeURIComponent(parts.slice(1).join('/'))); break;
      case 'login': await TX.pages.login(); break;
      case 'laws': await TX.pages.laws(params); break;
      case 'observe': await TX.pages.observe(); break;
      case 'submissions': await TX.pages.submissions(params); break;
      case 'orders': await TX.pages.orders(); break;
      case 'order': await TX.pages.order(decodeURIComponent(parts[1] || '')); break;
      case 'board': await TX.pages.board(params); break;
      case 'education': await TX.pages.education(params); break;
      case 'minors': await TX.pages.minors(); break;
      case 'audit': await TX.pages.audit(params); break;
      case 'stats': await TX.pages.stats(params); break;
      case 'guidance': await TX.pages.guidance(params); break;
      default: await TX.pages.leads(params);
    }
  }
  const langButton = document.getElementById('lang-switch');
  // The switch names the other language in that language (中文 is Chinese by nature in the English interface).
  const label = () => {
    const en = window.TXI18N.lang() === 'en';
    langButton.textContent = en ? '中文' : 'English';
    langButton.lang = en ? 'zh-CN' : 'en';
  };
  langButton.addEventListener('click', () => { window.TXI18N.toggle(); label(); window.TXI18N.apply(document.body); TX.drawWho(); route(); });
  label();
  window.TXI18N.apply(document.querySelector('header'));
  window.addEventListener('hashchange', route);
  TX.loadMe().then(route);
})();
