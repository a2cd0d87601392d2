package org.tongxin.domain.user;

import java.util.List;

/**
 * A user: name, role, the unit they work for, for department staff their department, for social workers and
 * psychologists the minors (identity numbers) assigned to them; the password only as its Argon2id hash.
 */
public record User(String name, Role role, String unit, String department, List<String> assignedMinors,
                   String passwordHash, String createdAt) {
    public User {
        if (name == null || !name.matches("[\\p{L}\\p{N}_.\\-]{2,32}")) {
            throw new IllegalArgumentException("a user name is 2–32 letters, digits, '_', '.' or '-'");
        }
        if (role == null) {
            throw new IllegalArgumentException("a user needs a role: " + Role.codes());
        }
        if (role == Role.DEPARTMENT && (department == null || department.isBlank())) {
            throw new IllegalArgumentException("department staff need --department");
        }
        assignedMinors = assignedMinors == null ? List.of() : List.copyOf(assignedMinors);
    }

    public User withAssigned(List<String> minors) {
        return new User(name, role, unit, department, minors, passwordHash, createdAt);
    }
}
