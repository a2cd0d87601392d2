package org.tongxin.domain.workflow;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps a kind of casework allows, as data: from-state → the states it may go to. Built once per kind and
 * immutable. A node whose stored status is missing or unknown counts as being in the {@link #initial} state.
 *
 * <pre>{@code
 * static final Transitions<OrderStatus> STEPS = Transitions.of(OrderStatus.values(), OrderStatus.DRAFT)
 *         .allow(DRAFT, ISSUED, CANCELLED).allow(ISSUED, ACKNOWLEDGED, CLOSED).allow(ACKNOWLEDGED, CLOSED).build();
 * }</pre>
 */
public final class Transitions<S extends State> {

    private final Map<String, S> byCode;
    private final Map<S, Set<S>> next;
    private final S initial;

    private Transitions(Map<String, S> byCode, Map<S, Set<S>> next, S initial) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<S, Set<S>> copy = new LinkedHashMap<>();
        next.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        this.next = Collections.unmodifiableMap(copy);
        this.initial = initial;
    }

    /** Starts the transitions over {@code states} (in their order); a node with no or an unknown status is {@code initial}. */
    @SafeVarargs
    public static <S extends State> Builder<S> of(S initial, S... states) {
        return new Builder<>(Arrays.asList(states), initial);
    }

    /** The state a stored code names; an unknown or missing code is the initial state. */
    public S stored(String code) {
        S s = code == null ? null : byCode.get(code);
        return s != null ? s : initial;
    }

    /** The state a request names, if it is one of these. */
    public Optional<S> state(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The codes of every state, in the order given. */
    public List<String> codes() {
        return byCode.keySet().stream().toList();
    }

    public S initial() {
        return initial;
    }

    /** The states {@code from} may go to (none for a final state). */
    public Set<S> next(S from) {
        return next.getOrDefault(from, Set.of());
    }

    public boolean allows(S from, S to) {
        return next(from).contains(to);
    }

    /** The codes {@code from} may go to, in order. */
    public List<String> nextCodes(S from) {
        return next(from).stream().map(State::code).toList();
    }

    public static final class Builder<S extends State> {
        private final Map<String, S> byCode = new LinkedHashMap<>();
        private final Map<S, Set<S>> next = new LinkedHashMap<>();
        private final S initial;

        private Builder(List<S> states, S initial) {
            states.forEach(s -> byCode.put(s.code(), s));
            if (initial != null && !byCode.containsKey(initial.code())) {
                throw new IllegalArgumentException("initial state " + initial.code() + " is not among the states");
            }
            this.initial = initial;
        }

        /** {@code from} may go to each of {@code to}. */
        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            for (S s : to) {
                if (!byCode.containsKey(s.code()) || !byCode.containsKey(from.code())) {
                    throw new IllegalArgumentException("unknown state in " + from.code() + " → " + s.code());
                }
                next.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(s);
            }
            return this;
        }

        public Transitions<S> build() {
            return new Transitions<>(byCode, next, initial);
        }
    }
}
