package cn.gov.partyaffairs.gateway.internalapi;

import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The waiting steps reminded or escalated (the disclosure service decided; {@code step_alert_view} keeps its last
 * word per disclosure), as far as the caller may see them: the county admin all; an organization's clerk those of
 * its organization, those it holds and those escalated to it; nobody else any.
 */
@ApplicationScoped
public class StepAlertQuery {

    /**
     * One disclosure's waiting step and how far past its limit it is.
     *
     * @param step  the disclosure's status while it waits: SUBMITTED, REVIEWED or APPROVED
     * @param alert REMINDED, PARENT_ORGANIZATION or COUNTY_OFFICE (Labels: {@code stepAlert})
     */
    public record StepAlert(UUID disclosureId, String organizationCode, String step, String alert,
                            String holderOrganizationCode, String escalatedToOrganizationCode, LocalDate limitDate,
                            OffsetDateTime at) {
    }

    private final EntityManager em;

    public StepAlertQuery(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StepAlert> visibleTo(Caller caller) {
        String sql = """
                SELECT disclosure_id, organization_code, step, alert, holder_code, escalated_to_code, limit_date, at
                FROM step_alert_view""";
        jakarta.persistence.Query query;
        if (caller.is(Caller.COUNTY_ADMIN)) {
            query = em.createNativeQuery(sql + " ORDER BY limit_date, disclosure_id");
        } else if (caller.is(Caller.ORG_CLERK) && caller.organizationCode().isPresent()) {
            query = em.createNativeQuery(sql + """
                     WHERE ?1 IN (organization_code, holder_code, escalated_to_code)
                    ORDER BY limit_date, disclosure_id""").setParameter(1, caller.organizationCode().get());
        } else {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(1000).getResultList();
        return rows.stream().map(r -> new StepAlert((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], toDate(r[6]), toTime(r[7]))).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
