package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitDesignated;
import cn.gov.partyaffairs.contracts.supervision.FindingRaised;
import cn.gov.partyaffairs.contracts.supervision.FindingReopened;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupFormed;
import cn.gov.partyaffairs.contracts.supervision.UnitAssignedToGroup;
import cn.gov.partyaffairs.gateway.repository.CountyFigureRepository;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Supervision's events into the gateway: demonstration units and their guidance groups (shown with the
 * organizations), and findings for the officials' dashboard counters ({@code findings.open}, {@code findings.overdue},
 * {@code inspections}). Every supervision event stays internal.
 */
@ApplicationScoped
public class SupervisionProjection {

    private final EntityManager em;
    private final CountyFigureRepository figures;
    private final ObjectMapper mapper;

    public SupervisionProjection(EntityManager em, CountyFigureRepository figures, ObjectMapper mapper) {
        this.em = em;
        this.figures = figures;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Visibility apply(Class<? extends DomainEvent> type, IncomingEvent event) {
        String unit = event.text("unitCode") != null ? event.text("unitCode") : event.text("organizationCode");
        switch (type.getSimpleName()) {
            case "DemonstrationUnitDesignated" -> {
                DemonstrationUnitDesignated e = event.as(DemonstrationUnitDesignated.class, mapper);
                em.createNativeQuery("""
                                INSERT INTO unit_view (organization_code, designated, designated_on) VALUES (?1, TRUE, ?2)
                                ON CONFLICT (organization_code) DO UPDATE SET designated = TRUE, designated_on = EXCLUDED.designated_on""")
                        .setParameter(1, e.organizationCode()).setParameter(2, e.designatedOn()).executeUpdate();
            }
            case "DemonstrationUnitWithdrawn" -> em.createNativeQuery(
                            "UPDATE unit_view SET designated = FALSE, group_code = NULL WHERE organization_code = ?1")
                    .setParameter(1, unit).executeUpdate();
            case "UnitAssignedToGroup" -> {
                UnitAssignedToGroup e = event.as(UnitAssignedToGroup.class, mapper);
                em.createNativeQuery("""
                                INSERT INTO unit_view (organization_code, designated, group_code) VALUES (?1, TRUE, ?2)
                                ON CONFLICT (organization_code) DO UPDATE SET group_code = EXCLUDED.group_code""")
                        .setParameter(1, e.organizationCode()).setParameter(2, e.groupCode()).executeUpdate();
            }
            case "GuidanceGroupFormed" -> {
                GuidanceGroupFormed e = event.as(GuidanceGroupFormed.class, mapper);
                em.createNativeQuery("""
                                INSERT INTO group_view (code, name) VALUES (?1, ?2)
                                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name""")
                        .setParameter(1, e.code()).setParameter(2, e.name()).executeUpdate();
            }
            case "InspectionRecorded" -> figures.add("inspections", 1);
            case "FindingRaised" -> {
                FindingRaised e = event.as(FindingRaised.class, mapper);
                int inserted = em.createNativeQuery("""
                                INSERT INTO finding_view (id, unit_code, group_code, source, severity, status, deadline, raised_on)
                                VALUES (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6, ?7) ON CONFLICT DO NOTHING""")
                        .setParameter(1, e.findingId()).setParameter(2, e.unitCode()).setParameter(3, e.groupCode())
                        .setParameter(4, e.source().name()).setParameter(5, e.severity().name())
                        .setParameter(6, e.deadline()).setParameter(7, e.raisedOn()).executeUpdate();
                if (inserted > 0) {
                    figures.add("findings.open", 1);
                }
            }
            case "RectificationReported" -> finding(event.aggregateId(), "RECTIFIED", null);
            case "RectificationVerified", "FindingResolved" -> finding(event.aggregateId(), "CLOSED", false);
            case "FindingReopened" -> {
                FindingReopened e = event.as(FindingReopened.class, mapper);
                em.createNativeQuery("UPDATE finding_view SET deadline = coalesce(?2, deadline) WHERE id = ?1")
                        .setParameter(1, e.findingId()).setParameter(2, e.newDeadline()).executeUpdate();
                finding(e.findingId(), "OPEN", false);
            }
            case "RectificationOverdue" -> finding(event.aggregateId(), null, true);
            default -> {
                // Rounds, tasks, good practice and reports: read from the supervision service itself.
            }
        }
        return Visibility.internal(unit);
    }

    /**
     * Moves a finding's status and overdue flag (null: unchanged) and the counters with them: open counts findings
     * not closed; overdue those past their deadline and not closed.
     */
    private void finding(UUID id, String status, Boolean overdue) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, overdue FROM finding_view WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        String oldStatus = (String) rows.get(0)[0];
        boolean oldOverdue = (Boolean) rows.get(0)[1];
        String newStatus = status == null ? oldStatus : status;
        boolean newOverdue = overdue == null ? oldOverdue : overdue;
        em.createNativeQuery("UPDATE finding_view SET status = ?2, overdue = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, newStatus).setParameter(3, newOverdue).executeUpdate();
        boolean wasOpen = !"CLOSED".equals(oldStatus);
        boolean isOpen = !"CLOSED".equals(newStatus);
        if (wasOpen != isOpen) {
            figures.add("findings.open", isOpen ? 1 : -1);
        }
        boolean wasOverdue = wasOpen && oldOverdue;
        boolean isOverdue = isOpen && newOverdue;
        if (wasOverdue != isOverdue) {
            figures.add("findings.overdue", isOverdue ? 1 : -1);
        }
    }
}
