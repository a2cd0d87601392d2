// Cytoscape graphs: one style for the lead page, the explorer and the console.
(function () {
  const colours = { Person: '#4a6fa5', Venue: '#e07a1f', Unit: '#b5651d', Vehicle: '#6a4c93', Household: '#2a9d8f',
    Case: '#9b2226', Incident: '#9b2226', Record: '#8d99ae', Lead: '#d62828' };
  TX.graph = {
    create(container, onSelect) {
      const cy = window.cytoscape({
        container, minZoom: 0.1, maxZoom: 3,
        style: [
          { selector: 'node', style: { 'background-color': e => colours[e.data('kind')] || '#999', label: 'data(label)',
            'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'text-valign': 'bottom', 'text-margin-y': 4,
            width: 26, height: 26, color: '#1f2933' } },
          { selector: 'node[kind = "Record"]', style: { shape: 'round-rectangle', width: 22, height: 16 } },
          { selector: 'node[kind = "Lead"]', style: { shape: 'star', width: 30, height: 30 } },
          { selector: 'node.subject', style: { 'border-width': 4, 'border-color': '#d62828' } },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
          { selector: 'edge', style: { width: 1.4, 'line-color': '#b8c2cc', 'target-arrow-color': '#b8c2cc',
            'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#7b8794' } },
          { selector: 'edge.path', style: { 'line-color': '#d62828', 'target-arrow-color': '#d62828', width: 3 } },
          { selector: 'edge:selected', style: { 'line-color': '#111', width: 3 } }
        ]
      });
      cy.on('tap', 'node', e => onSelect && onSelect('node', e.target.id()));
      cy.on('tap', 'edge', e => onSelect && onSelect('edge', e.target.id()));
      return cy;
    },
    /** Adds nodes and edges (API shape), skipping ones present and edges whose ends are not drawn. */
    add(cy, nodes, edges, relations) {
      const fresh = [];
      (nodes || []).forEach(n => {
        if (cy.getElementById(n.id).empty()) {
          fresh.push({ group: 'nodes', data: { id: n.id, kind: n.kind, label: n.caption } });
        }
      });
      cy.add(fresh);
      (edges || []).forEach(e => {
        if (cy.getElementById(e.id).empty() && !cy.getElementById(e.from).empty() && !cy.getElementById(e.to).empty()) {
          cy.add({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, label: (relations && relations[e.type]) || e.type } });
        }
      });
    },
    layout(cy, name, rootId) {
      cy.layout(name === 'breadthfirst' ? { name, directed: false, roots: cy.getElementById(rootId), spacingFactor: 1.1, animate: false }
        : { name: 'cose', animate: false, nodeRepulsion: 8000, idealEdgeLength: 80 }).run();
    }
  };
})();
