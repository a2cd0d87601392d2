package org.tongxin.domain.persistence;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jOperations;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.data.neo4j.core.mapping.Neo4jMappingContext;
import org.springframework.data.neo4j.core.mapping.Neo4jPersistentEntity;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.domain.workflow.Statements;
import org.tongxin.domain.workflow.Transactions;
import org.tongxin.ingest.store.GraphStore;

/**
 * Spring Data Neo4j for the casework, without Spring Boot and without an application context: over the store's
 * own driver and database (embedded or remote alike), one {@link Neo4jClient}, {@link Neo4jMappingContext},
 * {@link Neo4jTemplate}, {@link Neo4jTransactionManager} and a {@link TransactionTemplate}, and the repositories.
 * The domain sees plain types only: {@link #transactions()} (the workflow's write transactions, run by the
 * Spring transaction manager) and the stores {@link #orders()}, {@link #submissions()}, {@link #bookings()},
 * {@link #courses()} and {@link #views()}. Not for bulk ingest, analytics or counting: those keep the driver.
 */
public final class Casework {

    /** Attempts of a workflow transaction that failed transiently (the driver's managed transactions retry too). */
    private static final int RETRIES = 8;

    private final Neo4jClient client;
    private final Neo4jTemplate template;
    private final Neo4jTransactionManager transactionManager;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;
    private final OrderStore orders;
    private final SavedViewStore views;
    private final SubmissionStore submissions;
    private final ClassBookingStore bookings;
    private final CourseStore courses;

    private Casework(Driver driver, String database) {
        DatabaseSelectionProvider databases = database == null ? DatabaseSelectionProvider.getDefaultSelectionProvider()
                : DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(database);
        this.client = Neo4jClient.create(driver, databases);
        Neo4jMappingContext mapping = mapping();
        this.transactionManager = new Neo4jTransactionManager(driver, databases);
        this.template = new Neo4jTemplate(client, mapping, transactionManager);
        this.writeTx = new TransactionTemplate(transactionManager);
        this.readTx = new TransactionTemplate(transactionManager);
        readTx.setReadOnly(true);
        readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        RepositoryFactorySupport factory = repositoryFactory(template, mapping);
        this.orders = new OrderStore(factory.getRepository(OrderRepository.class), client, readTx, writeTx);
        this.views = new SavedViewStore(factory.getRepository(SavedViewRepository.class), readTx, writeTx);
        this.submissions = new SubmissionStore(factory.getRepository(SubmissionRepository.class), client, readTx, writeTx);
        this.bookings = new ClassBookingStore(factory.getRepository(ClassBookingRepository.class), readTx, writeTx);
        this.courses = new CourseStore(factory.getRepository(CourseRepository.class), readTx, writeTx);
    }

    private static Neo4jMappingContext mapping() {
        Neo4jMappingContext mapping = new Neo4jMappingContext();
        mapping.setInitialEntitySet(Set.of(OrderEntity.class, CaseStepEntity.class, SubmissionEntity.class,
                ClassBookingEntity.class, CourseEntity.class, SavedViewEntity.class));
        mapping.initialize();
        return mapping;
    }

    /** What one casework entity stores: its node label, its property keys and the types of its relationships. */
    public record Stored(String label, Set<String> properties, Set<String> relationships) {
    }

    /**
     * What the casework entities store, as the mapping context reads them (the internal id left out) — the keys and
     * types labels.yaml has to name, whether or not the graph holds one yet.
     */
    public static List<Stored> stored() {
        List<Stored> out = new ArrayList<>();
        for (Neo4jPersistentEntity<?> e : mapping().getPersistentEntities()) {
            Set<String> properties = new TreeSet<>();
            e.getGraphProperties().stream().filter(p -> !p.isInternalIdProperty() && !p.isRelationship())
                    .forEach(p -> properties.add(p.getPropertyName()));
            Set<String> relationships = new TreeSet<>();
            e.getRelationships().forEach(r -> relationships.add(r.getType()));
            out.add(new Stored(e.getPrimaryLabel(), properties, relationships));
        }
        out.sort(java.util.Comparator.comparing(Stored::label));
        return List.copyOf(out);
    }

    /** Over the store's driver and its database ({@code GraphStore.session()}). */
    public static Casework over(GraphStore store) {
        return new Casework(store.driver(), store.session().database().orElse(null));
    }

    /**
     * Write transactions of the Spring transaction manager: the workflow's lock, check and write run in one, and
     * Spring Data calls made inside join it.
     */
    public Transactions transactions() {
        Statements statements = this::run;
        return new Transactions() {
            @Override
            public <T> T write(Function<Statements, T> work) {
                if (TransactionSynchronizationManager.isActualTransactionActive()) {
                    return writeTx.execute(status -> work.apply(statements)); // joins it; the outer one retries
                }
                // Like the driver's managed transactions: a transient failure (a deadlock Neo4j detected between
                // two moves of one node) rolls back and runs again, so the loser then sees the winner's status.
                for (int attempt = 1; ; attempt++) {
                    try {
                        return writeTx.execute(status -> work.apply(statements));
                    } catch (TransientDataAccessException e) {
                        if (attempt == RETRIES) {
                            throw e;
                        }
                        try {
                            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                        } catch (InterruptedException i) {
                            Thread.currentThread().interrupt();
                            throw e;
                        }
                    }
                }
            }
        };
    }

    public OrderStore orders() {
        return orders;
    }

    public SubmissionStore submissions() {
        return submissions;
    }

    public ClassBookingStore bookings() {
        return bookings;
    }

    public CourseStore courses() {
        return courses;
    }

    /** The explorer's saved views. */
    public SavedViewStore views() {
        return views;
    }

    /** Spring's transaction manager, for tests and for services that join a casework transaction. */
    Neo4jTransactionManager transactionManager() {
        return transactionManager;
    }

    private List<Map<String, Object>> run(String cypher, Map<String, Object> parameters) {
        return new ArrayList<>(client.query(cypher).bindAll(parameters).fetch().all());
    }

    /**
     * Spring Data's {@code Neo4jRepositoryFactory} is package-private (meant for its factory bean inside an
     * application context); its constructor is opened here instead of starting a context.
     */
    private static RepositoryFactorySupport repositoryFactory(Neo4jOperations operations, Neo4jMappingContext mapping) {
        try {
            Constructor<?> c = Class.forName("org.springframework.data.neo4j.repository.support.Neo4jRepositoryFactory")
                    .getDeclaredConstructor(Neo4jOperations.class, Neo4jMappingContext.class);
            c.setAccessible(true);
            return (RepositoryFactorySupport) c.newInstance(operations, mapping);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Spring Data Neo4j's repository factory is not where 7.5 keeps it", e);
        }
    }
}
