package org.tongxin.ingest.store;

import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongxin.model.privacy.Keyring;
import org.tongxin.model.privacy.OwnerOnly;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;

/**
 * The graph as product code sees it: a Neo4j Java Driver. In embedded mode this also owns the Neo4j database
 * started in-process with its Bolt connector on 127.0.0.1 (HTTP off, password required, file URLs in LOAD CSV
 * off), so the same driver code runs against an external server or cluster.
 *
 * <p>The embedded server is also the last line of the ad-hoc console's defence, whatever the layers above let
 * through: LOAD CSV may reach no address at all (every IPv4 and IPv6 address is on Cypher's IP block list), one
 * transaction may hold at most {@link #TRANSACTION_MEMORY} of tracked memory and all together
 * {@link #TOTAL_TRANSACTION_MEMORY}, and a {@link ConsoleWatchdog} ends console queries that run past their
 * time limit.
 */
public final class GraphStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphStore.class);
    private static final String PASSWORD_FILE = "bolt-password";

    /** The most tracked memory one transaction may use (ingest batches of 1,000 rows need a few MiB). */
    public static final long TRANSACTION_MEMORY = ByteUnit.mebiBytes(512);
    /** The most tracked memory all transactions together may use. */
    public static final long TOTAL_TRANSACTION_MEMORY = ByteUnit.gibiBytes(2);

    /** The longest the embedded Bolt server waits for its threads and connections when the store closes. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final DatabaseManagementService embedded;
    private final ConsoleWatchdog watchdog;
    private final Driver driver;
    private final String boltUri;
    private final String database;
    private final Pseudonyms pseudonyms;

    private GraphStore(DatabaseManagementService embedded, ConsoleWatchdog watchdog, Driver driver, String boltUri,
                       String database, Pseudonyms pseudonyms) {
        this.embedded = embedded;
        this.watchdog = watchdog;
        this.driver = driver;
        this.boltUri = boltUri;
        this.database = database;
        this.pseudonyms = pseudonyms;
    }

    public static GraphStore open(StoreConfig config) {
        // A key file is written only once the store is known to be new (checkKey): a wrong --state must not leave one.
        boolean haveKeys = Files.exists(config.stateDir().resolve(Keyring.FILE));
        Pseudonyms pseudonyms = new Pseudonyms(haveKeys ? Keyring.open(config.stateDir()) : Keyring.generate());
        if (!config.isEmbedded()) {
            Driver d = GraphDatabase.driver(config.uri(), config.password() == null ? AuthTokens.none()
                    : AuthTokens.basic(config.user(), config.password()), driverConfig());
            d.verifyConnectivity();
            GraphStore g = new GraphStore(null, null, d, config.uri().toString(), null, pseudonyms);
            g.checkKey(config, haveKeys);
            return g;
        }
        Path dir = config.storeDir().toAbsolutePath();
        try {
            OwnerOnly.folder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create store directory " + dir, e);
        }
        Path pwFile = dir.resolve(PASSWORD_FILE);
        boolean firstStart = !Files.exists(pwFile);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", config.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", config.boltPort()))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(config.pageCache()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, TRANSACTION_MEMORY)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, TOTAL_TRANSACTION_MEMORY)
                // Shutting down, the Bolt server's two Netty event-loop groups each wait for a quiet period of 5 s
                // without tasks (up to 15 s each), and its worker pool and connections up to 5 min: a CLI command
                // hung 40–95 s after printing its result. By then our driver is closed and no client is left, so
                // the store stops at once; a request still running when `serve` stops gets SHUTDOWN_GRACE.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, SHUTDOWN_GRACE)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, SHUTDOWN_GRACE)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, SHUTDOWN_GRACE)
                .build();
        try {
            String password = firstStart ? initialisePassword(dbms, pwFile) : Files.readString(pwFile).strip();
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            String uri = "bolt://127.0.0.1:" + port;
            Driver d = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password), driverConfig());
            d.verifyConnectivity();
            LOG.info("Embedded Neo4j in {} with Bolt on {} (user neo4j, password in {})", dir, uri, pwFile);
            GraphStore g = new GraphStore(dbms, new ConsoleWatchdog(db), d, uri, null, pseudonyms);
            g.checkKey(config, haveKeys);
            return g;
        } catch (RuntimeException | IOException e) {
            dbms.shutdown();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    /** First start: give the built-in user a random password, kept beside the store readable by the owner only. */
    private static String initialisePassword(DatabaseManagementService dbms, Path pwFile) throws IOException {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        Files.writeString(OwnerOnly.file(pwFile), password + "\n");
        return password;
    }

    private static Config driverConfig() {
        return Config.builder().withLogging(Logging.slf4j()).withMaxConnectionPoolSize(16)
                .withConnectionAcquisitionTimeout(60, java.util.concurrent.TimeUnit.SECONDS).build();
    }

    /**
     * The store remembers a value sealed with the key it was first written with; a state folder whose keyring
     * cannot open it belongs to another store (or lost its key), and writing with it would mix tokens that can
     * never be linked or read again — so the store refuses to open.
     */
    private void checkKey(StoreConfig config, boolean haveKeys) {
        String check;
        try (var s = driver.session(session())) {
            check = s.executeRead(tx -> tx.run("MATCH (m:TongxinMeta {name: 'pseudonyms'}) RETURN m.keyCheck AS check")
                    .list(r -> r.get("check").asString(null))).stream().findFirst().orElse(null);
            if (check == null && s.executeRead(tx -> tx.run("MATCH (n) WHERE n:Record OR n:Person OR n:Lead RETURN n LIMIT 1")
                    .list()).size() > 0) {
                close();
                throw new IllegalStateException("this store holds data but no key check: it was loaded before personal values "
                        + "were sealed, or the check was removed; load its departments' files into a fresh store");
            }
            if (check == null && !haveKeys) {
                pseudonyms.keyring().saveNew(config.stateDir());
                haveKeys = true;
            }
            if (check == null) {
                check = s.executeWrite(tx -> tx.run("MERGE (m:TongxinMeta {name: 'pseudonyms'}) "
                        + "ON CREATE SET m.keyCheck = $check RETURN m.keyCheck AS check",
                        Map.of("check", pseudonyms.seal(PiiKind.TEXT, KEY_CHECK))).single().get("check").asString());
            }
        }
        if (!haveKeys || pseudonyms.open(check).isEmpty()) {
            close();
            throw new IllegalStateException((haveKeys ? "the key file in " + config.stateDir() + " does not open this store's values"
                    : "there is no key file in " + config.stateDir() + ", but this store holds sealed values")
                    + ": give the state folder this store was loaded with (--state), or restore its key file from the backup");
        }
    }

    private static final String KEY_CHECK = "tongxin-key-check";

    public Driver driver() {
        return driver;
    }

    /** Seals and opens the personal values this store keeps as tokens (see {@link Pseudonyms}). */
    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** The Bolt URI clients (cypher-shell, Neo4j Browser) can connect to. */
    public String boltUri() {
        return boltUri;
    }

    /** The watchdog over console queries; only an embedded store has one (an external server has its own limits). */
    public Optional<ConsoleWatchdog> watchdog() {
        return Optional.ofNullable(watchdog);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Runs {@code work} in one read transaction of the product's database (retried by the driver on transient
     * failures, so {@code work} must have no other side effects) and answers what it returns.
     */
    public <T> T read(org.neo4j.driver.TransactionCallback<T> work) {
        try (org.neo4j.driver.Session s = driver.session(session())) {
            return s.executeRead(work);
        }
    }

    /** Runs {@code work} in one write transaction, like {@link #read}. */
    public <T> T write(org.neo4j.driver.TransactionCallback<T> work) {
        try (org.neo4j.driver.Session s = driver.session(session())) {
            return s.executeWrite(work);
        }
    }

    /** Runs {@code work} in one write transaction for its effect only. */
    public void writeOnly(java.util.function.Consumer<org.neo4j.driver.TransactionContext> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Session config for the product's database (the server default). */
    public org.neo4j.driver.SessionConfig session() {
        return database == null ? org.neo4j.driver.SessionConfig.defaultConfig()
                : org.neo4j.driver.SessionConfig.forDatabase(database);
    }

    @Override
    public void close() {
        try {
            if (watchdog != null) {
                watchdog.close();
            }
            driver.close();
        } finally {
            if (embedded != null) {
                embedded.shutdown();
            }
        }
    }
}
