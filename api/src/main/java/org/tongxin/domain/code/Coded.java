package org.tongxin.domain.code;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A value with a code (as stored and sent), a Chinese and an English name — the statuses of casework and the roles.
 * An enum holds its {@link Names} and gets the accessors and the lookup by code from here.
 */
public interface Coded {

    /** The code and the two names of a value. */
    record Names(String code, String zh, String en) {
        public Names {
            Objects.requireNonNull(code);
            Objects.requireNonNull(zh);
            Objects.requireNonNull(en);
        }
    }

    Names names();

    default String code() {
        return names().code();
    }

    default String zh() {
        return names().zh();
    }

    default String en() {
        return names().en();
    }

    /** The constant of this enum with this code, if any. */
    static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
