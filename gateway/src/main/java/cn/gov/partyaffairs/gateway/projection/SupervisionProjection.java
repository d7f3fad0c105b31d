package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitDesignated;
import cn.gov.partyaffairs.contracts.supervision.DemonstrationUnitWithdrawn;
import cn.gov.partyaffairs.contracts.supervision.FindingRaised;
import cn.gov.partyaffairs.contracts.supervision.FindingReopened;
import cn.gov.partyaffairs.contracts.supervision.FindingResolved;
import cn.gov.partyaffairs.contracts.supervision.GoodPracticeRevised;
import cn.gov.partyaffairs.contracts.supervision.GoodPracticeWrittenUp;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupFormed;
import cn.gov.partyaffairs.contracts.supervision.GuidanceGroupMembersChanged;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskUpdated;
import cn.gov.partyaffairs.contracts.supervision.InspectionRecorded;
import cn.gov.partyaffairs.contracts.supervision.InspectionRoundClosed;
import cn.gov.partyaffairs.contracts.supervision.InspectionRoundPlanned;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportEdited;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportFiled;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportGenerated;
import cn.gov.partyaffairs.contracts.supervision.RectificationOverdue;
import cn.gov.partyaffairs.contracts.supervision.RectificationReported;
import cn.gov.partyaffairs.contracts.supervision.RectificationVerified;
import cn.gov.partyaffairs.contracts.supervision.UnitAssignedToGroup;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigureRepository;
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
    private final EventHandlers<Handler> handlers = new EventHandlers<>();

    /** Applies one event of its type to the read models, for officials only (the unit's code given). */
    @FunctionalInterface
    interface Handler {
        void apply(IncomingEvent event, String unit);
    }

    public SupervisionProjection(EntityManager em, CountyFigureRepository figures, ObjectMapper mapper) {
        this.em = em;
        this.figures = figures;
        this.mapper = mapper;
        handlers.on(DemonstrationUnitDesignated.class, (event, unit) -> {
            DemonstrationUnitDesignated e = event.as(DemonstrationUnitDesignated.class, mapper);
            em.createNativeQuery("""
                            INSERT INTO unit_view (organization_code, designated, designated_on) VALUES (?1, TRUE, ?2)
                            ON CONFLICT (organization_code) DO UPDATE SET designated = TRUE, designated_on = EXCLUDED.designated_on""")
                    .setParameter(1, e.organizationCode()).setParameter(2, e.designatedOn()).executeUpdate();
        });
        handlers.on(DemonstrationUnitWithdrawn.class, (event, unit) -> {
            em.createNativeQuery("UPDATE unit_view SET designated = FALSE, group_code = NULL WHERE organization_code = ?1")
                    .setParameter(1, unit).executeUpdate();
        });
        handlers.on(UnitAssignedToGroup.class, (event, unit) -> {
            UnitAssignedToGroup e = event.as(UnitAssignedToGroup.class, mapper);
            em.createNativeQuery("""
                            INSERT INTO unit_view (organization_code, designated, group_code) VALUES (?1, TRUE, ?2)
                            ON CONFLICT (organization_code) DO UPDATE SET group_code = EXCLUDED.group_code""")
                    .setParameter(1, e.organizationCode()).setParameter(2, e.groupCode()).executeUpdate();
        });
        handlers.on(GuidanceGroupFormed.class, (event, unit) -> {
            GuidanceGroupFormed e = event.as(GuidanceGroupFormed.class, mapper);
            em.createNativeQuery("""
                            INSERT INTO group_view (code, name) VALUES (?1, ?2)
                            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name""")
                    .setParameter(1, e.code()).setParameter(2, e.name()).executeUpdate();
        });
        handlers.on(InspectionRecorded.class, (event, unit) -> figures.add(CountyFigure.Total.INSPECTIONS, 1));
        handlers.on(FindingRaised.class, (event, unit) -> {
            FindingRaised e = event.as(FindingRaised.class, mapper);
            int inserted = em.createNativeQuery("""
                            INSERT INTO finding_view (id, unit_code, group_code, source, severity, status, deadline, raised_on)
                            VALUES (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6, ?7) ON CONFLICT DO NOTHING""")
                    .setParameter(1, e.findingId()).setParameter(2, e.unitCode()).setParameter(3, e.groupCode())
                    .setParameter(4, e.source().name()).setParameter(5, e.severity().name())
                    .setParameter(6, e.deadline()).setParameter(7, e.raisedOn()).executeUpdate();
            if (inserted > 0) {
                figures.add(CountyFigure.Total.OPEN_FINDINGS, 1);
            }
        });
        handlers.on(RectificationReported.class, (event, unit) -> finding(event.aggregateId(), "RECTIFIED", null));
        handlers.on(RectificationVerified.class, FindingResolved.class,
                (event, unit) -> finding(event.aggregateId(), "CLOSED", false));
        handlers.on(FindingReopened.class, (event, unit) -> {
            FindingReopened e = event.as(FindingReopened.class, mapper);
            em.createNativeQuery("UPDATE finding_view SET deadline = coalesce(?2, deadline) WHERE id = ?1")
                    .setParameter(1, e.findingId()).setParameter(2, e.newDeadline()).executeUpdate();
            finding(e.findingId(), "OPEN", false);
        });
        handlers.on(RectificationOverdue.class, (event, unit) -> finding(event.aggregateId(), null, true));
        // Rounds, tasks, group members, good practice and reports: read from the supervision service itself.
        handlers.ignore(InspectionRoundPlanned.class, InspectionRoundClosed.class, GuidanceTaskUpdated.class,
                GuidanceGroupMembersChanged.class, GoodPracticeWrittenUp.class, GoodPracticeRevised.class,
                ProgressReportGenerated.class, ProgressReportEdited.class, ProgressReportFiled.class);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Visibility apply(Class<? extends DomainEvent> type, IncomingEvent event) {
        String unit = event.text("unitCode") != null ? event.text("unitCode") : event.text("organizationCode");
        Handler handler = handlers.get(type);
        if (handler != null) {
            handler.apply(event, unit);
        }
        // Ignored types (rounds, tasks, good practice and reports: read from the supervision service itself) have none.
        return Visibility.internal(unit);
    }

    /** What this projection does with each of the supervision service's types. */
    EventHandlers<Handler> handlers() {
        return handlers;
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
            figures.add(CountyFigure.Total.OPEN_FINDINGS, isOpen ? 1 : -1);
        }
        boolean wasOverdue = wasOpen && oldOverdue;
        boolean isOverdue = isOpen && newOverdue;
        if (wasOverdue != isOverdue) {
            figures.add(CountyFigure.Total.OVERDUE_FINDINGS, isOverdue ? 1 : -1);
        }
    }
}
