package org.tongxin.domain.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The class catalogue through Spring Data, in plain methods for the domain ({@code domain.education.Education}):
 * list and read courses, add the bundled ones missing, add one under the next free number, attach a video.
 */
public final class CourseStore {

    private static final Sort BY_NUMBER = Sort.by("id");

    private final CourseRepository repository;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;

    CourseStore(CourseRepository repository, TransactionTemplate readTx, TransactionTemplate writeTx) {
        this.repository = repository;
        this.readTx = readTx;
        this.writeTx = writeTx;
    }

    /** Every course, by number. */
    public List<CourseEntity> all() {
        return readTx.execute(status -> repository.findAll(BY_NUMBER));
    }

    public Optional<CourseEntity> find(String id) {
        return readTx.execute(status -> repository.findById(id));
    }

    /** Saves the courses whose number is not in the graph yet (never overwrites one that is); answers how many. */
    public int addMissing(List<CourseEntity> courses) {
        return writeTx.execute(status -> {
            List<CourseEntity> missing = courses.stream().filter(c -> !repository.existsById(c.getId())).toList();
            repository.saveAll(missing);
            return missing.size();
        });
    }

    /**
     * Saves {@code draft} under the next number: {@code C} and the count of courses plus one, three digits
     * ({@code C011}), with {@code A}s appended while that number is taken.
     */
    public CourseEntity add(CourseEntity draft) {
        return writeTx.execute(status -> {
            String next = String.format("C%03d", repository.count() + 1);
            while (repository.existsById(next)) {
                next = next + "A";
            }
            return repository.save(draft.numbered(next));
        });
    }

    /** Sets the course's recorded video (a media id); empty when there is no such course. */
    public Optional<CourseEntity> attachVideo(String id, String media) {
        return writeTx.execute(status -> repository.findById(id).map(c -> {
            c.setVideo(media);
            return repository.save(c);
        }));
    }
}
