package cn.gov.partyaffairs.gateway.audit;

import cn.gov.partyaffairs.platform.audit.Actor;
import cn.gov.partyaffairs.platform.audit.CurrentActor;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the audit trail: one entry per event any service emitted (the actor comes with the event, stamped by the
 * platform's outbox) and one per command the gateway carries out itself. The "why" is what the command gave: its
 * reasons, the review's checks, the moderation's decision (the action itself) and its reason.
 */
@ApplicationScoped
public class AuditTrail {

    /** The event fields that say why, in the order they are shown, with their Chinese names. */
    private static final Map<String, String> WHY = new java.util.LinkedHashMap<>();

    static {
        WHY.put("reason", "理由");
        WHY.put("reasons", "退回理由");
        WHY.put("exemptionReason", "免除理由");
        WHY.put("checks", "审核");
        WHY.put("attestedNoSecrets", "保密");
        WHY.put("outcome", "结果");
        WHY.put("rating", "评价");
        WHY.put("milestoneReached", "达成节点");
        WHY.put("note", "说明");
        WHY.put("evidence", "佐证");
        WHY.put("resolution", "处理结果");
        WHY.put("observations", "检查意见");
    }

    private static final Map<String, String> CHECKS = Map.of("SECRECY", "保密审查已通过", "NECESSITY", "确有公开必要",
            "ACCURACY", "内容准确");
    private static final int LABEL_LENGTH = 120;

    private final EntityManager em;
    private final CurrentActor actor;
    private final Clock clock;

    public AuditTrail(EntityManager em, CurrentActor actor, Clock clock) {
        this.em = em;
        this.actor = actor;
        this.clock = clock;
    }

    /** In the transaction that applies the event; once per event id however often it comes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvent(IncomingEvent event, String organizationCode, String departmentCode) {
        JsonNode data = event.data();
        Actor by = event.actor() != null ? event.actor() : namedIn(data, event.source());
        String organization = organizationCode != null ? organizationCode
                : text(data, "organizationCode", text(data, "unitCode", null));
        em.createNativeQuery("""
                        INSERT INTO audit_entry (event_id, occurred_at, actor, actor_kind, action, source, subject,
                            subject_label, organization_code, department_code, reason)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.id()).setParameter(2, event.time())
                .setParameter(3, by == null ? null : by.id()).setParameter(4, by == null ? null : by.kind().name())
                .setParameter(5, AuditActions.ofEventType(event.type())).setParameter(6, event.source())
                .setParameter(7, event.aggregateId().toString()).setParameter(8, label(data))
                .setParameter(9, organization)
                .setParameter(10, departmentCode != null ? departmentCode : text(data, "departmentCode", null))
                .setParameter(11, why(data))
                .executeUpdate();
    }

    /** A command the gateway carried out itself, by whoever is calling now. */
    @Transactional
    public void record(String action, String subject, String subjectLabel, String reason) {
        Actor by = actor.get();
        em.createNativeQuery("""
                        INSERT INTO audit_entry (occurred_at, actor, actor_kind, action, source, subject, subject_label,
                            reason)
                        VALUES (?1, ?2, ?3, ?4, 'gateway', ?5, ?6, ?7)""")
                .setParameter(1, OffsetDateTime.now(clock)).setParameter(2, by.id()).setParameter(3, by.kind().name())
                .setParameter(4, action).setParameter(5, subject).setParameter(6, truncated(subjectLabel))
                .setParameter(7, reason)
                .executeUpdate();
    }

    /**
     * An event sent before actors travelled with events: the account its body names ({@code publishedBy} …), else
     * the service that sent it.
     */
    private static Actor namedIn(JsonNode data, String source) {
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if ((name.endsWith("By") || name.equals("author")) && data.get(name).isTextual()) {
                return new Actor(data.get(name).asText(), Actor.Kind.PERSON);
            }
        }
        return Actor.service(source);
    }

    static String why(JsonNode data) {
        List<String> parts = new ArrayList<>();
        WHY.forEach((field, name) -> {
            JsonNode value = data.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                return;
            }
            String text;
            if (field.equals("checks") && value.isArray()) {
                List<String> checks = new ArrayList<>();
                value.forEach(check -> checks.add(CHECKS.getOrDefault(check.asText(), check.asText())));
                text = String.join("、", checks);
            } else if (field.equals("attestedNoSecrets")) {
                text = value.asBoolean() ? "提交人已确认不涉及党内秘密" : "未确认";
            } else {
                text = value.asText();
            }
            parts.add(name + "：" + text);
        });
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static String label(JsonNode data) {
        for (String field : List.of("title", "name", "description", "code", "period")) {
            String text = text(data, field, null);
            if (text != null && !text.isBlank()) {
                return truncated(text);
            }
        }
        return null;
    }

    private static String truncated(String text) {
        return text == null || text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH) + "…";
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}
