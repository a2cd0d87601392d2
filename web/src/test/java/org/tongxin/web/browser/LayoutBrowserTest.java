package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;
import org.tongxin.web.server.WebServer;

/**
 * What a reviewer sees on the screenshots of the lead pages and the lead list: in the lead graph of every model no
 * edge label overlaps another label or a node, no label is clipped at the canvas' edge, the subject is ringed in its
 * role's colour and marked as the subject besides, the legend's role rings differ from its kind colours; in the lead
 * list the short columns (level, status, date) stay on one line at 1280 and 1024 px.
 */
class LayoutBrowserTest {

    private static TestCity city;
    private static Browser b;

    @BeforeAll
    static void start() throws Exception {
        city = TestCity.get(WebServer.WEB_ROOT);
        b = Browser.open(city, 1280, 900);
        b.logIn(Role.PROSECUTOR);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
    }

    /** Per model, the lead with the most evidence records: the most crowded graph round its subject. */
    private static Map<String, String> crowdedLeads() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Session s = city.store.driver().session()) {
            s.run("""
                    MATCH (l:Lead)-[:EVIDENCE]->(r) WITH l, count(r) AS n ORDER BY n DESC, l.ref
                    WITH l.model AS model, collect(l.ref)[0] AS ref RETURN model, ref ORDER BY model""")
                    .forEachRemaining(r -> out.put(r.get("model").asString(), r.get("ref").asString()));
        }
        return out;
    }

    @Test
    void noEdgeLabelOfALeadGraphOverlapsAnotherLabelOrANodeAndNothingIsClipped() {
        Map<String, String> leads = crowdedLeads();
        assertThat(leads).as("models with leads in the test city").hasSizeGreaterThanOrEqualTo(3);
        leads.forEach((model, ref) -> {
            b.visit("/#/lead/" + ref);
            // The legend names the subject once the graph is laid out and its labels decided.
            b.find("#graph-legend [data-role='subject']");
            b.js("document.querySelector('.graph-frame').scrollIntoView({ block: 'center' })");
            b.check("lead graph " + model);
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) b.js("""
                    const cy = window.__tongxinGraph;
                    // Measured afresh, not from the caches the page's own measuring left.
                    cy.elements().dirtyBoundingBoxCache().boundingBox({ useCache: false });
                    const o = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false,
                      includeUnderlays: false, includeOutlines: false };
                    const name = (e) => e.isNode() ? 'node ' + e.data('label') : 'edge ' + e.data('label') + ' ' + e.id();
                    const shown = (e) => e.visible() && e.style('label') !== '';
                    const boxes = cy.elements().filter(shown).map(e => [e, e.boundingBox(o)]).filter(([e, b]) => b.w > 0);
                    const meets = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
                    const overlaps = [];
                    for (let i = 0; i < boxes.length; i++) {
                      for (let j = i + 1; j < boxes.length; j++) {
                        const [a, ab] = boxes[i]; const [c, cb] = boxes[j];
                        if ((a.isEdge() || c.isEdge()) && meets(ab, cb)) { overlaps.push(name(a) + ' / ' + name(c)); }
                      }
                    }
                    // Edge labels over node bodies (not their own ends: a label sits between them).
                    boxes.filter(([e]) => e.isEdge()).forEach(([e, eb]) => cy.nodes(':visible').forEach(n => {
                      const nb = n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
                      if (meets(eb, nb)) { overlaps.push(name(e) + ' over ' + name(n)); }
                    }));
                    const all = cy.elements(':visible').renderedBoundingBox({ includeOverlays: false, includeUnderlays: false });
                    return { overlaps, edges: cy.edges(':visible').length, labelled: boxes.filter(([e]) => e.isEdge()).length,
                      clipped: all.x1 < 0 || all.y1 < 0 || all.x2 > cy.width() || all.y2 > cy.height(),
                      box: [all.x1, all.y1, all.x2, all.y2, cy.width(), cy.height()].map(Math.round).join(' ') };
                    """);
            assertThat((List<?>) r.get("overlaps")).as("labels overlapping in the graph of " + model + " lead " + ref).isEmpty();
            assertThat(r.get("clipped")).as("graph of " + model + " within its canvas: " + r.get("box")).isEqualTo(false);
            if (((Number) r.get("edges")).intValue() > 0) {
                assertThat(((Number) r.get("labelled")).intValue()).as("edge labels shown for " + model).isPositive();
            }
        });
    }

    @Test
    void aMinorSubjectIsRingedAsAMinorAndMarkedAsTheSubjectBesides() {
        String ref;
        try (Session s = city.store.driver().session()) {
            ref = s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) RETURN l.ref AS ref ORDER BY ref LIMIT 1""")
                    .single().get("ref").asString();
        }
        b.visit("/#/lead/" + ref);
        b.find("#graph-legend [data-role='subject']");
        b.js("document.querySelector('.graph-frame').scrollIntoView({ block: 'center' })");
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) b.js("""
                const cy = window.__tongxinGraph;
                const n = cy.nodes('.subject');
                const probe = document.createElement('span');
                probe.style.color = TX.graph.roles.minor.colour;
                document.body.appendChild(probe);
                const minor = getComputedStyle(probe).color;
                probe.remove();
                return { role: n.data('role'), label: n.data('label'), ring: n.style('border-color'), minor,
                  style: n.style('border-style') };
                """);
        assertThat(s.get("role")).isEqualTo("minor");
        assertThat(String.valueOf(s.get("label"))).contains("未成年人");
        assertThat(String.valueOf(s.get("ring")).replace(" ", "")).as("the subject's ring is the minor's colour")
                .isEqualTo(String.valueOf(s.get("minor")).replace(" ", ""));
        assertThat(s.get("style")).isEqualTo("double");
        assertThat(b.text("#graph-legend [data-role='minor']")).isEqualTo("未成年人");
        assertThat(b.text("#graph-legend [data-role='subject']")).isEqualTo("线索对象");
        b.check("minor subject");
    }

    @Test
    void everyRoleRingDiffersClearlyFromEveryKindColour() {
        b.visit("/#/leads");
        @SuppressWarnings("unchecked")
        Map<String, String> kinds = (Map<String, String>) b.js("return TX.graph.colours");
        @SuppressWarnings("unchecked")
        Map<String, String> roles = (Map<String, String>) b.js(
                "return Object.fromEntries(Object.entries(TX.graph.roles).map(([k, v]) => [k, v.colour]))");
        List<String> close = new ArrayList<>();
        roles.forEach((role, ring) -> kinds.forEach((kind, fill) -> {
            if (!"Group".equals(kind) && deltaE(ring, fill) < 30) {
                close.add(role + " " + ring + " ~ " + kind + " " + fill);
            }
        }));
        assertThat(close).as("role rings too close to kind colours (CIE76 ΔE < 30)").isEmpty();
    }

    @Test
    void theLeadListsShortColumnsStayOnOneLineAt1280And1024Pixels() {
        try {
            for (int width : new int[] {1280, 1024}) {
                b.resize(width, 900);
                b.visit("/#/leads");
                b.find("#lead-table td.status");
                @SuppressWarnings("unchecked")
                List<String> wrapped = (List<String>) b.js("""
                        const out = [];
                        const line = (el) => parseFloat(getComputedStyle(el).lineHeight) || 20;
                        document.querySelectorAll('#lead-table th, #lead-table td.severity, #lead-table td.status .badge, #lead-table td.date')
                          .forEach(el => {
                            if (el.tagName === 'TH' && !['severity', 'status', 'date'].includes(el.className)) { return; }
                            const r = document.createRange();
                            r.selectNodeContents(el);
                            const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
                            if (lines.size > 1) { out.push(el.className + ' ' + el.textContent); }
                          });
                        return out;
                        """);
                assertThat(wrapped).as("cells broken over lines at " + width + " px").isEmpty();
                b.check("lead list at " + width);
            }
        } finally {
            b.resize(1280, 900);
        }
    }

    /** CIE76 colour difference of two #rrggbb colours (sRGB, D65). */
    static double deltaE(String a, String c) {
        double[] p = lab(a);
        double[] q = lab(c);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = v > 0.04045 ? Math.pow((v + 0.055) / 1.055, 2.4) : v / 12.92;
        }
        double x = (rgb[0] * 0.4124 + rgb[1] * 0.3576 + rgb[2] * 0.1805) / 0.95047;
        double y = rgb[0] * 0.2126 + rgb[1] * 0.7152 + rgb[2] * 0.0722;
        double z = (rgb[0] * 0.0193 + rgb[1] * 0.1192 + rgb[2] * 0.9505) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
