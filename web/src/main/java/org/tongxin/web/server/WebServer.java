package org.tongxin.web.server;

import io.javalin.Javalin;
import org.tongxin.api.config.ApiOptions;
import org.tongxin.api.ApiServer;
import org.tongxin.api.ApiServices;
import org.tongxin.ingest.store.GraphStore;

/** The API with the web view: the same server, plus the pages under {@link #WEB_ROOT} and their WebJars. */
public final class WebServer {

    /** Class-path folder of the web view's pages, scripts and styles. */
    public static final String WEB_ROOT = "/org/tongxin/web/public";

    private WebServer() {
    }

    /** Starts the server over a store; the search index is built before it returns. */
    public static Javalin start(GraphStore store, ApiOptions.Builder options) {
        return start(services(store, options));
    }

    public static ApiServices services(GraphStore store, ApiOptions.Builder options) {
        return ApiServices.over(store, options.webRoot(WEB_ROOT).build());
    }

    public static Javalin start(ApiServices services) {
        services.search().rebuild();
        return ApiServer.start(services);
    }
}
