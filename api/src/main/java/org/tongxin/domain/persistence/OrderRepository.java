package org.tongxin.domain.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.neo4j.repository.Neo4jRepository;

/** The orders, by Spring Data (built by {@link Casework}; the domain reaches it through {@link OrderStore}). */
public interface OrderRepository extends Neo4jRepository<OrderEntity, String> {

    /** Newest first, at most 500. */
    List<OrderEntity> findTop500By(Sort sort);

    /** A guardian's orders: addressed to them and in none of {@code hidden} (drafts, cancelled), newest first. */
    List<OrderEntity> findTop500ByGuardianUserAndStatusNotIn(String guardianUser, Collection<String> hidden, Sort sort);
}
