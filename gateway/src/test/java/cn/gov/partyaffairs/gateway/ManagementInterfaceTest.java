package cn.gov.partyaffairs.gateway;

import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * Health, metrics and OpenAPI answer on the management interface only, a port of its own: the public door serves
 * none of them, to anybody, signed in or not.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void thePublicDoorServesNoManagementEndpoint() {
        for (String path : new String[]{"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/openapi",
                "/q/swagger-ui/", "/q/dev-ui"}) {
            given().when().get(path).then().statusCode(404);
            given().auth().oauth2(TestTokens.countyAdmin()).when().get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesThem() {
        String base = "http://" + management.getHost() + ":" + management.getPort();
        given().when().get(base + "/q/health/live").then().statusCode(200);
        given().when().get(base + "/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().when().get(base + "/q/openapi").then().statusCode(200).body(containsString("/api/v1/public"));
    }
}
