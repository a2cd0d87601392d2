package org.tongxin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void manyFailuresFromOneAddressBlockItButNotANameThatLoggedInFromThereBefore() {
        throttle.succeeded("prosecutor", "10.0.0.1");
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.failed("guess-" + i, "10.0.0.1");
        }
        assertThat(throttle.blocked("someone-new", "10.0.0.1")).as("a new name from the guessing address").isPresent();
        assertThat(throttle.blocked("prosecutor", "10.0.0.1")).as("a name trusted from that address").isEmpty();
        assertThat(throttle.blocked("someone-new", "10.0.0.2")).as("another address").isEmpty();
        for (int i = LoginThrottle.PER_ADDRESS; i < LoginThrottle.PER_ADDRESS_TRUSTED; i++) {
            throttle.failed("guess-" + i, "10.0.0.1");
        }
        assertThat(throttle.blocked("prosecutor", "10.0.0.1")).as("the address as a whole is still capped").isPresent();
    }

    @Test
    void aTrustedNameIsStillLockedByItsOwnFailures() {
        throttle.succeeded("analyst", "10.0.0.1");
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            throttle.failed("analyst", "10.0.0.1");
        }
        assertThat(throttle.blocked("analyst", "10.0.0.1")).isPresent();
    }
}
