package cn.gov.partyaffairs.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In public an official is the organization and the role, never the account. */
class PublicRecordTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyActorFieldNamesTheOrganizationAndTheRole() throws Exception {
        JsonNode data = mapper.readTree("""
                {"disclosureId":"x","organizationCode":"YP-V001","title":"三月公开","publishedBy":"clerk",
                 "approvedBy":"admin","authorName":"张先生","somethingElseBy":"head"}""");
        JsonNode shown = PublicRecord.of(data);
        assertEquals("YP-V001 · 党务公开工作人员", shown.get("publishedBy").asText());
        assertEquals("YP-V001 · 审核人", shown.get("approvedBy").asText());
        assertEquals("YP-V001 · 工作人员", shown.get("somethingElseBy").asText());
        assertEquals("张先生", shown.get("authorName").asText(), "the public's own name is theirs to give");
        assertEquals("clerk", data.get("publishedBy").asText(), "the event itself is not changed");
        assertEquals("县委党务公开办公室",
                PublicRecord.of(mapper.readTree("{\"code\":\"YP-V001\",\"registeredBy\":\"admin\"}")).get("registeredBy").asText());
    }
}
