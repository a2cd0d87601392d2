package org.tongxin.domain.persistence;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.neo4j.repository.Neo4jRepository;

/** The class bookings, by Spring Data (built by {@link Casework}; the domain reaches it through {@link ClassBookingStore}). */
public interface ClassBookingRepository extends Neo4jRepository<ClassBookingEntity, String> {

    /** All, in {@code sort} order, at most 500. */
    List<ClassBookingEntity> findTop500By(Sort sort);

    /** One school's. */
    List<ClassBookingEntity> findTop500BySchool(String school, Sort sort);
}
