// Cytoscape graphs for the lead page, the explorer and the console, with the habits of Bloom and Linkurious: kinds
// drawn with colours and icons and a legend, persons marked with their role in a lead, fCoSE layouts whose labels do
// not overlap, expansion that keeps the nodes already drawn where they are, hubs collapsed into counted groups, and
// a toolbar to fit, zoom, pin, hide and export the current view (PNG, SVG).
(function () {
  const t = (key, zh, vars) => TX.t(key, zh, vars);
  // Kinds are filled with dark, muted colours and roles ringed with bright ones, so that no role's ring can be taken
  // for a kind in the legend (LayoutBrowserTest keeps every pair apart).
  const colours = { Person: '#3d6fa8', Venue: '#5e4b8b', Unit: '#546e7a', Vehicle: '#6d4c41', Household: '#2f6f6a',
    Case: '#7b1e3a', Incident: '#7b1e3a', Record: '#8d99ae', Lead: '#c62828', Group: '#dfe6ee' };
  /** Roles of persons in a lead (decided by the API), with the colours of the ring drawn round them. */
  const roles = {
    minor: { zh: '未成年人', colour: '#ffa000' },
    guardian: { zh: '监护人', colour: '#2e9e44' },
    suspect: { zh: '涉嫌违法人员', colour: '#111111' },
    staff: { zh: '从业人员', colour: '#e040fb' },
    driver: { zh: '驾驶人', colour: '#00b8d4' },
    companion: { zh: '同住成年人', colour: '#ff5c8a' },
    other: { zh: '其他关联人', colour: '#d4c5a1' }
  };
  /** The subject of a lead keeps its role's colour and is marked besides by a double ring and a halo. */
  const subjectMark = '#1f2933';
  const ringOf = (n) => (n.data('role') ? (roles[n.data('role')] || roles.other).colour : subjectMark);
  // Small white glyphs on the coloured discs (24×24 viewBox), as data URIs (the page's policy allows data: images).
  const glyphs = {
    Person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z"/>',
    Venue: '<path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/>',
    Unit: '<path d="M12 3 2 8v2h20V8zM4 11h3v7H4zm6.5 0h3v7h-3zM17 11h3v7h-3zM2 19h20v2H2z"/>',
    Vehicle: '<path d="M5 4h14a2 2 0 0 1 2 2v10h-1.5a2.5 2.5 0 0 1-5 0h-5a2.5 2.5 0 0 1-5 0H3V6a2 2 0 0 1 2-2zm0 3v4h14V7z"/>',
    Household: '<path d="M12 3 2 12h3v8h5v-5h4v5h5v-8h3z"/>',
    Case: '<path d="M4 5h6l2 2h8v12H4z"/>',
    Incident: '<path d="M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z"/>',
    Record: '<path d="M6 2h8l5 5v15H6zm7 1.5V8h4.5zM8 11h8v1.5H8zm0 3h8v1.5H8zm0 3h6v1.5H8z"/>',
    Lead: '<path d="M5 2h2v20H5zm3 1h11l-3 4.5 3 4.5H8z"/>',
    Group: '<circle cx="7" cy="12" r="3"/><circle cx="12" cy="7" r="3"/><circle cx="17" cy="12" r="3"/><circle cx="12" cy="17" r="3"/>'
  };
  const icon = (kind) => 'data:image/svg+xml;utf8,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="'
    + (kind === 'Group' ? '#52606d' : '#ffffff') + '">' + (glyphs[kind] || glyphs.Record) + '</svg>');
  const icons = Object.fromEntries(Object.keys(glyphs).map(k => [k, icon(k)]));

  /** A caption short enough for one line under a node: whole characters, an ellipsis when cut. */
  const short = (s, n) => { const a = Array.from(String(s ?? '')); return a.length > n ? a.slice(0, n - 1).join('') + '…' : a.join(''); };
  const label = (d) => short(d.caption, 14) + (d.role ? '\n〔' + roleName(d.role) + '〕' : '');
  const roleName = (r) => t('role.' + r, roles[r] ? roles[r].zh : r);
  /** A kind's name from the labels (TX.label); a group node is the explorer's own. */
  const kindName = (k) => (k === 'Group' ? t('graph.group', '分组') : TX.label('kind', k));

  const style = [
    { selector: 'node', style: { 'background-color': e => colours[e.data('kind')] || '#999', 'background-image': e => icons[e.data('kind')] || icons.Record,
      'background-width': '62%', 'background-height': '62%', label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap',
      'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-background-color': '#ffffff',
      'text-background-opacity': 0.85, 'text-background-padding': 1, 'text-background-shape': 'round-rectangle',
      'min-zoomed-font-size': 6, width: 28, height: 28, color: '#1f2933', 'border-width': 0 } },
    { selector: 'node[kind = "Record"]', style: { shape: 'round-rectangle', width: 24, height: 20 } },
    { selector: 'node[kind = "Lead"]', style: { shape: 'round-rectangle', width: 32, height: 32 } },
    { selector: 'node[kind = "Group"]', style: { shape: 'ellipse', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#8aa2c0',
      width: 'mapData(count, 1, 400, 34, 64)', height: 'mapData(count, 1, 400, 34, 64)', 'font-weight': 'bold', color: '#1d3557' } },
    { selector: 'node[role]', style: { 'border-width': 4, 'border-color': e => (roles[e.data('role')] || roles.other).colour } },
    { selector: 'node.subject', style: { 'border-width': 8, 'border-color': ringOf, 'border-style': 'double', width: 38, height: 38,
      'underlay-color': subjectMark, 'underlay-opacity': 0.16, 'underlay-padding': 5, 'underlay-shape': 'ellipse', 'font-weight': 'bold', 'text-margin-y': 8 } },
    { selector: 'node.pinned', style: { 'outline-width': 2, 'outline-color': '#1d5fa8', 'outline-offset': 2 } },
    { selector: 'node:selected', style: { 'overlay-color': '#1d5fa8', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
    { selector: 'edge', style: { width: 1.4, 'line-color': '#b8c2cc', 'target-arrow-color': '#b8c2cc', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8, 'curve-style': 'bezier', 'font-size': 8, color: '#52606d', 'text-rotation': 'autorotate',
      'text-background-color': '#fbfcfd', 'text-background-opacity': 0.95, 'text-background-padding': 2,
      'text-background-shape': 'round-rectangle', 'min-zoomed-font-size': 7 } },
    // Edge labels only where they can be read: in small graphs those that collide with no other label (declutter),
    // and the edges of the node under the pointer or selected.
    { selector: 'edge.labelled, edge.near, edge:selected, edge.path', style: { label: 'data(label)' } },
    { selector: 'edge[kind = "Group"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    { selector: 'edge[kind = "Via"]', style: { 'line-style': 'dashed', 'line-color': '#c9a227', 'target-arrow-color': '#c9a227' } },
    { selector: 'edge.path', style: { 'line-color': '#d62828', 'target-arrow-color': '#d62828', width: 3 } },
    { selector: 'edge:selected', style: { 'line-color': '#111', 'target-arrow-color': '#111', width: 3 } }
  ];

  const fcose = (extra) => Object.assign({ name: 'fcose', quality: 'default', animate: false, nodeDimensionsIncludeLabels: true,
    idealEdgeLength: edgeLength, nodeRepulsion: 12000, nodeSeparation: 90, gravity: 0.25, packComponents: true, padding: 30 }, extra);
  const hasFcose = () => { try { return !!window.cytoscape && typeof window.cytoscapeFcose === 'function'; } catch (e) { return false; } };
  // cytoscape-fcose registers itself with the global cytoscape when it loads.

  TX.graph = {
    colours, roles, icons, kindName, roleName,

    /**
     * The frame round a graph: a toolbar above (fit, zoom, pin, hide, show all, lay out again, PNG, SVG) and a legend
     * below. Call before TX.view; create() then draws into the box and wires the frame.
     */
    frame(cyBox, name) {
      const b = (act, text, title) => TX.el('button', { type: 'button', class: 'secondary', id: 'graph-' + act, 'data-act': act, title }, text);
      const bar = TX.el('div', { class: 'graph-toolbar', role: 'toolbar' },
        b('fit', t('graph.fit', '适应画布'), t('graph.fitTip', '显示全部节点')), b('zoom-in', '＋', t('graph.zoomIn', '放大')),
        b('zoom-out', '－', t('graph.zoomOut', '缩小')), b('pin', t('graph.pin', '固定'), t('graph.pinTip', '固定/取消固定选中节点的位置')),
        b('hide', t('graph.hide', '隐藏'), t('graph.hideTip', '隐藏选中的节点')), b('unhide', t('graph.unhide', '全部显示')),
        b('relayout', t('graph.relayout', '重新布局')),
        // A picture of the graph carries the names in full: no export for analysts (no personal data export).
        TX.me && TX.me.role === 'analyst' ? null : [b('png', 'PNG', t('graph.png', '导出当前视图为 PNG')),
          b('svg', 'SVG', t('graph.svg', '导出当前视图为 SVG'))]);
      const legend = TX.el('div', { class: 'graph-legend', id: 'graph-legend' });
      const root = TX.el('div', { class: 'graph-frame', 'data-graph': name || 'graph' }, bar, cyBox, legend);
      cyBox.txFrame = { bar, legend, name: name || 'graph' };
      return root;
    },

    create(container, onSelect) {
      const cy = window.cytoscape({ container, minZoom: 0.1, maxZoom: 3, wheelSensitivity: 0.3, style });
      cy.on('tap', 'node', e => onSelect && onSelect(e.target.data('kind') === 'Group' ? 'group' : 'node', e.target.id()));
      cy.on('tap', 'edge', e => onSelect && onSelect('edge', e.target.id()));
      cy.on('mouseover', 'node', e => e.target.connectedEdges().addClass('near'));
      cy.on('mouseout', 'node', e => e.target.connectedEdges().removeClass('near'));
      cy.on('select', 'node', e => e.target.connectedEdges().addClass('near'));
      cy.on('unselect', 'node', e => e.target.connectedEdges().removeClass('near'));
      let pending = null;
      // Labels are decided again once the graph changed or nodes moved (a layout, a drag).
      cy.on('add remove data layoutstop dragfree', () => { if (!pending) { pending = setTimeout(() => { pending = null; TX.graph.refresh(cy); }, 30); } });
      window.__tongxinGraph = cy;
      if (container.txFrame) { wire(cy, container.txFrame); }
      return cy;
    },

    /** Adds nodes and edges (API shape), skipping ones present and edges whose ends are not drawn; returns the new. */
    add(cy, nodes, edges, relations) {
      const fresh = [];
      (nodes || []).forEach(n => {
        if (cy.getElementById(n.id).empty()) {
          const d = { id: n.id, kind: n.kind, caption: caption(n), model: n.kind === 'Lead' && n.properties ? n.properties.model : undefined };
          d.label = label(d);
          fresh.push({ group: 'nodes', data: d });
        }
      });
      const added = cy.add(fresh);
      const edgesAdded = [];
      (edges || []).forEach(e => {
        if (cy.getElementById(e.id).empty() && !cy.getElementById(e.from).empty() && !cy.getElementById(e.to).empty()) {
          const name = (relations && relations[e.type]) || e.type;
          edgesAdded.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, label: short(name, 8) } });
        }
      });
      return added.union(cy.add(edgesAdded));
    },

    /** Sets a node's role (a role code of the API, with its Chinese name) and its label. */
    setRole(node, role, zh) {
      if (!roles[role]) { roles[role] = { zh: zh || role, colour: roles.other.colour }; }
      node.data('role', role);
      node.data('label', label(node.data()));
    },

    /** Lays the whole graph out afresh (first drawing, or on request). */
    layout(cy, name, rootId) {
      const visible = cy.elements(':visible');
      if (!visible.nodes().length) { return; }
      const unpinned = visible.nodes().not('.pinned');
      const opts = hasFcose() ? fcose({ randomize: true, fixedNodeConstraint: pinnedConstraint(cy) })
        : { name: 'cose', animate: false, nodeRepulsion: 12000, idealEdgeLength: 90, nodeDimensionsIncludeLabels: true };
      if (name === 'breadthfirst' && !hasFcose()) {
        Object.assign(opts, { name, directed: false, roots: cy.getElementById(rootId), spacingFactor: 1.2 });
      }
      if (unpinned.length) { visible.layout(opts).run(); }
      if (!cy.nodes('.pinned').length) { turnToCanvas(cy, visible.nodes()); }
      fit(cy);
    },

    /**
     * Places new nodes round the node they hang from and lays them out while every node already drawn stays where it
     * was (fCoSE with fixed-node constraints; the old positions are put back exactly afterwards).
     */
    grow(cy, added, centreId) {
      const fresh = added.nodes();
      if (!fresh.length) { return; }
      const old = cy.nodes(':visible').not(fresh);
      // Nothing but the node expanded was drawn: a fresh layout moves nothing the user placed.
      if (old.length <= 1 && !old.hasClass('pinned')) { TX.graph.layout(cy); return; }
      const before = {};
      old.forEach(n => { before[n.id()] = { x: n.position('x'), y: n.position('y') }; });
      const centre = cy.getElementById(centreId);
      const c = centre.nonempty() ? centre.position() : centreOf(old);
      const r = 90 + 4 * fresh.length;
      fresh.forEach((n, i) => {
        const a = 2 * Math.PI * i / fresh.length;
        n.position({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
      });
      if (hasFcose()) {
        const fixed = old.map(n => ({ nodeId: n.id(), position: before[n.id()] }));
        cy.elements(':visible').layout(fcose({ randomize: false, fit: false, fixedNodeConstraint: fixed,
          initialEnergyOnIncremental: 0.3 })).run();
      }
      old.forEach(n => { if (!n.removed()) { n.position(before[n.id()]); } });
      const ext = cy.extent();
      const outside = fresh.some(n => { const p = n.position(); return p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2; });
      if (outside) { fit(cy); }
    },

    /** Redraws the legend and decides whether edge labels fit. */
    refresh(cy) {
      if (cy.destroyed()) { return; }
      const edges = cy.edges(':visible');
      cy.edges().removeClass('labelled');
      if (edges.length <= 30) { edges.addClass('labelled'); declutter(cy); }
      const box = cy.container() && cy.container().txFrame;
      if (box) { drawLegend(cy, box.legend); }
      const unhide = box && box.bar.querySelector('[data-act="unhide"]');
      if (unhide) {
        const n = cy.nodes('.hidden-by-user').length;
        unhide.disabled = n === 0;
        unhide.textContent = t('graph.unhide', '全部显示') + (n ? '（' + n + '）' : '');
      }
    },

    /** The current view as PNG (data URL), white background, twice the screen's scale. */
    png(cy) { return cy.png({ full: true, scale: 2, bg: '#ffffff' }); },

    /** The current view as a standalone SVG document: edges, coloured nodes with their labels, the visible part only. */
    svg(cy) {
      const visible = cy.elements(':visible');
      const bb = visible.boundingBox({ includeLabels: true });
      const pad = 20;
      const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const parts = ['<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].map(Math.round).join(' ')
          + '" width="' + Math.round(bb.w + 2 * pad) + '" height="' + Math.round(bb.h + 2 * pad) + '" font-family="WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif">',
        '<rect x="' + Math.round(bb.x1 - pad) + '" y="' + Math.round(bb.y1 - pad) + '" width="100%" height="100%" fill="#ffffff"/>'];
      visible.edges().forEach(e => {
        const s = e.source().position(); const d = e.target().position();
        const colour = e.hasClass('path') ? '#d62828' : '#b8c2cc';
        parts.push('<line x1="' + s.x.toFixed(1) + '" y1="' + s.y.toFixed(1) + '" x2="' + d.x.toFixed(1) + '" y2="' + d.y.toFixed(1)
          + '" stroke="' + colour + '" stroke-width="' + (e.hasClass('path') ? 3 : 1.4) + '"/>');
        if (e.hasClass('labelled') || e.hasClass('path')) {
          parts.push('<text x="' + ((s.x + d.x) / 2).toFixed(1) + '" y="' + ((s.y + d.y) / 2).toFixed(1) + '" font-size="8" fill="#52606d" text-anchor="middle">'
            + esc(e.data('label')) + '</text>');
        }
      });
      visible.nodes().forEach(n => {
        const p = n.position(); const r = n.width() / 2;
        const ring = n.data('role') || n.hasClass('subject') ? ' stroke="' + ringOf(n) + '" stroke-width="4"' : '';
        if (n.hasClass('subject')) {
          parts.push('<circle cx="' + p.x.toFixed(1) + '" cy="' + p.y.toFixed(1) + '" r="' + (r + 4).toFixed(1) + '" fill="none" stroke="' + ringOf(n) + '" stroke-width="2"/>');
        }
        parts.push('<circle cx="' + p.x.toFixed(1) + '" cy="' + p.y.toFixed(1) + '" r="' + r.toFixed(1) + '" fill="' + (colours[n.data('kind')] || '#999') + '"' + ring + '/>');
        String(n.data('label') || '').split('\n').forEach((line, i) => parts.push('<text x="' + p.x.toFixed(1) + '" y="' + (p.y + r + 12 + i * 12).toFixed(1)
          + '" font-size="10" fill="#1f2933" text-anchor="middle">' + esc(line) + '</text>'));
      });
      parts.push('</svg>');
      return parts.join('\n');
    }
  };

  function caption(n) {
    if (n.kind === 'Lead') {
      const model = n.properties && n.properties.model;
      const m = TX.meta && model ? TX.meta.models.find(x => x.id === model) : null;
      return t('graph.lead', '线索') + '：' + (m ? m.title : (model || ''));
    }
    // A caption that fell back to a date-time shows it to the minute in China time, as the rest of the page does.
    return typeof n.caption === 'string' ? TX.fmt(n.caption) : n.caption;
  }

  /**
   * Fits the visible graph with room round it for the labels at its edge (cy.fit counts labels in the box), but
   * draws a few nodes no larger than half again their size rather than blown up to fill the canvas.
   */
  function fit(cy) {
    cy.fit(cy.elements(':visible'), 24);
    if (cy.zoom() > 1.5) { cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }
  }

  /** A layout taller than wide in a wide canvas (or the other way) is turned a quarter, so that it is drawn larger. */
  function turnToCanvas(cy, nodes) {
    const bb = nodes.boundingBox();
    if ((bb.h > bb.w) === (cy.height() > cy.width())) { return; }
    const cx = (bb.x1 + bb.x2) / 2; const cyy = (bb.y1 + bb.y2) / 2;
    nodes.positions(n => ({ x: cx + (n.position('y') - cyy), y: cyy - (n.position('x') - cx) }));
  }

  /**
   * An edge is long enough for its label (about a CJK character's width per character) and, at a node with many
   * edges, for the labels of all of them side by side on the circle their midpoints make round that node.
   */
  function edgeLength(edge) {
    const width = (e) => 8 * Array.from(String(e.data('label') || '')).length + 10;
    const crowd = (n) => n.connectedEdges(':visible').reduce((sum, e) => sum + width(e), 0);
    // Three quarters of the full circle: the graph stays compact enough to read, the declutter hides the rest.
    const spread = 0.75 * Math.max(crowd(edge.source()), crowd(edge.target())) / Math.PI;
    return Math.min(260, Math.max(45 + width(edge), spread));
  }

  /**
   * Keeps only the edge labels that overlap no node (body or label) and no label kept before them: a greedy pass in
   * the graph's own coordinates, so the result holds at every zoom. Edges on a path and at the subject go first.
   * The others show their labels on hover or selection (class near).
   */
  function declutter(cy) {
    const box = (ele, o) => ele.boundingBox(Object.assign({ includeOverlays: false, includeUnderlays: false, includeOutlines: false }, o));
    const real = (b) => b.w > 0 && b.h > 0;
    const meets = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    // Labels just switched on have not been measured yet: measure every element afresh, past the caches.
    cy.elements(':visible').dirtyBoundingBoxCache().boundingBox({ useCache: false });
    const taken = [];
    cy.nodes(':visible').forEach(n => {
      taken.push(box(n, { includeLabels: false }));
      const l = box(n, { includeNodes: false, includeEdges: false });
      if (real(l)) { taken.push(l); }
    });
    const rank = (e) => (e.hasClass('path') ? 0 : e.connectedNodes('.subject').nonempty() ? 1 : 2);
    const edges = cy.edges('.labelled').sort((a, b) => rank(a) - rank(b));
    edges.forEach(e => {
      const b = box(e, { includeNodes: false, includeEdges: false });
      if (!real(b)) { return; }
      if (taken.some(t => meets(t, b))) { e.removeClass('labelled'); } else { taken.push(b); }
    });
  }

  function centreOf(nodes) {
    const bb = nodes.boundingBox();
    return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
  }

  function pinnedConstraint(cy) {
    const pinned = cy.nodes('.pinned:visible');
    return pinned.length ? pinned.map(n => ({ nodeId: n.id(), position: { x: n.position('x'), y: n.position('y') } })) : undefined;
  }

  function drawLegend(cy, legend) {
    const kinds = [...new Set(cy.nodes(':visible').map(n => n.data('kind')))].sort((a, b) => Object.keys(colours).indexOf(a) - Object.keys(colours).indexOf(b));
    const used = [...new Set(cy.nodes('[role]:visible').map(n => n.data('role')))];
    const swatch = (kind) => { const s = TX.el('span', { class: 'swatch' }); s.style.backgroundColor = colours[kind] || '#999'; s.style.backgroundImage = 'url("' + (icons[kind] || icons.Record) + '")'; return s; };
    const ring = (colour) => { const s = TX.el('span', { class: 'swatch ring' }); s.style.borderColor = colour; return s; };
    TX.fill(legend,
      TX.el('span', { class: 'legend-title' }, t('graph.legend', '图例')),
      kinds.map(k => TX.el('span', { class: 'legend-item', 'data-kind': k }, swatch(k), kindName(k),
        TX.el('span', { class: 'n' }, cy.nodes('[kind = "' + k + '"]:visible').length))),
      used.map(r => TX.el('span', { class: 'legend-item', 'data-role': r }, ring((roles[r] || roles.other).colour), roleName(r))),
      cy.nodes('.subject').length ? TX.el('span', { class: 'legend-item', 'data-role': 'subject' }, TX.el('span', { class: 'swatch ring subject' }),
        t('role.subject', '线索对象')) : null,
      cy.edges('.path').length ? TX.el('span', { class: 'legend-item', 'data-edge': 'path' }, TX.el('span', { class: 'swatch line' }), t('graph.path', '路径')) : null,
      cy.nodes('.pinned').length ? TX.el('span', { class: 'legend-item', 'data-pinned': '' }, TX.el('span', { class: 'swatch ring pin' }), t('graph.pinned', '已固定')) : null);
  }

  function download(name, href) {
    const a = TX.el('a', { href, download: name, hidden: true });
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { a.remove(); if (href.startsWith('blob:')) { URL.revokeObjectURL(href); } }, 1000);
  }

  function wire(cy, box) {
    const act = {
      fit: () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 24 } }, { duration: 200 }),
      'zoom-in': () => cy.zoom({ level: Math.min(cy.maxZoom(), cy.zoom() * 1.3), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      'zoom-out': () => cy.zoom({ level: Math.max(cy.minZoom(), cy.zoom() / 1.3), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      pin: () => {
        const sel = cy.nodes(':selected');
        const pinning = sel.not('.pinned');
        if (pinning.length) { pinning.addClass('pinned').lock(); } else { sel.removeClass('pinned').unlock(); }
        TX.graph.refresh(cy);
      },
      hide: () => { cy.nodes(':selected').unselect().addClass('hidden-by-user').style('display', 'none'); TX.graph.refresh(cy); },
      unhide: () => { cy.nodes('.hidden-by-user').removeClass('hidden-by-user').style('display', 'element'); TX.graph.refresh(cy); },
      relayout: () => TX.graph.layout(cy),
      png: () => download('tongxin-' + box.name + '.png', TX.graph.png(cy)),
      svg: () => download('tongxin-' + box.name + '.svg', URL.createObjectURL(new Blob([TX.graph.svg(cy)], { type: 'image/svg+xml' })))
    };
    box.bar.querySelectorAll('[data-act]').forEach(btn => btn.addEventListener('click', () => { if (!cy.destroyed()) { act[btn.dataset.act](); } }));
    TX.graph.refresh(cy);
  }
})();
