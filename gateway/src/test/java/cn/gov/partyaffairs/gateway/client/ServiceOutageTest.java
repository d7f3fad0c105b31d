package cn.gov.partyaffairs.gateway.client;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service that is down (nothing listens: the commitment and supervision services in tests) or hangs (it accepts
 * the connection and never answers: here the disclosure service) is a 503 problem with Retry-After, in Chinese first.
 * It says whether the change cannot have arrived, or may have: a hung service may have made it.
 */
@QuarkusTest
@TestProfile(ServiceOutageTest.HungDisclosureService.class)
class ServiceOutageTest {

    static final List<Socket> ACCEPTED = new CopyOnWriteArrayList<>();
    static final ServerSocket HUNG = listen();

    public static class HungDisclosureService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.services.disclosure", "http://127.0.0.1:" + HUNG.getLocalPort(),
                    "gateway.service-timeout", "2s");
        }
    }

    @Test
    void aServiceThatIsDownIsA503WithRetryAfterSayingNothingWasSent() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"YP-X1\",\"name\":\"x\",\"type\":\"school\"}")
                .when().post("/api/v1/internal/findings")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"))
                .body("title", equalTo("服务暂不可用 Service unavailable"))
                .body("detail", containsString("您填写的内容没有提交"))
                .body("detail", containsString("nothing was sent"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503WithRetryAfterSayingToLookFirst() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"YP-X1\",\"name\":\"x\",\"type\":\"school\"}")
                .when().post("/api/v1/internal/organizations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"))
                .body("detail", containsString("可能已经保存"))
                .body("detail", containsString("may or may not have been saved"));
    }

    /** The page that takes a comment without JavaScript answers with the same wait. */
    @Test
    void theCommentFormPassesTheWaitOn() {
        String organization = TestEvents.code("OUT");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        UUID disclosure = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", disclosure, 5,
                TestEvents.published(disclosure, organization, "PUBLIC", "鱼塘村公开", "2017-05", 1));
        TestEvents.await(() -> given().get("/api/public/disclosures/" + disclosure).statusCode() == 200);

        given().contentType(ContentType.URLENC).formParam("authorName", "村民").formParam("body", "请公开明细")
                .when().post("/disclosure.html?id=" + disclosure)
                .then().statusCode(503)
                .header("Retry-After", "5")
                .contentType(containsString("text/html"))
                .body(containsString("后台服务未能及时答复"));
    }

    @AfterAll
    static void close() throws IOException {
        HUNG.close();
        for (Socket socket : ACCEPTED) {
            socket.close();
        }
    }

    /** Accepts every connection and never answers. */
    private static ServerSocket listen() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        ACCEPTED.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hung-service");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
