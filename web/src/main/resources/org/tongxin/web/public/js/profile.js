// The precise-assistance profile of a minor.
(function () {
  const { el, t } = TX;

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
      el('div', { class: 'grid2', id: 'profile' },
        el('div', {},
          section('profile.identity', '基本情况', TX.kv(p.identity)),
          section('profile.guardians', '监护人', list(p.guardians, g => TX.fmt(g.name) + '（' + TX.fmt(g.relation) + '）'
            + (g.deceased ? ' 已死亡' : '') + (g.records && g.records.length ? ' 有违法犯罪记录 ' + g.records.length : ''))),
          section('profile.schools', '在校情况', list(p.schools, s => TX.fmt(s.school) + ' ' + TX.fmt(s.grade) + ' ' + TX.fmt(s.status))),
          section('profile.civil', '民政儿童类别', list(p.civilAffairs, c => c)),
          section('profile.involvement', '涉案情况', list(p.involvement, i => Object.values(i).map(TX.fmt).join(' '))),
          section('profile.venues', '场所与夜间活动', list(p.venues, v => Object.values(v).map(TX.fmt).join(' ')))),
        el('div', {},
          section('profile.risks', '风险因素', list(p.riskFactors, r => r.zh + '（' + r.evidence.length + ' 条记录）')),
          section('profile.measures', '建议措施', list(p.measures, m => m)),
          section('profile.associates', '有记录的关系人', list(p.associatesWithRecords, a => Object.values(a).map(TX.fmt).join(' '))))));
  };
})();
