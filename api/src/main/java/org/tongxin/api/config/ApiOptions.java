package org.tongxin.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.tongxin.domain.export.Letterhead;
import org.tongxin.model.time.LegalAge;

/**
 * How the server runs: where it listens, the date the models judge ages by, the ad-hoc query limits, the
 * class-path folder of the web view (none for an API-only server), the folder of the users and the audit log, and
 * who the documents come from (the procuratorate's name and the prefix of document numbers).
 * Immutable; built with {@link #builder()}.
 */
public record ApiOptions(String host, int port, Optional<LocalDate> asOf, Duration cypherTimeout, int cypherRowCap,
                         Optional<String> webRoot, Path stateDir, long uploadBytesPerDay, Letterhead letterhead) {

    public ApiOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0–65535: " + port);
        }
        if (cypherRowCap < 1 || cypherRowCap > 100_000) {
            throw new IllegalArgumentException("row cap must be 1–100000: " + cypherRowCap);
        }
        if (uploadBytesPerDay < 0) {
            throw new IllegalArgumentException("the daily upload limit cannot be negative");
        }
    }

    /** The as-of date: fixed, or today in China. */
    public LocalDate today() {
        return asOf.orElseGet(() -> LocalDate.now(LegalAge.ZONE));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: 127.0.0.1, port 8080, as of today, 10 s and 10,000 rows for ad-hoc queries, no web view, data/state,
     * 200 MiB of uploads per user per day, documents from 人民检察院 numbered with a prefix derived from that name.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private LocalDate asOf;
        private Duration cypherTimeout = Duration.ofSeconds(10);
        private int cypherRowCap = 10_000;
        private String webRoot;
        private Path stateDir = Path.of("data", "state");
        private long uploadBytesPerDay = 200L * 1024 * 1024;
        private String unitName = Letterhead.DEFAULT_UNIT;
        private String documentPrefix;

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder cypherTimeout(Duration timeout) {
            this.cypherTimeout = timeout;
            return this;
        }

        public Builder cypherRowCap(int rows) {
            this.cypherRowCap = rows;
            return this;
        }

        public Builder webRoot(String classPathFolder) {
            this.webRoot = classPathFolder;
            return this;
        }

        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** How many bytes one user may upload in a day (photos and videos together); default 200 MiB. */
        public Builder uploadBytesPerDay(long bytes) {
            this.uploadBytesPerDay = bytes;
            return this;
        }

        /** The procuratorate the documents come from, e.g. 烟台市牟平区人民检察院; null keeps the default. */
        public Builder unitName(String name) {
            this.unitName = name == null ? Letterhead.DEFAULT_UNIT : name;
            return this;
        }

        /** The prefix of document numbers (牟检); null derives it from the unit name. */
        public Builder documentPrefix(String prefix) {
            this.documentPrefix = prefix;
            return this;
        }

        public ApiOptions build() {
            return new ApiOptions(host, port, Optional.ofNullable(asOf), cypherTimeout, cypherRowCap,
                    Optional.ofNullable(webRoot), stateDir, uploadBytesPerDay, new Letterhead(unitName, documentPrefix));
        }
    }
}
