package cn.gov.partyaffairs.gateway.client;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the gateway's own trusted-proxy setting (not overridden here), a request — with or without X-Forwarded-For —
 * makes no DNS query. The gateway's resolver points at a stand-in DNS server that counts the queries it gets and
 * never answers, as a county intranet without DNS behaves; a host-like entry among the trusted proxies (the old
 * {@code 0:0:0:0:0:0:0:1}) sent every request there and stalled it for the resolver's time-out.
 */
@QuarkusTest
@TestProfile(NoDnsOnTheRequestPathTest.SilentResolver.class)
class NoDnsOnTheRequestPathTest {

    static final AtomicInteger QUERIES = new AtomicInteger();
    static final DatagramSocket DNS = listen();

    public static class SilentResolver implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.vertx.resolver.servers", "127.0.0.1:" + DNS.getLocalPort());
        }
    }

    @Test
    void aRequestMakesNoDnsQuery() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/public/statistics").then().statusCode(200);
            given().header("X-Forwarded-For", "203.0.113.9").when().get("/api/public/statistics").then().statusCode(200);
        }
        assertEquals(0, QUERIES.get(), "DNS queries made while answering requests");
    }

    @AfterAll
    static void close() {
        DNS.close();
    }

    private static DatagramSocket listen() {
        try {
            DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            Thread counter = new Thread(() -> {
                byte[] buffer = new byte[512];
                while (!socket.isClosed()) {
                    try {
                        socket.receive(new DatagramPacket(buffer, buffer.length));
                        QUERIES.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-dns");
            counter.setDaemon(true);
            counter.start();
            return socket;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
