package cn.gov.partyaffairs.gateway.web;

import cn.gov.partyaffairs.contracts.Labels;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripts' names of codes come from the gateway, written from the contracts' one table, and are cacheable. */
@QuarkusTest
class LabelsScriptTest {

    @Test
    void theModuleHoldsEveryVocabularyOfTheContractsLabels() {
        String script = given().when().get("/js/labels.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", containsString("max-age"))
                .header("ETag", notNullValue())
                .body(containsString("export const LABELS"))
                .body(containsString("\"banner\":[\"横幅\",\"Banners\"]"))
                .body(containsString("\"school\":[\"县直学校党组织\",\"Schools\"]"))
                .extract().asString();
        for (String vocabulary : Labels.all().keySet()) {
            assertTrue(script.contains("\"" + vocabulary + "\":{"), vocabulary);
        }
    }

    @Test
    void aBrowserThatHasItRevalidatesWithoutDownloadingItAgain() {
        String tag = given().when().get("/js/labels.js").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/js/labels.js").then().statusCode(304);
    }

    @Test
    void commonJsTakesItsLabelsFromTheGateway() {
        given().when().get("/js/common.js").then().statusCode(200)
                .body(containsString("import { LABELS } from './labels.js'"));
    }
}
