package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.api.http.Endpoint;

/** The OpenAPI description lists every endpoint the server answers, and the server sends its security headers. */
class OpenApiTest {

    private static TestCity city;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    @Test
    void everyEndpointIsDescribedWithItsParameters() {
        JsonNode doc = city.http.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        for (Endpoint e : ApiServer.endpoints(city.services)) {
            JsonNode op = doc.get("paths").get(e.path()).get(e.method().toLowerCase(Locale.ROOT));
            assertThat(op).as(e.method() + " " + e.path()).isNotNull();
            assertThat(op.get("summary").asText()).isNotBlank();
            e.params().stream().filter(p -> !p.in().equals("body")).forEach(p ->
                    assertThat(op.get("parameters").toString()).as(e.path()).contains("\"" + p.name() + "\""));
        }
    }

    @Test
    void everyGetWithoutPathParametersAnswersWithoutAServerError() {
        for (Endpoint e : ApiServer.endpoints(city.services)) {
            if (e.method().equals("GET") && !e.path().contains("{")) {
                assertThat(city.http.get(e.path()).status()).as(e.path()).isLessThan(500);
            }
        }
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        Http.Response r = city.http.get("/api/meta");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
