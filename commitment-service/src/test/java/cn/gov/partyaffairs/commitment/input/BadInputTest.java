package cn.gov.partyaffairs.commitment.input;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input anywhere in a request — path, query, header, body — is a 400 problem naming the field, and a
 * request too large to read a 413/414 problem: never a 500, never a value the service guessed at.
 */
@QuarkusTest
class BadInputTest {

    @TestHTTPResource("/")
    URL base;

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString("SQL")));
    }

    private static String evaluationsPath() {
        String department = TestCommitments.department("县交通运输局");
        return "/commitments/" + TestCommitments.pledge(TestTokens.departmentHead(department),
                TestCommitments.serviceBody(department, LocalDate.now().plusDays(30))) + "/evaluations";
    }

    private static io.restassured.specification.RequestSpecification visitor() {
        return given().header("X-Forwarded-For", "198.51.100.9-" + UUID.randomUUID()).contentType(ContentType.JSON);
    }

    @Test
    void anEnumIsTakenByItsNameOnlyNotByItsOrdinal() {
        String path = evaluationsPath();
        isProblem(visitor().body("{\"rating\":1}").when().post(path).then(), 400)
                .body("errors[0].field", equalTo("rating"))
                .body("errors[0].message", containsString("SATISFIED"));
        isProblem(visitor().body("{\"rating\":\"1\"}").when().post(path).then(), 400)
                .body("errors[0].field", equalTo("rating"));
    }

    @Test
    void aQueryFilterOutsideItsValuesIsA400NamingTheParameterNotA404() {
        isProblem(given().auth().oauth2(TestTokens.countyAdmin()).when().get("/commitments?status=DONE").then(), 400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("FULFILLED"));
        isProblem(given().auth().oauth2(TestTokens.countyAdmin()).when().get("/statistics?kind=service").then(), 400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("SERVICE"));
        // An empty filter, as a form sends it, is no filter.
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/commitments?status=").then().statusCode(200);
    }

    @Test
    void aNumberIsNotTakenAsText() {
        isProblem(visitor().body("{\"rating\":\"SATISFIED\",\"comment\":123}").when().post(evaluationsPath()).then(), 400)
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].message", containsString("文本"));
    }

    @Test
    void aNulByteInTextIsRefusedWhereverItIs() {
        isProblem(visitor().body("{\"rating\":\"SATISFIED\",\"comment\":\"路灯\\u0000亮了\"}")
                .when().post(evaluationsPath()).then(), 400)
                .body("errors[0].field", equalTo("comment"));
        isProblem(given().urlEncodingEnabled(false).when().get("/commitments?q=%00").then(), 400)
                .body("errors[0].field", equalTo("q"));
        isProblem(given().urlEncodingEnabled(false).when().get("/departments/%00").then(), 400)
                .body("errors[0].field", equalTo("path"));
        isProblem(given().urlEncodingEnabled(false).when().get("/commitments?q=%E4%B8").then(), 400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void pageAndSizeAreBounded() {
        isProblem(given().queryParam("page", 1_000_000_000).when().get("/commitments").then(), 400)
                .body("errors[0].field", equalTo("page"));
        isProblem(given().queryParam("page", -1).when().get("/commitments").then(), 400)
                .body("errors[0].field", equalTo("page"));
        isProblem(given().queryParam("size", 0).when().get("/commitments").then(), 400)
                .body("errors[0].field", equalTo("size"));
        isProblem(given().queryParam("page", "zwei").when().get("/commitments").then(), 400)
                .body("errors[0].field", equalTo("page"));
        given().auth().oauth2(TestTokens.countyAdmin()).queryParam("page", 10_000).queryParam("size", 200)
                .when().get("/commitments").then().statusCode(200);
    }

    @Test
    void anOverLongUrlIsA414Problem() {
        isProblem(given().queryParam("q", "长".repeat(3000)).when().get("/commitments").then(), 414)
                .body("detail", containsString("网址"));
    }

    @Test
    void anOversizedBodyIsA413ProblemBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /commitments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 999999999999\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8); // the server closes after it
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("payload-too-large"), answer);
        }
    }

    /**
     * A header with a control character never reaches the service: the HTTP decoder itself refuses it with a bare
     * 400 (no body: that answer comes before any handler of ours). What matters is that it is a 400, not a 500.
     */
    @Test
    void aControlCharacterInAHeaderIsRefusedWithA400() throws Exception {
        String answer = raw("GET /departments HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
