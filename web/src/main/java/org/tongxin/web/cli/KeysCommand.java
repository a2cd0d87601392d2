package org.tongxin.web.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.KeyRotation;
import org.tongxin.model.privacy.Keyring;
import org.tongxin.model.privacy.Pseudonyms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The key that pseudonymises identity numbers, phones and addresses in the store.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Reveal.class})
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say 'keys rotate' or 'keys reveal' (see keys --help)");
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Seal every token in the store again under a new key, then drop the old key from the key file.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--keep-old", description = "Keep the old key in the key file (to read backups taken before).")
        boolean keepOld;

        @Override
        public Integer call() {
            try (GraphStore store = storeOptions.open()) {
                KeyRotation.Outcome o = KeyRotation.rotate(store, storeOptions.stateDir(), keepOld);
                System.out.printf("key %d → %d: %,d nodes and %,d relationships sealed again%s%n", o.fromVersion(),
                        o.toVersion(), o.nodes(), o.relationships(), keepOld ? " (old key kept)" : "");
            }
            return 0;
        }
    }

    @Command(name = "reveal", mixinStandardHelpOptions = true,
            description = "Copy standard input to standard output with every token opened (e.g. a quarantine file).")
    static final class Reveal implements Callable<Integer> {
        @Option(names = "--state", paramLabel = "DIR", defaultValue = "data/state",
                description = "State folder holding the key file (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path state;

        @Override
        public Integer call() throws Exception {
            Pseudonyms p = new Pseudonyms(Keyring.open(state));
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println(p.reveal(line));
                }
            }
            return 0;
        }
    }
}
