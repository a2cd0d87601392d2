package org.tongxin.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * Drives a running server over HTTP at a fixed request rate (open loop: requests leave on schedule whether or not
 * earlier ones have answered, and latency counts from the scheduled moment, so a stall is not hidden) with a mix
 * of lead lists (30 %), lead details (30 %), neighbourhoods (20 %) and searches (20 %), as a logged-in prosecutor.
 * Prints throughput, p50/p95/p99/max latency and errors, overall and per kind.
 */
public final class ApiBenchmark {

    /** One answered (or failed) request. */
    record Sample(String kind, long micros, boolean ok) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient client;
    private final Random random = new Random(7);
    private final List<String> refs = new ArrayList<>();
    private final List<String> nodes = new ArrayList<>();
    private final List<String> words = new ArrayList<>();

    private ApiBenchmark(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static String run(String url, String user, String password, int rate, int seconds, int warmupSeconds)
            throws Exception {
        if (rate < 1 || rate > 5000 || seconds < 1) {
            throw new IllegalArgumentException("rate must be 1–5000 requests/s and seconds at least 1");
        }
        ApiBenchmark b = new ApiBenchmark(url);
        b.login(user, password);
        b.collectTargets();
        b.drive(rate, warmupSeconds, new ConcurrentLinkedQueue<>());
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        b.drive(rate, seconds, samples);
        double wall = (System.nanoTime() - t0) / 1e9;
        return report(new ArrayList<>(samples), rate, seconds, wall, warmupSeconds);
    }

    private void login(String user, String password) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("user", user, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalArgumentException("login failed (" + r.statusCode() + "): " + r.body());
        }
    }

    /** Lead references, node ids and search words taken from the server's own answers. */
    private void collectTargets() throws Exception {
        JsonNode list = get("/api/leads?size=200");
        list.get("items").forEach(l -> refs.add(l.get("ref").asText()));
        if (refs.isEmpty()) {
            throw new IllegalStateException("the server has no leads; run the models first");
        }
        for (String ref : refs.subList(0, Math.min(40, refs.size()))) {
            JsonNode g = get("/api/leads/" + ref).get("graph");
            g.get("nodes").forEach(n -> {
                if (!n.get("kind").asText().equals("Lead")) {
                    nodes.add(n.get("id").asText());
                }
                if (n.get("kind").asText().equals("Person") || n.get("kind").asText().equals("Venue")) {
                    String c = n.get("caption").asText();
                    words.add(c.length() > 2 ? c.substring(c.length() - 2) : c);
                }
            });
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private void drive(int rate, int seconds, ConcurrentLinkedQueue<Sample> samples) throws Exception {
        long interval = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String[] req = next();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + req[1])).timeout(Duration.ofSeconds(10)).build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((resp, err) -> {
                samples.add(new Sample(req[0], (System.nanoTime() - due) / 1000, err == null && resp.statusCode() == 200));
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).get();
    }

    private String[] next() {
        int x = random.nextInt(100);
        if (x < 30) {
            String[] filters = {"", "&model=venue", "&severity=red", "&model=guardianship", "&status=new"};
            return new String[] {"list", "/api/leads?size=50&page=1" + filters[random.nextInt(filters.length)]};
        }
        if (x < 60) {
            return new String[] {"detail", "/api/leads/" + refs.get(random.nextInt(refs.size()))};
        }
        if (x < 80) {
            return new String[] {"neighbours", "/api/graph/nodes/" + enc(nodes.get(random.nextInt(nodes.size())))
                    + "/neighbours?limit=25"};
        }
        return new String[] {"search", "/api/search?q=" + enc(words.get(random.nextInt(words.size())))};
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String report(List<Sample> samples, int rate, int seconds, double wall, int warmup) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("bench api: %d requests/s offered for %d s (after %d s warm-up), open loop%n", rate, seconds, warmup));
        out.append(String.format("%-11s %8s %8s %9s %9s %9s %9s %7s%n", "kind", "requests", "per s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "errors"));
        Map<String, List<Sample>> byKind = new TreeMap<>();
        samples.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s));
        byKind.forEach((k, list) -> out.append(line(k, list, wall)));
        out.append(line("all", samples, wall));
        return out.toString();
    }

    private static String line(String kind, List<Sample> list, double wall) {
        long[] micros = list.stream().mapToLong(Sample::micros).toArray();
        Arrays.sort(micros);
        long errors = list.stream().filter(s -> !s.ok()).count();
        return String.format("%-11s %8d %8.1f %9.1f %9.1f %9.1f %9.1f %7d%n", kind, list.size(), list.size() / wall,
                pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0,
                errors);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1000.0;
    }
}
