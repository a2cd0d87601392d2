package org.tongxin.web.cli;

import io.javalin.Javalin;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tongxin.api.config.ApiOptions;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.web.server.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the API and the web view over a store until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ServerOptions serverOptions;

    @Override
    public Integer call() throws Exception {
        serve(storeOptions.open(), serverOptions, serverOptions.asOf, storeOptions.stateDir());
        return 0;
    }

    /**
     * Starts the server over an open store, prints its address, and blocks until the process is asked to stop;
     * then the server stops and the store closes cleanly, in the shutdown hook.
     */
    static void serve(GraphStore store, ServerOptions options, LocalDate asOf, java.nio.file.Path state)
            throws InterruptedException {
        serve(store, options, asOf, state, services -> { });
    }

    /** As {@link #serve(GraphStore, ServerOptions, LocalDate, java.nio.file.Path)}, running {@code afterStart} once the server answers. */
    static void serve(GraphStore store, ServerOptions options, LocalDate asOf, java.nio.file.Path state,
                      java.util.function.Consumer<org.tongxin.api.ApiServices> afterStart) throws InterruptedException {
        Javalin app;
        org.tongxin.api.ApiServices services;
        try {
            if (options.uploadMibPerDay < 1 || options.uploadMibPerDay > 100_000) {
                throw new IllegalArgumentException("--upload-mib-per-day is 1–100000");
            }
            services = WebServer.services(store, ApiOptions.builder().host(options.host).port(options.port).asOf(asOf)
                    .stateDir(state).uploadBytesPerDay(options.uploadMibPerDay * 1024L * 1024L)
                    .unitName(options.unitName).documentPrefix(options.documentPrefix));
            app = WebServer.start(services);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            store.close();
            stopped.countDown();
        }, "tongxin-stop"));
        System.out.println("Tongxin is serving at http://" + options.host + ":" + app.port() + "/ (Ctrl-C stops it)");
        System.out.flush();
        afterStart.accept(services);
        stopped.await();
    }

    /** Where the server listens, and who its documents come from. */
    static final class ServerOptions {
        @Option(names = "--port", defaultValue = "8080", description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Date the models judge ages by (default: today in China).")
        LocalDate asOf;

        @Option(names = "--upload-mib-per-day", defaultValue = "200",
                description = "How many MiB of photos and videos one user may upload in a day (default: ${DEFAULT-VALUE}).")
        long uploadMibPerDay;

        @Option(names = "--unit-name", paramLabel = "NAME", defaultValue = "人民检察院",
                description = "The procuratorate named in the header of case files and orders, e.g. 烟台市牟平区人民检察院 (default: ${DEFAULT-VALUE}).")
        String unitName;

        @Option(names = "--doc-prefix", paramLabel = "PREFIX",
                description = "Prefix of document numbers, e.g. 牟检 (default: derived from --unit-name).")
        String documentPrefix;
    }
}
