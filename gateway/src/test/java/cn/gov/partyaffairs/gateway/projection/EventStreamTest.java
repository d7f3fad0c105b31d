package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.SseTestClient;
import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live streams: public-safe events only on the public one, and a reconnecting client gets exactly what it missed. */
@QuarkusTest
class EventStreamTest {

    @TestHTTPResource("/api/public/stream")
    URL publicStream;

    @TestHTTPResource("/api/internal/stream")
    URL internalStream;

    @Test
    void publicStreamCarriesPublicEventsOnlyAndResumesWithLastEventId() throws Exception {
        String organization = TestEvents.code("S");
        String lastSeen;
        try (SseTestClient client = new SseTestClient(publicStream, null, null)) {
            Thread.sleep(500); // let it subscribe: a client without Last-Event-ID starts at the head of the log
            UUID first = UUID.randomUUID();
            TestEvents.send("disclosure.DisclosurePublished", first, 5,
                    TestEvents.published(first, organization, "PUBLIC", organization + "-公开一", "2017-03", 1));
            UUID internal = UUID.randomUUID();
            TestEvents.send("disclosure.DisclosurePublished", internal, 5,
                    TestEvents.published(internal, organization, "PARTY_PART", organization + "-党内", "2017-03", 1));
            UUID marker = UUID.randomUUID();
            TestEvents.send("disclosure.DisclosurePublished", marker, 5,
                    TestEvents.published(marker, organization, "PUBLIC", organization + "-公开二", "2017-04", 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> client.dataContaining(organization + "-公开二").size() == 1);
            assertEquals(1, client.dataContaining(organization + "-公开一").size());
            assertTrue(client.dataContaining(organization + "-党内").isEmpty(), "party-internal never on the public stream");
            lastSeen = client.lastIdContaining(organization + "-公开二");
        }

        // While nobody listens, three more happen (one of them internal).
        for (String suffix : new String[] {"-错过一", "-错过党内", "-错过二"}) {
            UUID id = UUID.randomUUID();
            TestEvents.send("disclosure.DisclosurePublished", id, 5, TestEvents.published(id, organization,
                    suffix.contains("党内") ? "PARTY_WIDE" : "PUBLIC", organization + suffix, "2017-05", 1));
        }
        try (SseTestClient internalClient = new SseTestClient(internalStream, "0", TestTokens.countyAdmin())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> internalClient.dataContaining(organization + "-错过二").size() == 1);
            assertEquals(1, internalClient.dataContaining(organization + "-错过党内").size(), "officials see internal events");
        }
        try (SseTestClient resumed = new SseTestClient(publicStream, lastSeen, null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.dataContaining(organization + "-错过二").size() == 1);
            Thread.sleep(1000);
            List<String> mine = resumed.dataContaining(organization);
            assertEquals(2, mine.size(), "exactly the two public events it missed: " + mine);
            assertTrue(mine.get(0).contains("-错过一") && mine.get(1).contains("-错过二"), mine.toString());
        }
    }

    @Test
    void theInternalStreamNeedsAToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(internalStream.toString()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
    }
}
