package cn.gov.partyaffairs.gateway.client;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A visitor's own X-Forwarded-For does not reach the services: the once-per-client evaluation and the rate limits
 * key on the address the gateway saw, unless a trusted proxy (here none: only 10.9.9.9 is) said otherwise.
 */
@QuarkusTest
@TestProfile(ClientAddressTest.UntrustedCaller.class)
class ClientAddressTest {

    /** The commitment service's stand-in: records the X-Forwarded-For of each request it receives. */
    static final LinkedBlockingQueue<String> FORWARDED_FOR = new LinkedBlockingQueue<>();
    static final HttpServer COMMITMENT = start();

    public static class UntrustedCaller implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "10.9.9.9",
                    "gateway.services.commitment", "http://localhost:" + COMMITMENT.getAddress().getPort());
        }
    }

    @Test
    void aMadeUpForwardedForIsReplacedByTheAddressTheGatewaySaw() throws InterruptedException {
        given().header("X-Forwarded-For", "203.0.113.77").contentType("application/json")
                .body("{\"rating\":\"SATISFIED\"}")
                .when().post("/api/public/commitments/" + UUID.randomUUID() + "/evaluations")
                .then().statusCode(201);
        assertEquals("127.0.0.1", FORWARDED_FOR.poll(10, TimeUnit.SECONDS));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                FORWARDED_FOR.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] body = "{}".getBytes();
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
