package org.tongxin.domain.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saved views through Spring Data, in plain methods for the domain ({@code domain.view.SavedViews}); every
 * method is scoped to one owner, so nobody reaches another user's views.
 */
public final class SavedViewStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id"));

    private final SavedViewRepository repository;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;

    SavedViewStore(SavedViewRepository repository, TransactionTemplate readTx, TransactionTemplate writeTx) {
        this.repository = repository;
        this.readTx = readTx;
        this.writeTx = writeTx;
    }

    /** The owner's views, last changed first (at most 200). */
    public List<SavedViewEntity> list(String owner) {
        return readTx.execute(status -> repository.findTop200ByOwner(owner, NEWEST_FIRST));
    }

    /** A view of this owner; empty when there is none or it is someone else's. */
    public Optional<SavedViewEntity> find(String owner, String id) {
        return readTx.execute(status -> repository.findByIdAndOwner(id, owner));
    }

    /** Whether the owner has a view of this name other than {@code except} (null: any). */
    public boolean nameTaken(String owner, String name, String except) {
        return Boolean.TRUE.equals(readTx.execute(status -> repository.findByOwnerAndName(owner, name).stream()
                .anyMatch(v -> !v.getId().equals(except))));
    }

    public long count(String owner) {
        Long n = readTx.execute(status -> repository.countByOwner(owner));
        return n == null ? 0 : n;
    }

    /** Saves a new or changed view. */
    public SavedViewEntity save(SavedViewEntity view) {
        return writeTx.execute(status -> repository.save(view));
    }

    /** Deletes the owner's view; false when the owner has none of that id. */
    public boolean delete(String owner, String id) {
        return Boolean.TRUE.equals(writeTx.execute(status -> {
            Optional<SavedViewEntity> v = repository.findByIdAndOwner(id, owner);
            v.ifPresent(repository::delete);
            return v.isPresent();
        }));
    }
}
