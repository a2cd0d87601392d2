package org.tongxin.domain.persistence;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.neo4j.repository.Neo4jRepository;

/** The observer submissions, by Spring Data (built by {@link Casework}; the domain reaches it through {@link SubmissionStore}). */
public interface SubmissionRepository extends Neo4jRepository<SubmissionEntity, String> {

    /** All, in {@code sort} order, at most 1000. */
    List<SubmissionEntity> findTop1000By(Sort sort);

    /** One volunteer's. */
    List<SubmissionEntity> findTop1000BySubmitter(String submitter, Sort sort);

    /** In one status. */
    List<SubmissionEntity> findTop1000ByStatus(String status, Sort sort);

    /** One volunteer's in one status. */
    List<SubmissionEntity> findTop1000BySubmitterAndStatus(String submitter, String status, Sort sort);
}
