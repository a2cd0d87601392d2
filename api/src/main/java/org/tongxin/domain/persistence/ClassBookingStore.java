package org.tongxin.domain.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The class bookings through Spring Data, in plain methods for the domain ({@code domain.education.Education}):
 * read one, list them (one school's), save a new one linked to its course.
 */
public final class ClassBookingStore {

    private static final Sort SOONEST_FIRST = Sort.by(Sort.Order.asc("date"), Sort.Order.asc("id"));

    private final ClassBookingRepository repository;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;

    ClassBookingStore(ClassBookingRepository repository, TransactionTemplate readTx, TransactionTemplate writeTx) {
        this.repository = repository;
        this.readTx = readTx;
        this.writeTx = writeTx;
    }

    /** A booking with its steps; empty when there is none. */
    public Optional<ClassBookingEntity> find(String id) {
        return readTx.execute(status -> repository.findById(id));
    }

    /** Bookings by the day of the class, soonest first (at most 500); {@code school}'s only when given. */
    public List<ClassBookingEntity> list(String school) {
        return readTx.execute(status -> school == null ? repository.findTop500By(SOONEST_FIRST)
                : repository.findTop500BySchool(school, SOONEST_FIRST));
    }

    /** Saves a new booking and its link {@code -[:OF_COURSE]->} to its course (the course itself is not written). */
    public void create(ClassBookingEntity booking) {
        writeTx.executeWithoutResult(status -> repository.save(booking));
    }
}
