package cn.gov.partyaffairs.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an event may say on a public path. The services record who did what by account name (their audit trail);
 * in public an official is the organization and the role, never the account: every {@code ...By} field of a public
 * event becomes "<organization> · <role>".
 */
public final class PublicRecord {

    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("draftedBy", "党务公开工作人员"), Map.entry("editedBy", "党务公开工作人员"),
            Map.entry("submittedBy", "党务公开工作人员"), Map.entry("publishedBy", "党务公开工作人员"),
            Map.entry("correctedBy", "党务公开工作人员"), Map.entry("withdrawnBy", "党务公开工作人员"),
            Map.entry("reviewedBy", "审核人"), Map.entry("approvedBy", "审核人"), Map.entry("returnedBy", "审核人"),
            Map.entry("escalatedBy", "审核人"), Map.entry("moderatedBy", "评论审核员"), Map.entry("rejectedBy", "评论审核员"),
            Map.entry("registeredBy", "县委党务公开办公室"), Map.entry("updatedBy", "县委党务公开办公室"),
            Map.entry("deactivatedBy", "县委党务公开办公室"), Map.entry("settledBy", "县委党务公开办公室"),
            Map.entry("pledgedBy", "承诺单位负责人"), Map.entry("reportedBy", "承诺单位负责人"),
            Map.entry("fulfilledBy", "承诺单位负责人"), Map.entry("recordedBy", "信息报送工作人员"));

    private PublicRecord() {
    }

    /** The event's data as the public may read it: a copy, account names replaced. */
    public static JsonNode of(JsonNode data) {
        if (!(data instanceof ObjectNode object)) {
            return data;
        }
        ObjectNode copy = object.deepCopy();
        String organization = text(copy, "organizationCode", text(copy, "departmentCode", text(copy, "code", null)));
        List<String> actors = new ArrayList<>();
        copy.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("By") && copy.get(name).isTextual()) {
                actors.add(name);
            }
        });
        for (String name : actors) {
            String role = ROLES.getOrDefault(name, "工作人员");
            copy.put(name, organization == null || role.startsWith("县委") ? role : organization + " · " + role);
        }
        return copy;
    }

    private static String text(ObjectNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}
