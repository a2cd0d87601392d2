package org.tongxin.domain.persistence;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** The class catalogue, by Spring Data (built by {@link Casework}; the domain reaches it through {@link CourseStore}). */
public interface CourseRepository extends Neo4jRepository<CourseEntity, String> {
}
