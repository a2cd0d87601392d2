package org.tongxin.domain.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The observer submissions through Spring Data, in plain methods for the domain ({@code domain.observer.Submissions}):
 * read one, list them (a volunteer's, in a status), save a new one with its link to the place.
 */
public final class SubmissionStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("id"));

    private final SubmissionRepository repository;
    private final Neo4jClient client;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;

    SubmissionStore(SubmissionRepository repository, Neo4jClient client, TransactionTemplate readTx,
                    TransactionTemplate writeTx) {
        this.repository = repository;
        this.client = client;
        this.readTx = readTx;
        this.writeTx = writeTx;
    }

    /** A submission with its steps and the element id of the place it is about (null for a point); empty when there is none. */
    public Optional<Stored> find(String id) {
        return readTx.execute(status -> repository.findById(id).map(s -> new Stored(s, placeNodes(List.of(s.getId()))
                .get(s.getId()))));
    }

    /**
     * Submissions, newest first (at most 1000): {@code submitter}'s only, in {@code status} only, when given (null:
     * any).
     */
    public List<Stored> list(String submitter, String status) {
        return readTx.execute(tx -> {
            List<SubmissionEntity> found = submitter == null && status == null ? repository.findTop1000By(NEWEST_FIRST)
                    : status == null ? repository.findTop1000BySubmitter(submitter, NEWEST_FIRST)
                    : submitter == null ? repository.findTop1000ByStatus(status, NEWEST_FIRST)
                    : repository.findTop1000BySubmitterAndStatus(submitter, status, NEWEST_FIRST);
            Map<String, String> places = placeNodes(found.stream().map(SubmissionEntity::getId).toList());
            return found.stream().map(s -> new Stored(s, places.get(s.getId()))).toList();
        });
    }

    /**
     * Saves a new submission and, when it is about a known place, links it {@code -[:ABOUT_PLACE]->} to that node
     * (by its element id), in one transaction.
     */
    public void create(SubmissionEntity submission, String placeNode) {
        writeTx.executeWithoutResult(status -> {
            repository.save(submission);
            if (placeNode != null) {
                Map<String, Object> p = new HashMap<>();
                p.put("id", submission.getId());
                p.put("node", placeNode);
                client.query("MATCH (s:Submission {id: $id}), (v) WHERE elementId(v) = $node CREATE (s)-[:ABOUT_PLACE]->(v)")
                        .bindAll(p).run();
            }
        });
    }

    /** The place nodes' element ids of these submissions, by submission id (those about a point are absent). */
    private Map<String, String> placeNodes(List<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        client.query("MATCH (s:Submission)-[:ABOUT_PLACE]->(v) WHERE s.id IN $ids RETURN s.id AS id, elementId(v) AS node")
                .bind(ids).to("ids").fetch().all().forEach(r -> out.putIfAbsent((String) r.get("id"), (String) r.get("node")));
        return out;
    }

    /** A submission as stored and the element id of its place's node (null for a point). */
    public record Stored(SubmissionEntity submission, String placeNode) {
    }
}
