package org.tongxin.ingest.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the graph lives: an embedded Neo4j in a directory (the default), or an external Neo4j server or cluster
 * reached by a {@code bolt://} or {@code neo4j://} URI. Immutable; build with {@link #builder()}.
 */
public final class StoreConfig {

    private final Path storeDir;
    private final URI uri;
    private final String user;
    private final String password;
    private final int boltPort;
    private final String pageCache;
    private final Path stateDir;

    private StoreConfig(Builder b) {
        this.storeDir = b.storeDir;
        this.uri = b.uri;
        this.user = b.user;
        this.password = b.password;
        this.boltPort = b.boltPort;
        this.pageCache = b.pageCache;
        if ((storeDir == null) == (uri == null)) {
            throw new IllegalArgumentException("give either a store directory or a Neo4j URI");
        }
        if (b.stateDir == null && storeDir == null) {
            throw new IllegalArgumentException("a Neo4j URI needs the state folder that holds its keys (--state)");
        }
        this.stateDir = b.stateDir != null ? b.stateDir : storeDir.toAbsolutePath().resolveSibling("state");
        if (uri != null && !(uri.getScheme() != null && uri.getScheme().matches("bolt|bolt\\+s|bolt\\+ssc|neo4j|neo4j\\+s|neo4j\\+ssc"))) {
            throw new IllegalArgumentException("Neo4j URI must be bolt:// or neo4j:// (got " + uri + ")");
        }
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("bolt port out of range: " + boltPort);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static StoreConfig embedded(Path dir) {
        return builder().storeDir(dir).build();
    }

    public boolean isEmbedded() {
        return storeDir != null;
    }

    public Path storeDir() {
        return storeDir;
    }

    public URI uri() {
        return uri;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Bolt port of the embedded server; 0 picks a free one. */
    public int boltPort() {
        return boltPort;
    }

    public String pageCache() {
        return pageCache;
    }

    /**
     * The state folder whose key file pseudonymises personal values in this store (default for an embedded store:
     * the folder {@code state} beside it). Kept apart from the store so a copy of the store reveals nothing.
     */
    public Path stateDir() {
        return stateDir;
    }

    public static final class Builder {
        private Path storeDir;
        private URI uri;
        private String user = "neo4j";
        private String password;
        private int boltPort;
        private String pageCache = "512m";
        private Path stateDir;

        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        public Builder storeDir(Path dir) {
            this.storeDir = dir;
            return this;
        }

        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user);
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder boltPort(int port) {
            this.boltPort = port;
            return this;
        }

        public Builder pageCache(String size) {
            this.pageCache = Objects.requireNonNull(size);
            return this;
        }

        /** External server credentials from NEO4J_USER / NEO4J_PASSWORD, when set. */
        public Builder credentialsFromEnvironment() {
            String u = System.getenv("NEO4J_USER");
            String p = System.getenv("NEO4J_PASSWORD");
            if (u != null && !u.isBlank()) {
                this.user = u;
            }
            if (p != null) {
                this.password = p;
            }
            return this;
        }

        public StoreConfig build() {
            return new StoreConfig(this);
        }
    }
}
