package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.SseTestClient;
import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.EventProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A viewer whose connection stops reading (a phone gone into a tunnel) is ended once its buffer is full, and the
 * others keep receiving every event in order: it holds back neither them nor the gateway's memory.
 */
@QuarkusTest
@TestProfile(SlowStreamClientTest.SmallBuffers.class)
class SlowStreamClientTest {

    private static final int EVENTS = 600;

    public static class SmallBuffers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.stream.client-buffer", "8");
        }
    }

    @Inject
    StreamHub hub;

    @TestHTTPResource("/api/public/stream")
    URL stream;

    @Test
    void aClientThatStopsReadingIsEndedAndTheOthersGetEverything() throws Exception {
        int before = hub.subscribers();
        try (Socket slow = new Socket(); SseTestClient healthy = new SseTestClient(stream, null, null)) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            OutputStream request = slow.getOutputStream();
            request.write("GET /api/public/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscribers() == before + 2);

            String organization = TestEvents.code("SLOW");
            String body = "惠民资金发放明细。".repeat(400);
            List<EventProbe.Outgoing> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                UUID id = UUID.randomUUID();
                events.add(new EventProbe.Outgoing(id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(),
                        TestEvents.DISCLOSURE + "DisclosurePublished.v1", id, 5),
                        TestEvents.published(id, organization, "PUBLIC", organization + "-" + i, "2017-03", 1)
                                .replace("一、本期重点工作；二、惠民资金发放情况。", body)));
            }
            EventProbe.sendAll("disclosure.events", events);

            await().atMost(Duration.ofSeconds(120)).until(() -> healthy.dataContaining(organization + "-").size() == EVENTS);
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscribers() == before + 1);
            assertEquals(EVENTS, healthy.dataContaining(organization + "-").stream().distinct().count(), "every event once");
        }
    }
}
