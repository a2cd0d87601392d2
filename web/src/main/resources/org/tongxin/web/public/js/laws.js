// Co-education garden: the law compilation, searched by article, with the matched words marked.
(function () {
  const { el, t } = TX;

  /** The text with the given [start, end) ranges wrapped in <mark> — built as nodes, never as HTML. */
  TX.marked = function (text, marks) {
    const out = [];
    let at = 0;
    (marks || []).forEach(([s, e]) => {
      if (s > at) { out.push(text.substring(at, s)); }
      out.push(el('mark', {}, text.substring(s, e)));
      at = e;
    });
    out.push(text.substring(at));
    return out;
  };

  /** A link to one article on the law page. */
  TX.lawLink = (law, article, label) => el('a', { class: 'law-link', lang: 'zh-CN', href: '#/laws' + TX.qs({ law, article }) }, label || (law + ' ' + article));

  TX.pages.laws = async function (params) {
    const live = TX.current();
    const q = params.get('q') || '';
    const input = el('input', { id: 'law-query', type: 'search', value: q, placeholder: t('laws.placeholder', '例如：网吧 未成年人、强制报告、校车'), size: 40 });
    const form = el('form', { class: 'filters', id: 'law-form', onsubmit: ev => {
      ev.preventDefault();
      location.hash = '#/laws' + TX.qs({ q: input.value.trim() });
    } }, input, el('button', { type: 'submit', id: 'law-search' }, t('laws.search', '检索')));
    const parts = [el('h1', { 'data-i18n': 'laws.title' }, '共育园地 · 法律法规检索'), el('div', { class: 'panel' }, form)];
    if (params.get('law') && params.get('article')) {
      try {
        const a = await TX.get('/api/laws/article' + TX.qs({ law: params.get('law'), article: params.get('article') }));
        parts.push(el('div', { class: 'panel', id: 'law-article' }, el('h2', {}, a.law + ' ' + a.article),
          el('div', { class: 'muted' }, t('laws.version', '版本') + '：' + a.version), el('div', { class: 'article' }, a.text)));
      } catch (e) { parts.push(TX.error(e.message)); }
    }
    if (q) {
      const r = await TX.get('/api/laws/search' + TX.qs({ q, top: 10 }));
      parts.push(el('div', { class: 'muted', id: 'law-expanded' }, t('laws.expanded', '检索词（含同义词）') + '：' + r.expanded));
      parts.push(el('ol', { class: 'law-hits', id: 'law-hits' }, r.hits.map(h => el('li', { class: 'law-hit' },
        el('div', {}, TX.lawLink(h.law, h.article), ' ', el('span', { class: 'muted' }, h.version + ' · ' + h.score.toFixed(2))),
        el('div', { class: 'article' }, TX.marked(h.text, h.marks))))));
      if (!r.hits.length) { parts.push(el('div', { class: 'muted' }, t('none', '无'))); }
    }
    if (!live()) { return; }
    TX.view(parts);
  };
})();
