package org.tongxin.analytics.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.lead.Rule;
import org.tongxin.analytics.lead.RuleHit;

/**
 * A model of models.md: a graph pattern with a legal basis, written twice — as Cypher (a resource file beside
 * this package, {@code models/<id>.cypher}) and as a Gremlin traversal — which must raise the same leads.
 * It is what an engine runs, so it lives with the engines: the models depend on it, the engines on no model.
 */
public interface Model {

    String id();

    /** Chinese title shown to prosecutors. */
    String title();

    List<Rule> rules();

    /**
     * The birthdays (ages in whole years) the model's Gremlin reads from a person of the projected graph, as the
     * epoch day {@code bd<N>}: the projection computes those its models declare, so a rule's age threshold is
     * declared by the model that holds the rule.
     */
    default Set<Integer> birthdays() {
        return Set.of();
    }

    /** Parameters of the Cypher besides {@code $asOf}. */
    default Map<String, Object> cypherParameters() {
        return Map.of();
    }

    /** The model's Cypher, returning {@code key, rule, evidence (rids), venue, at}. */
    default String cypher() {
        String path = "/org/tongxin/analytics/models/" + id() + ".cypher";
        try (InputStream in = Model.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same model as a Gremlin traversal over the projected graph (see {@code TinkerProjection}). */
    List<RuleHit> gremlin(GraphTraversalSource g, LocalDate asOf);

    /** Why the lead was raised, in Chinese, from its rules. */
    default String summary(String key, List<String> rules) {
        StringBuilder sb = new StringBuilder(title()).append("：");
        for (String r : rules) {
            rule(r).ifPresent(x -> sb.append(x.id()).append(' ').append(x.zh()).append("；"));
        }
        return sb.substring(0, sb.length() - 1) + "。";
    }

    default Optional<Rule> rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
