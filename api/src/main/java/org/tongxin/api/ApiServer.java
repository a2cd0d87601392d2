package org.tongxin.api;

import org.tongxin.api.meta.LabelsRoutes;
import org.tongxin.api.meta.MetaRoutes;
import org.tongxin.ingest.mapping.Labels;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.api.config.ApiOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.api.audit.AuditRoutes;
import org.tongxin.api.cypher.CypherRoutes;
import org.tongxin.api.graph.GraphRoutes;
import org.tongxin.api.graph.ProfileRoutes;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Errors;
import org.tongxin.api.http.Json;
import org.tongxin.api.http.SecurityHeaders;
import org.tongxin.api.law.LawRoutes;
import org.tongxin.api.lead.LeadRoutes;
import org.tongxin.api.education.EducationRoutes;
import org.tongxin.api.order.OrderRoutes;
import org.tongxin.api.board.BoardRoutes;
import org.tongxin.api.observer.ObserverRoutes;
import org.tongxin.domain.board.ThreadScope;
import org.tongxin.api.openapi.OpenApi;
import org.tongxin.api.search.SearchRoutes;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.AuthRoutes;
import org.tongxin.api.security.UserRoutes;
import org.tongxin.api.venue.VenueRoutes;
import org.tongxin.domain.graph.Profiles;
import org.tongxin.domain.graph.Timeline;
import org.tongxin.api.view.ViewRoutes;
import org.tongxin.domain.assignment.Assignments;

/**
 * The HTTP server: the endpoint table, errors mapped in one place, security headers on every response, the
 * OpenAPI description, and — when {@link ApiOptions#webRoot()} is set — the web view and its WebJars.
 */
public final class ApiServer {

    private ApiServer() {
    }

    /** Every endpoint, in the order the OpenAPI description lists them. */
    public static List<Endpoint> endpoints(ApiServices s) {
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new AuthRoutes(s.access(), s.graph()).endpoints());
        all.addAll(new UserRoutes(s.access()).endpoints());
        all.addAll(new MetaRoutes(s.kinds(), s.options()).endpoints());
        all.addAll(new LabelsRoutes(Labels.bundled(), Mappings.bundled()).endpoints());
        all.addAll(new LeadRoutes(s.leads(), s.workflow(), s.exports(), s.access()).endpoints());
        all.addAll(new GraphRoutes(s.graph(), new Timeline(s.store(), s.kinds(), s.graph()), s.access()).endpoints());
        all.addAll(new ViewRoutes(s.views(), s.access()).endpoints());
        all.addAll(new SearchRoutes(s.search(), s.access()).endpoints());
        all.addAll(new VenueRoutes(s.venues(), s.options()).endpoints());
        all.addAll(new ProfileRoutes(new Profiles(s.store(), s.graph()), s.education()::forPerson, s.access(), s.options()).endpoints());
        all.addAll(new CypherRoutes(s.cypher(), s.access()).endpoints());
        all.addAll(new AuditRoutes(s.access(), s.graph(), new Assignments(s.access().users(), s.graph()), s.options()).endpoints());
        all.addAll(new LawRoutes(s.laws(), s.lawSearch()).endpoints());
        all.addAll(new ObserverRoutes(s.submissions(), s.submissions().media(), s.submissions().classifier(), s.access()).endpoints());
        all.addAll(new OrderRoutes(s.orders(), s.leads(), s.graph(), s.access(), s.board(), s.options(), s.store().pseudonyms()).endpoints());
        all.addAll(new BoardRoutes(s.board(), new ThreadScope(
                order -> java.util.Objects.toString(s.orders().detail(order).guardianUser(), ""), s.graph()::personId),
                s.access()).endpoints());
        all.addAll(new EducationRoutes(s.education(), s.submissions().media(), s.access(), s.graph()::personId, s.options()::today).endpoints());
        all.addAll(new org.tongxin.api.stats.StatsRoutes(new org.tongxin.domain.stats.Statistics(s.store()), s.access()).endpoints());
        return List.copyOf(all);
    }

    /** Creates and starts the server; {@code port 0} picks a free one ({@link Javalin#port()}). */
    public static Javalin start(ApiServices s) {
        List<Endpoint> endpoints = endpoints(s);
        ObjectNode openApi = OpenApi.document(endpoints, "0.1.0");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = Bodies.MAX_JSON_BYTES;
            s.options().webRoot().ifPresent(root -> {
                config.staticFiles.add(f -> {
                    f.hostedPath = "/";
                    f.directory = root;
                    f.location = Location.CLASSPATH;
                });
                config.staticFiles.enableWebjars();
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(SecurityHeaders.jettyErrors()));
            config.routes.before(SecurityHeaders::apply);
            Errors.register(config.routes);
            s.access().guard(config.routes);
            config.routes.get("/openapi.json", ctx -> ctx.json(openApi));
            for (Endpoint e : endpoints) {
                switch (e.method()) {
                    case "GET" -> config.routes.get(e.path(), e.handler(), Access.routeRoles(e));
                    case "POST" -> config.routes.post(e.path(), e.handler(), Access.routeRoles(e));
                    default -> throw new IllegalStateException(e.method());
                }
            }
        });
        return app.start(s.options().host(), s.options().port());
    }
}
