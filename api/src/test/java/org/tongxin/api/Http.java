package org.tongxin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A small client for the tests: real HTTP to the real server, with its own cookies (its own session). */
public final class Http {

    /** A response: status, headers, body as bytes and text, and as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(Map.Entry::getValue).orElse(List.of());
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client;
    private final String csrf;

    /** A client without a session. */
    public Http(String base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), null);
    }

    private Http(String base, HttpClient client, String csrf) {
        this.base = base;
        this.client = client;
        this.csrf = csrf;
    }

    /** A client logged in as this user; its POSTs carry the session's CSRF token. */
    public static Http loggedIn(String base, String user, String password) {
        Http h = new Http(base);
        Response r = h.post("/api/login", Map.of("user", user, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + user + " failed: " + r.text());
        }
        return new Http(base, h.client, r.json().get("csrf").asText());
    }

    /** The same session, but POSTs without the CSRF header. */
    public Http withoutCsrf() {
        return new Http(base, client, null);
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response post(String path, Object body) {
        return post(path, body, "Accept-Language", "zh-CN");
    }

    /** POSTs JSON with one extra request header (e.g. Accept-Language). */
    public Response post(String path, Object body, String header, String value) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header(header, value).POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            return send(b.build());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** POSTs raw bytes (an upload) with the given content type. */
    public Response postBytes(String path, byte[] bytes, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b.build());
    }

    /** GETs with one extra request header (e.g. Range). */
    public Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET().build());
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest r) {
        try {
            HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(resp.statusCode(), resp.headers().map(), resp.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
