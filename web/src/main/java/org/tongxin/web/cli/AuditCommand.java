package org.tongxin.web.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongxin.domain.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "'audit verify': check the audit log's hash chain; exit 0 when intact, 1 naming the first broken entry.")
final class AuditCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ACTION", description = "verify")
    String action;

    @Mixin
    StateOptions stateOptions;

    @Override
    public Integer call() {
        if (!action.equals("verify")) {
            throw new IllegalArgumentException("unknown action '" + action + "' (verify)");
        }
        Path file = stateOptions.state.resolve("audit.jsonl");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no audit log at " + file);
        }
        AuditLog.Verification v = AuditLog.verify(file);
        if (v.intact()) {
            System.out.println("audit log intact: " + v.entries() + " entries, " + file);
            return 0;
        }
        System.out.println("audit log BROKEN at entry " + v.firstBroken() + ": " + v.reason() + " (" + v.entries()
                + " entries before it are intact), " + file);
        return 1;
    }
}
