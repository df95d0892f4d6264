package th.onecitizen.bff.oauth;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Calls the application from another loopback address (127.0.y.x), as a client behind another network address:
 * the limits that count per remote address can be shown without touching 127.0.0.1, which the other tests use.
 */
final class FromAddress {

    private final String base;
    private final String address;

    FromAddress(String base, String address) {
        this.base = base;
        this.address = address;
    }

    /** A fresh address 127.0.y.x (y in 1..254, x in 10..249), different per call with high probability. */
    static String randomLoopback() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127.0." + random.nextInt(1, 255) + "." + random.nextInt(10, 250);
    }

    String address() {
        return address;
    }

    private HttpClient client(Map<String, String> headers) {
        // no pooling: every request connects from this address
        return HttpClient.newConnection().bindAddress(() -> new InetSocketAddress(address, 0))
                .followRedirect(false).responseTimeout(Duration.ofSeconds(20))
                .headers(h -> headers.forEach(h::set));
    }

    OAuthDriver.Answer get(String pathAndQuery) {
        return client(Map.of()).get().uri(base + pathAndQuery).responseSingle((r, body) -> answer(r, body.asString()))
                .block(Duration.ofSeconds(30));
    }

    OAuthDriver.Answer post(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", "application/x-www-form-urlencoded");
        return client(h).post().uri(base + path).send(ByteBufFlux.fromString(Mono.just(OAuthDriver.query(form))))
                .responseSingle((r, body) -> answer(r, body.asString())).block(Duration.ofSeconds(30));
    }

    private static Mono<OAuthDriver.Answer> answer(HttpClientResponse r, Mono<String> body) {
        return body.defaultIfEmpty("").map(b -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.responseHeaders().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT),
                    k -> new java.util.ArrayList<>()).add(e.getValue()));
            String type = r.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, "");
            Map<String, Object> json = null;
            if (type.contains("json") && !b.isEmpty()) {
                json = OAuthDriver.JSON.readValue(b, Map.class);
            }
            return new OAuthDriver.Answer(r.status().code(), r.responseHeaders().get(HttpHeaderNames.LOCATION), b,
                    json, headers);
        });
    }
}
