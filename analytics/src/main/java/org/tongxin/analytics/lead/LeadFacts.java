package org.tongxin.analytics.lead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.ingest.mapping.Labels;
import org.tongxin.ingest.store.GraphStore;

/**
 * Adds the facts of the case to a lead's Chinese summary, read from its evidence records: what each record is,
 * when, where — never a name or an identity number, so the summary can be shown to any role. The same for
 * leads from either engine, since it reads only the evidence both return. What a record says is its dataset's fact
 * template in labels.yaml ({@link Labels#fact}).
 */
public final class LeadFacts {

    private static final Labels LABELS = Labels.bundled();

    private LeadFacts() {
    }

    public static List<Lead> withFacts(GraphStore store, List<Lead> leads) {
        List<String> rids = new ArrayList<>();
        leads.forEach(l -> l.evidence().forEach(e -> rids.add(e.rid())));
        Map<String, String> facts = new HashMap<>();
        try (Session s = store.driver().session(store.session())) {
            s.run("UNWIND $rids AS rid MATCH (r:Record {rid: rid}) RETURN rid, r.dataset AS ds, properties(r) AS p",
                    Map.of("rids", rids)).forEachRemaining(r ->
                    facts.put(r.get("rid").asString(), LABELS.fact(r.get("ds").asString(),
                            r.get("p").asMap(Value::asObject)::get, Locale.CHINESE)));
        }
        List<Lead> out = new ArrayList<>();
        for (Lead l : leads) {
            List<String> parts = new ArrayList<>();
            // In the order of the clear keys (as models.md orders evidence), so the sentence does not change when
            // the tokens do (a key rotation).
            List<Evidence> inOrder = l.evidence().stream().sorted(Comparator.comparing(Evidence::dataset)
                    .thenComparing(e -> store.pseudonyms().reveal(e.key()))).toList();
            for (Evidence e : inOrder) {
                String f = facts.get(e.rid());
                if (f != null && !parts.contains(f)) {
                    parts.add(f);
                }
            }
            String summary = parts.isEmpty() ? l.summary() : l.summary() + "依据：" + String.join("；", parts) + "。";
            out.add(new Lead(l.key(), l.model(), l.rules(), l.severity(), l.evidence(), l.legalBasis(), summary));
        }
        return out;
    }
}
