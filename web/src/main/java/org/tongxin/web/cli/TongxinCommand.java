package org.tongxin.web.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tongxin}: the platform's command line. */
@Command(name = "tongxin", mixinStandardHelpOptions = true, version = "tongxin 0.1.0",
        description = "童心 Tongxin — graph analytics for prosecutors who protect minors.",
        subcommands = {GenerateCommand.class, IngestCommand.class, StatsCommand.class, ModelsCommand.class,
            LeadsCommand.class, VenuesCommand.class, ProfileCommand.class, ServeCommand.class, DemoCommand.class,
            UsersCommand.class, AuditCommand.class, KeysCommand.class, LawsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TongxinCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs with a clear one-line error and exit code 2 for failures, never a stack trace. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new TongxinCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + message(ex));
            if (Boolean.getBoolean("tongxin.debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 2;
        });
        return cl.execute(args);
    }

    static String message(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
