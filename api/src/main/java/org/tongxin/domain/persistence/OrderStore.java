package org.tongxin.domain.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders through Spring Data, in plain methods for the domain ({@code domain.order.Orders}): read one, list
 * them (a guardian's only), save a new draft with its links to the minor and the lead.
 */
public final class OrderStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
    private static final Set<String> HIDDEN_FROM_GUARDIANS = Set.of("draft", "cancelled");

    private final OrderRepository repository;
    private final Neo4jClient client;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;

    OrderStore(OrderRepository repository, Neo4jClient client, TransactionTemplate readTx, TransactionTemplate writeTx) {
        this.repository = repository;
        this.client = client;
        this.readTx = readTx;
        this.writeTx = writeTx;
    }

    /** An order with its steps and the element id of its minor's node; empty when there is none (or no minor). */
    public Optional<Stored> find(String id) {
        return readTx.execute(status -> repository.findById(id).flatMap(this::withMinor));
    }

    /** Orders, newest first (at most 500); for a guardian only those issued to them (never drafts or cancelled). */
    public List<Stored> list(String guardianUser) {
        return readTx.execute(status -> (guardianUser == null ? repository.findTop500By(NEWEST_FIRST)
                : repository.findTop500ByGuardianUserAndStatusNotIn(guardianUser, HIDDEN_FROM_GUARDIANS, NEWEST_FIRST))
                .stream().map(this::withMinor).flatMap(Optional::stream).toList());
    }

    /**
     * Saves a new draft and links it to the minor {@code (:Person {id: minorId})} and, when drafted from one, its
     * lead; {@code then} runs in the same transaction (the workflow's first step) before it commits.
     */
    public void saveDraft(OrderEntity draft, Runnable then) {
        writeTx.executeWithoutResult(status -> {
            repository.save(draft);
            client.query("""
                    MATCH (o:Order {id: $id}), (m:Person {id: $minor})
                    CREATE (o)-[:FOR_MINOR]->(m)
                    WITH o OPTIONAL MATCH (l:Lead {ref: $lead})
                    FOREACH (_ IN CASE WHEN l IS NULL THEN [] ELSE [1] END | CREATE (o)-[:FROM_LEAD]->(l))
                    """).bindAll(params(draft)).run();
            then.run();
        });
    }

    private static Map<String, Object> params(OrderEntity o) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("id", o.getId());
        p.put("minor", o.getMinorId());
        p.put("lead", o.getLeadRef());
        return p;
    }

    private Optional<Stored> withMinor(OrderEntity o) {
        return client.query("MATCH (:Order {id: $id})-[:FOR_MINOR]->(m:Person) RETURN elementId(m) AS minor LIMIT 1")
                .bind(o.getId()).to("id").fetchAs(String.class).one().map(minor -> new Stored(o, minor));
    }

    /** An order as stored and the element id of its minor's node. */
    public record Stored(OrderEntity order, String minorNode) {
    }
}
