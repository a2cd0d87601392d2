package org.tongxin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.api.Http;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Errors;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.UserStore;

/**
 * A failed login takes as long for an unknown name as for a known one with a wrong password. The server here has
 * only the session endpoints and its own throttle, so the failures it counts for 127.0.0.1 do not lock out the
 * logins of the tests that share the city's server.
 */
class LoginTimingTest {

    private Javalin app;
    private Http http;
    private String password;

    @BeforeEach
    void start(@TempDir Path state) {
        Access access = new Access(new UserStore(state), new AuditLog(state), Clock.systemUTC());
        password = access.users().add("timed-user", Role.ANALYST, null, null);
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            Errors.register(c.routes);
            access.guard(c.routes);
            for (Endpoint e : new AuthRoutes(access, null).endpoints()) {
                if (e.method().equals("GET")) {
                    c.routes.get(e.path(), e.handler(), Access.routeRoles(e));
                } else {
                    c.routes.post(e.path(), e.handler(), Access.routeRoles(e));
                }
            }
        }).start("127.0.0.1", 0);
        http = new Http("http://127.0.0.1:" + app.port());
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void anUnknownNameFailsAsSlowlyAsAWrongPasswordAndBothAreThrottled() {
        assertThat(login("timed-user", password)).isEqualTo(200);
        assertThat(login("timed-user", password)).isEqualTo(200);
        List<Long> unknown = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            unknown.add(timed("no-such-user", "wrong-" + i));
            known.add(timed("timed-user", "wrong-" + i));
        }
        double ratio = (double) median(unknown) / median(known);
        assertThat(ratio).as("median unknown %s ns / known %s ns", median(unknown), median(known)).isBetween(0.5, 2.0);
        assertThat(login("no-such-user", "wrong")).isEqualTo(429);
        assertThat(login("timed-user", password)).isEqualTo(429);
    }

    private long timed(String user, String pw) {
        long t0 = System.nanoTime();
        assertThat(login(user, pw)).isEqualTo(401);
        return System.nanoTime() - t0;
    }

    private int login(String user, String pw) {
        return http.post("/api/login", Map.of("user", user, "password", pw)).status();
    }

    private static long median(List<Long> xs) {
        return xs.stream().sorted().toList().get(xs.size() / 2);
    }
}
