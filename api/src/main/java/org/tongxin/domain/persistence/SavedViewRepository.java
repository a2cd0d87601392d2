package org.tongxin.domain.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.neo4j.repository.Neo4jRepository;

/** The saved views, by Spring Data (built by {@link Casework}; the domain reaches it through {@link SavedViewStore}). */
public interface SavedViewRepository extends Neo4jRepository<SavedViewEntity, String> {

    /** One owner's views, at most 200. */
    List<SavedViewEntity> findTop200ByOwner(String owner, Sort sort);

    /** A view, if this owner has it. */
    Optional<SavedViewEntity> findByIdAndOwner(String id, String owner);

    /** An owner's views of this name (none or one). */
    List<SavedViewEntity> findByOwnerAndName(String owner, String name);

    long countByOwner(String owner);
}
