package org.tongxin.api.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** Generic types for {@link Endpoint#returns}: {@code listOf(Lead.class)} is {@code List<Lead>}. */
public final class Types {

    private Types() {
    }

    public static Type listOf(Type element) {
        return parameterized(List.class, element);
    }

    public static Type mapOf(Type value) {
        return parameterized(Map.class, String.class, value);
    }

    private static Type parameterized(Class<?> raw, Type... args) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return args.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String toString() {
                return raw.getSimpleName() + "<" + String.join(", ", java.util.Arrays.stream(args).map(Type::getTypeName).toList()) + ">";
            }
        };
    }
}
