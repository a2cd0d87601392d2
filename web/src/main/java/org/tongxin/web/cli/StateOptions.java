package org.tongxin.web.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the users and the audit log live: {@code --state DIR}. */
public final class StateOptions {

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "data/state",
            description = "Users and the audit log (default: ${DEFAULT-VALUE}).")
    Path state;
}
