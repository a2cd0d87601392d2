// User-interface words: Chinese by default, English on request (kept in localStorage).
(function () {
  const en = {
    'brand': 'Juvenile procuratorate big-data supervision platform',
    'nav.leads': 'Leads', 'nav.explore': 'Explore graph', 'nav.cypher': 'Cypher console', 'nav.venues': 'Venue heat map',
    'nav.api': 'API docs', 'nav.minors': 'My minors', 'nav.audit': 'Audit log', 'logout': 'Log out',
    'nav.submissions': 'Observer reports', 'nav.observe': 'Report a problem', 'nav.orders': 'Orders', 'nav.board': 'Messages',
    'nav.laws': 'Law search', 'nav.education': 'Law classes', 'laws.title': 'Co-education garden · law search',
    'laws.search': 'Search', 'observe.title': 'Observer platform · report a problem', 'observe.mine': 'My reports',
    'subs.title': 'Observer reports', 'orders.title': 'Co-education garden · orders', 'board.title': 'Co-education garden · messages',
    'education.title': 'Rule-of-law education base',
    'nav.stats': 'Statistics', 'stats.title': 'Statistics', 'stats.from': 'From', 'stats.to': 'To', 'stats.apply': 'Count',
    'stats.allDays': 'All days', 'stats.xlsx': 'Download workbook (XLSX)', 'stats.period': 'Period', 'stats.open': 'open',
    'stats.generated': 'generated', 'stats.byModel': 'Leads per model', 'stats.outcomes': 'Outcomes of leads',
    'stats.byMonth': 'New leads per month (by model)', 'stats.byRule': 'Leads per rule', 'stats.noLeads': 'No lead was first raised in this period.',
    'stats.orders': 'Supervision and family-education guidance orders', 'stats.submissions': 'Observer reports',
    'stats.classes': 'Rule-of-law education base', 'stats.step': 'Step', 'stats.count': 'Orders', 'stats.items': 'Reports',
    'stats.item': 'Item', 'stats.number': 'Number', 'stats.leads': 'Leads', 'stats.order.drafted': 'Drafted',
    'stats.order.issued': 'Issued', 'stats.order.acknowledged': 'Acknowledged by the guardian', 'stats.order.closed': 'Closed',
    'stats.order.cancelled': 'Withdrawn', 'stats.class.requested': 'Ordered by schools', 'stats.class.scheduled': 'Scheduled',
    'stats.class.delivered': 'Delivered', 'stats.class.audience': 'Pupils reached', 'stats.class.cancelled': 'Cancelled',
    'stats.class.sessions': 'Assistance classes attended (sessions)', 'stats.class.minors': 'Assistance classes attended (minors)',
    'login.title': 'Log in', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Log in', 'leads.title': 'Lead workbench', 'filter.model': 'Model', 'filter.rule': 'Rule',
    'filter.severity': 'Severity', 'filter.status': 'Status', 'filter.from': 'Events from', 'filter.to': 'Events to',
    'filter.place': 'Place', 'filter.all': 'Include cleared', 'filter.apply': 'Filter', 'any': 'Any',
    'col.severity': 'Severity', 'col.model': 'Model', 'col.rules': 'Rules', 'col.summary': 'Summary', 'col.status': 'Status',
    'col.raised': 'Raised', 'total': 'Total', 'red': 'Red', 'yellow': 'Yellow', 'green': 'Green',
    'prev': 'Previous', 'next': 'Next', 'page': 'Page', 'lead.rules': 'Rules and legal basis', 'lead.summary': 'Summary',
    'lead.workflow': 'Workflow', 'lead.evidence': 'Evidence records', 'lead.graph': 'Evidence graph',
    'lead.exports': 'Exports', 'lead.explore': 'Explore in graph', 'lead.note': 'Note / reason',
    'lead.department': 'Department', 'lead.history': 'History', 'lead.none': 'No actions yet', 'lead.notInLaw': 'text not bundled',
    'source.row': 'Original source row', 'source.file': 'File', 'source.line': 'Line', 'source.dataset': 'Dataset',
    'source.flags': 'Flags', 'props': 'Properties', 'provenance': 'Where each value came from',
    'explore.title': 'Graph explorer', 'explore.search': 'Search names, ID fragments, plates, venues',
    'explore.expand': 'Expand neighbours', 'explore.more': 'More', 'explore.kinds': 'Kinds', 'explore.clear': 'Clear',
    'explore.pathFrom': 'Path from here', 'explore.pathTo': 'Path to here', 'explore.findPaths': 'Find paths',
    'explore.capped': 'Showing {shown} of {total} neighbours; expansion is capped — use More or filters.',
    'explore.empty': 'Search for a person, venue, unit or plate, or open a lead.', 'explore.profile': 'Assistance profile',
    'explore.noPaths': 'No path within {n} hops.', 'cypher.title': 'Ad-hoc Cypher (read-only)', 'cypher.run': 'Run',
    'cypher.table': 'Table', 'cypher.graph': 'Graph', 'cypher.rows': '{n} rows in {ms} ms', 'cypher.truncated': 'Cut at {cap} rows.',
    'cypher.hint': 'Read-only transaction, {t} s time limit, at most {cap} rows; writes, LOAD CSV and admin procedures are refused.',
    'venues.title': 'Venue heat map', 'venues.unplaced': '{n} venues have no coordinates.',
    'profile.title': 'Assistance profile', 'profile.identity': 'Identity', 'profile.guardians': 'Guardians',
    'profile.schools': 'Schools', 'profile.civil': 'Civil-affairs status', 'profile.involvement': 'Involvement',
    'profile.venues': 'Venues and nights out', 'profile.associates': 'Associates with records',
    'graph.fit': 'Fit', 'graph.fitTip': 'Show every node', 'graph.zoomIn': 'Zoom in', 'graph.zoomOut': 'Zoom out',
    'graph.pin': 'Pin', 'graph.pinTip': 'Pin or unpin the selected nodes', 'graph.hide': 'Hide', 'graph.hideTip': 'Hide the selected nodes',
    'graph.unhide': 'Show all', 'graph.relayout': 'Lay out again', 'graph.png': 'Export the current view as PNG',
    'graph.svg': 'Export the current view as SVG', 'graph.legend': 'Legend', 'graph.path': 'Path', 'graph.pinned': 'Pinned',
    'graph.lead': 'Lead', 'role.subject': 'Subject of the lead', 'role.minor': 'Minor', 'role.guardian': 'Guardian',
    'role.suspect': 'Suspected offender', 'role.staff': 'Staff', 'role.driver': 'Driver', 'role.other': 'Other person',
    'role.companion': 'Adult sharing the room',
    'views.save': 'Save view', 'views.mine': 'My views', 'views.name': 'Name of the view', 'views.note': 'Note (optional)',
    'views.confirm': 'Save', 'views.cancel': 'Cancel', 'views.empty': 'Nothing is drawn; there is no view to save.',
    'views.saved': 'View saved: ', 'views.count': ' ({n} nodes)', 'views.none': 'No saved views yet.', 'views.rename': 'Rename',
    'views.delete': 'Delete', 'views.deleteAsk': 'Delete the view ', 'views.deleteConfirm': 'Delete it', 'views.opened': 'Opened the view ',
    'views.omitted': '{n} more nodes no longer exist or are not yours to see; left out.',
    'explore.timeline': 'Timeline', 'profile.timeline': 'Timeline', 'timeline.title': 'Timeline of a person',
    'timeline.pick': 'Click an event on the axis or a row of the list to see its original source row.',
    'timeline.explore': 'Show this record in the graph', 'timeline.empty': 'No dated records.', 'timeline.when': 'When',
    'timeline.dataset': 'Kind of record', 'timeline.relation': 'Link', 'timeline.place': 'Place', 'timeline.rid': 'Record',
    'timeline.undated': 'no date', 'timeline.back': 'Show this person in the graph',
    'timeline.summary': '{n} dated records, {from} to {to}', 'timeline.undatedN': '{n} more records have no date',
    'timeline.capped': 'Only the first {n} are shown.',
    'explore.all': '{n} neighbours, all shown',
    'explore.grouped': '{total} neighbours, more than {hub}: {groups} collapsed into group nodes; tap a group to open {hub} at a time.',
    'explore.groupShown': '{kind}: {shown} of {total} shown.',
    'explore.via': 'Followed {n} of {total} records to the {m} things they name; dashed links say which kind of record.',
    'explore.direct': '{n} linked directly.', 'cypher.tapNode': 'Tap a node to see its details', 'cypher.explore': 'Open in the explorer',
    'venues.allKinds': 'All kinds', 'venues.click': 'Click a venue for its details', 'venues.level': 'Level', 'venues.kind': 'Kind',
    'venues.shown': '{n} of {all} venues shown', 'venues.many': 'More leads', 'venues.few': 'Fewer',
    'venues.level.red': 'Red venues', 'venues.level.yellow': 'Yellow venues', 'venues.level.green': 'Green venues',
    'venues.heat': '{n} leads', 'venues.leadsN': '{n} leads in the last 90 days', 'venues.leads': 'Leads of this venue',
    'venues.explain': 'As of {asOf}; leads of the last 90 days: 3 or more, or a shared room (R6.1), is red; 1–2 yellow; none green. Dot size and heat follow the number of leads; the dashed line wraps the known places, the base map is the district outline.',
    'profile.risks': 'Risk factors', 'profile.measures': 'Suggested measures', 'loading': 'Loading…', 'none': 'None'
  };
  let lang = localStorage.getItem('tongxin.lang') || 'zh';
  window.TXI18N = {
    lang: () => lang,
    t(key, fallback, vars) {
      let s = lang === 'en' && en[key] ? en[key] : fallback;
      if (vars) { Object.keys(vars).forEach(k => { s = s.replace('{' + k + '}', String(vars[k])); }); }
      return s;
    },
    toggle() { lang = lang === 'en' ? 'zh' : 'en'; localStorage.setItem('tongxin.lang', lang); },
    apply(root) {
      root.querySelectorAll('[data-i18n]').forEach(e => {
        if (!e.dataset.zh) { e.dataset.zh = e.textContent; }
        e.textContent = lang === 'en' && en[e.dataset.i18n] ? en[e.dataset.i18n] : e.dataset.zh;
      });
      document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    }
  };
})();
