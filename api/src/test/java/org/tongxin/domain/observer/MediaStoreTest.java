package org.tongxin.domain.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.api.observer.Pictures;
import org.tongxin.domain.problem.Problem;

class MediaStoreTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-27T04:00:00Z"), ZoneOffset.UTC);

    @Test
    void aUserOverTheDailyLimitIsRefusedUntilTomorrowAndOthersAreNot(@TempDir Path state) throws Exception {
        byte[] photo = Pictures.image("png", 200, 200);
        MediaStore store = new MediaStore(state, photo.length * 2L + 10, NOON);
        store.accept("ann", new ByteArrayInputStream(photo));
        store.accept("ann", new ByteArrayInputStream(Pictures.image("png", 201, 200)));
        long files = store.storedFiles();
        assertThatThrownBy(() -> store.accept("ann", new ByteArrayInputStream(Pictures.image("png", 202, 200))))
                .isInstanceOfSatisfying(Problem.class, e -> {
                    assertThat(e.code()).isEqualTo("observer.upload-daily-limit");
                    assertThat(e.getMessage()).contains("daily upload limit");
                    assertThat(e.retryAfterSeconds()).isEqualTo(12 * 3600);
                });
        assertThat(store.storedFiles()).isEqualTo(files);
        store.accept("bob", new ByteArrayInputStream(photo));
        MediaStore tomorrow = new MediaStore(state, photo.length * 2L + 10, Clock.offset(NOON, java.time.Duration.ofDays(1)));
        tomorrow.accept("ann", new ByteArrayInputStream(Pictures.image("png", 203, 200)));
    }

    @Test
    void theSameContentIsStoredOnceAndTheLimitSurvivesARestart(@TempDir Path state) throws Exception {
        byte[] photo = Pictures.image("jpg", 100, 80);
        MediaStore store = new MediaStore(state, 10_000_000, NOON);
        var a = store.accept("ann", new ByteArrayInputStream(photo));
        var b = store.accept("bob", new ByteArrayInputStream(photo));
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(store.storedFiles()).isEqualTo(1);
        assertThat(store.uploadedBy(a.id(), "ann")).isTrue();
        assertThat(store.uploadedBy(a.id(), "bob")).isTrue();
        assertThat(store.uploadedBy(a.id(), "cat")).isFalse();
        MediaStore again = new MediaStore(state, photo.length + 1L, NOON);
        assertThat(again.get(a.id())).isPresent();
        assertThatThrownBy(() -> again.accept("ann", new ByteArrayInputStream(Pictures.image("jpg", 90, 80))))
                .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.kind()).isEqualTo(Problem.Kind.TOO_MANY));
    }
}
