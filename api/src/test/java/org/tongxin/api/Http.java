package org.tongxin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A small client for the tests: real HTTP to the real server. */
public final class Http {

    /** A response: status, headers, body as bytes and text, and as JSON when it is JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {
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
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    public Http(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response post(String path, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
