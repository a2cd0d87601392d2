package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.api.observer.Pictures;
import org.tongxin.domain.user.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad requests get a 4xx with a JSON reason, never a 500. */
class ErrorMappingTest {

    private static Http http;

    @BeforeAll
    static void city() throws Exception {
        http = TestCity.get().http;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/leads?page=abc | 400 | page",
        "/api/leads?size=0 | 400 | size",
        "/api/leads?size=100000 | 400 | size",
        "/api/leads?from=2026-13-01 | 400 | from",
        "/api/leads?severity=purple | 400 | severity",
        "/api/leads?model=nope | 400 | model",
        "/api/leads?status=lost | 400 | status",
        "/api/leads/0123456789abcdef | 404 | no lead",
        "/api/leads/xyz | 400 | 16 hex",
        "/api/graph/nodes/4:nothing:1 | 404 | no node",
        "/api/graph/nodes/4:nothing:1/neighbours | 404 | no node",
        "/api/graph/nodes/4:nothing:1/neighbours?limit=x | 400 | limit",
        "/api/graph/nodes/4:nothing:1/neighbours?kinds=Spaceship | 400 | kinds",
        "/api/graph/edges/5:nothing:1 | 404 | no relationship",
        "/api/graph/paths?from=a | 400 | to",
        "/api/graph/paths?from=a&to=a | 400 | two different",
        "/api/graph/paths?from=a&to=b | 404 | do not exist",
        "/api/records | 400 | rid",
        "/api/records?rid=nope:1 | 404 | no record",
        "/api/search | 400 | q",
        "/api/search?q=x&limit=0 | 400 | limit",
        "/api/venues?asOf=yesterday | 400 | asOf",
        "/api/profiles/4:nothing:1 | 404 | no such person",
        "/api/no/such/thing | 404 | no such address"})
    void aBadGetIsAClientErrorThatSaysWhy(String path, int status, String reason) {
        Http.Response r = http.get(path.strip(), "Accept-Language", "en-GB,en;q=0.9");
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).isNotBlank();
        assertThat(r.json().get("error").asText()).contains(reason.strip());
    }

    @Test
    void errorsSpeakChineseUnlessEnglishIsAskedFor() {
        Http.Response zh = http.get("/api/no/such/thing");
        assertThat(zh.json().get("code").asText()).isEqualTo("http.no-route");
        assertThat(zh.json().get("error").asText()).isEqualTo("没有这个地址：GET /api/no/such/thing");
        Http.Response en = http.get("/api/no/such/thing", "Accept-Language", "en");
        assertThat(en.json().get("error").asText()).isEqualTo("no such address: GET /api/no/such/thing");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "/api/cypher | not json | 400",
        "/api/cypher | {} | 400",
        "/api/cypher | {\"query\": \"MATCH (n RETURN n\"} | 400",
        "/api/cypher | {\"query\": \"RETURN 1\", \"timeoutSeconds\": 0} | 400",
        "/api/leads/0123456789abcdef/status | {\"to\": \"reviewing\"} | 404",
        "/api/leads/0123456789abcdef/status | [1,2] | 400"})
    void aBadPostIsAClientErrorThatSaysWhy(String path, String body, int status) {
        Http.Response r = http.post(path.strip(), body.strip());
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("error").asText()).isNotBlank();
    }

    @Test
    void aJsonBodyOfTenMegabytesIsTooLarge() {
        String big = "{\"query\": \"RETURN 1\", \"pad\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        Http.Response r = http.post("/api/cypher", big);
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.json().get("status").asInt()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("body.too-large");
        assertThat(r.json().get("error").asText()).isEqualTo("JSON 请求内容最多 1024 KiB");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "a URI of 20,000 characters | 414",
        "a malformed request line | 400",
        "a malformed header | 400"})
    void jettysOwnRefusalsCarryTheSecurityHeaders(String what, int status) throws Exception {
        String request = switch (what) {
            case "a URI of 20,000 characters" -> "GET /api/meta?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case "a malformed request line" -> "GET\u0001 / HTTP/9.9 garbage\r\nHost: x\r\n\r\n";
            default -> "GET /api/meta HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n";
        };
        String answer = raw(request);
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("content-security-policy: default-src 'self'", "x-frame-options: deny",
                "x-content-type-options: nosniff", "referrer-policy: no-referrer", "cache-control: no-store");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).contains("\"status\":" + status, "\"error\"");
    }

    @Test
    void aRequestJettyRefusesBeforeAnyRouteGetsTheProductsBodyInChinese() {
        Http.Response zh = http.get("/api/media/x%00.jpg");
        assertThat(zh.status()).as(zh.text()).isEqualTo(400);
        assertThat(zh.json().get("status").asInt()).isEqualTo(400);
        assertThat(zh.json().get("code").asText()).isEqualTo("http.bad-request");
        assertThat(zh.json().get("error").asText()).startsWith("请求格式不正确");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "a query string of 20,000 characters | 414 | http.uri-too-long | 地址过长",
        "a header of 20 KB | 431 | http.headers-too-large | 请求头过大"})
    void aRequestTooBigForJettyGetsTheProductsBodyInChinese(String what, int status, String code, String error)
            throws Exception {
        String request = what.startsWith("a query")
                ? "GET /api/meta?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
                : "GET /api/meta HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20 * 1024) + "\r\n\r\n";
        String answer = raw(request);
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status);
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("error").asText()).startsWith(error);
    }

    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestCity.get().app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    if (out.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // the server may close the connection right after its answer
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUploadIsNotHeldToTheJsonLimit() throws Exception {
        Http volunteer = TestCity.get().as(Role.VOLUNTEER);
        Http.Response r = volunteer.postBytes("/api/media", Pictures.mp4(45 * 1024 * 1024), "video/mp4");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("bytes").asLong()).isEqualTo(45L * 1024 * 1024);
    }
}
