package org.tongxin.web.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.domain.user.UserStore;
import org.tongxin.model.id.IdNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Users: 'users add NAME --role ROLE [--unit CODE] [--department D]' prints a generated password; "
                + "'users list'; 'users assign NAME --minor ID' gives a social worker or psychologist a minor.")
final class UsersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "add | list | assign")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = "--role", description = "prosecutor, analyst, department, social_worker, psychologist, guardian or volunteer")
    String role;

    @Option(names = "--unit", paramLabel = "CODE", description = "the user's unit (e.g. the procuratorate's code)")
    String unit;

    @Option(names = "--department", paramLabel = "D", description = "department staff: which department")
    String department;

    @Option(names = "--minor", paramLabel = "ID", description = "identity number of the minor to assign")
    String minor;

    @Mixin
    StateOptions stateOptions;

    @Override
    public Integer call() {
        UserStore users = new UserStore(stateOptions.state);
        switch (action) {
            case "add" -> {
                requireName();
                Role r = Role.of(role == null ? "" : role)
                        .orElseThrow(() -> new IllegalArgumentException("--role must be one of: " + Role.codes()));
                if (department != null && !Departments.known(department)) {
                    throw new IllegalArgumentException("--department must be one of " + Departments.all().keySet());
                }
                String password = users.add(name, r, unit, department);
                System.out.println("user " + name + " (" + r.code() + ") created; password: " + password);
            }
            case "list" -> users.all().forEach(u -> System.out.println(line(u)));
            case "assign" -> {
                requireName();
                var check = IdNumber.check(minor == null ? "" : minor);
                if (!check.valid()) {
                    throw new IllegalArgumentException("--minor must be a valid identity number: " + check.reason());
                }
                User u = users.assign(name, check.id().value());
                System.out.println(line(u));
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (add, list, assign)");
        }
        return 0;
    }

    private void requireName() {
        if (name == null) {
            throw new IllegalArgumentException("a user NAME is required");
        }
    }

    private static String line(User u) {
        return u.name() + "\t" + u.role().code() + "\t" + (u.unit() == null ? "" : u.unit()) + "\t"
                + (u.department() == null ? "" : u.department()) + "\t" + u.assignedMinors().size() + " minors assigned";
    }

    /** One user per role for the demo (department staff: education), with their passwords, for printing. */
    static Map<String, String> demoUsers(Path state) {
        UserStore users = new UserStore(state);
        Map<Role, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Arrays.stream(Role.values()).parallel().forEach(r -> passwords.put(r,
                users.add(demoName(r), r, "370612-JCY", r == Role.DEPARTMENT ? "education" : null)));
        Map<String, String> out = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            out.put(demoName(r), String.format("%-22s %-14s %s", demoName(r), r.zh(), passwords.get(r)));
        }
        return out;
    }

    private static String demoName(Role r) {
        return "demo-" + r.code().replace('_', '-');
    }
}
