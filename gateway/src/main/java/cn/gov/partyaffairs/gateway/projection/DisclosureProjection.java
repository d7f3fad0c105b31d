package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import cn.gov.partyaffairs.contracts.disclosure.CommentApproved;
import cn.gov.partyaffairs.contracts.disclosure.CommentRejected;
import cn.gov.partyaffairs.contracts.disclosure.CommentSubmitted;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcomeRecorded;
import cn.gov.partyaffairs.contracts.disclosure.ContentListSettled;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureApproved;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureCorrected;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDraftEdited;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDueSoon;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDrafted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureEscalated;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureLapseCured;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureOverdue;
import cn.gov.partyaffairs.contracts.disclosure.DisclosurePublished;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReturned;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReviewed;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepEscalated;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepReminded;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureSubmitted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureWithdrawn;
import cn.gov.partyaffairs.contracts.disclosure.MediaSubmissionAdopted;
import cn.gov.partyaffairs.contracts.disclosure.MediaSubmissionRecorded;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.gateway.catalog.CatalogReadModel;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigureRepository;
import cn.gov.partyaffairs.gateway.readmodel.ReadModel;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The disclosure service's events into the read models: organizations, disclosures and their versions, approved
 * comments, the compliance matrix and the dashboard counters. Each method runs in the event's transaction.
 */
@ApplicationScoped
public class DisclosureProjection {

    private final EntityManager em;
    private final ReadModel organizations;
    private final CountyFigureRepository figures;
    private final ObjectMapper mapper;
    private final CatalogReadModel catalog;
    private final EventLog eventLog;
    private final EventHandlers<Handler> handlers = new EventHandlers<>();

    /** Applies one event of its type to the read models and says who may see it. */
    @FunctionalInterface
    interface Handler {
        Visibility apply(IncomingEvent event, String organization);
    }

    public DisclosureProjection(EntityManager em, ReadModel organizations, CountyFigureRepository figures,
                                ObjectMapper mapper, CatalogReadModel catalog, EventLog eventLog) {
        this.em = em;
        this.eventLog = eventLog;
        this.organizations = organizations;
        this.figures = figures;
        this.mapper = mapper;
        this.catalog = catalog;
        handlers.on(OrganizationRegistered.class, (event, organization) -> {
            OrganizationRegistered e = event.as(OrganizationRegistered.class, mapper);
            organizations.organizationRegistered(e, event.aggregateVersion());
            retype(e.code(), e.type());
            return Visibility.open(e.code());
        });
        handlers.on(OrganizationUpdated.class, (event, organization) -> {
            OrganizationUpdated e = event.as(OrganizationUpdated.class, mapper);
            organizations.organizationUpdated(e, event.aggregateVersion());
            retype(e.code(), e.type());
            return Visibility.open(e.code());
        });
        handlers.on(OrganizationDeactivated.class, (event, organization) -> {
            organizations.organizationDeactivated(event.aggregateId(), event.aggregateVersion());
            return Visibility.open(event.text("code"));
        });
        handlers.on(ContentListSettled.class, (event, organization) -> {
            // What an organization discloses is public, like the catalog it is taken from.
            ContentListSettled e = event.as(ContentListSettled.class, mapper);
            organizations.contentListSettled(e.code(), e.itemCodes());
            return Visibility.open(e.code());
        });
        handlers.on(CatalogPublished.class, (event, organization) -> {
            // The catalog of what is disclosed is no secret: the public reads it whole.
            catalog.published(event.as(CatalogPublished.class, mapper));
            return Visibility.open(null);
        });
        handlers.on(DisclosureDrafted.class, (event, organization) -> {
            DisclosureDrafted e = event.as(DisclosureDrafted.class, mapper);
            upsertContent(e.disclosureId(), e.organizationCode(), e.scope(), "DRAFT", e.itemCodes(), e.title(),
                    e.body(), e.periodStart(), e.periodEnd(), e.plannedChannels(), 0, e.at());
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureDraftEdited.class, (event, organization) -> {
            DisclosureDraftEdited e = event.as(DisclosureDraftEdited.class, mapper);
            upsertContent(e.disclosureId(), e.organizationCode(), e.scope(), "DRAFT", e.itemCodes(), e.title(),
                    e.body(), e.periodStart(), e.periodEnd(), e.plannedChannels(), 0, e.at());
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureSubmitted.class, (event, organization) -> {
            status(event, "SUBMITTED");
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureReviewed.class, (event, organization) -> {
            status(event, "REVIEWED");
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureApproved.class, (event, organization) -> {
            status(event, "APPROVED");
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureReturned.class, (event, organization) -> {
            status(event, "RETURNED");
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureEscalated.class, (event, organization) -> {
            // The status stays; the county office now decides.
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureStepReminded.class, (event, organization) -> {
            // Officials only: a reminder to the holder of a waiting step.
            DisclosureStepReminded e = event.as(DisclosureStepReminded.class, mapper);
            stepAlert(e.disclosureId(), e.deadlineId(), e.organizationCode(), e.step(), "REMINDED",
                    e.holderOrganizationCode(), null, e.limitDate(), e.at());
            return Visibility.internal(organization);
        });
        handlers.on(DisclosureStepEscalated.class, (event, organization) -> {
            // Officials only (the internal stream and the console), whatever the disclosure's scope.
            DisclosureStepEscalated e = event.as(DisclosureStepEscalated.class, mapper);
            stepAlert(e.disclosureId(), e.deadlineId(), e.organizationCode(), e.step(), e.level().name(),
                    e.holderOrganizationCode(), e.escalatedToOrganizationCode(), e.limitDate(), e.at());
            return Visibility.internal(organization);
        });
        handlers.on(DisclosurePublished.class,
                (event, organization) -> published(event.as(DisclosurePublished.class, mapper)));
        handlers.on(DisclosureCorrected.class, (event, organization) -> {
            DisclosureCorrected e = event.as(DisclosureCorrected.class, mapper);
            em.createNativeQuery("""
                            UPDATE disclosure_view SET title = ?2, body = ?3, content_version = ?4, updated_at = ?5
                            WHERE id = ?1""")
                    .setParameter(1, e.disclosureId()).setParameter(2, e.title()).setParameter(3, e.body())
                    .setParameter(4, e.contentVersion()).setParameter(5, e.at()).executeUpdate();
            version(e.disclosureId(), e.contentVersion(), e.title(), e.body(), e.reason(), e.at());
            return Visibility.ofScope(e.scope(), organization);
        });
        handlers.on(DisclosureWithdrawn.class, (event, organization) -> {
            DisclosureWithdrawn e = event.as(DisclosureWithdrawn.class, mapper);
            int changed = em.createNativeQuery("""
                            UPDATE disclosure_view SET status = 'WITHDRAWN', withdraw_reason = ?2, withdrawn_at = ?3,
                            updated_at = ?3 WHERE id = ?1 AND status = 'PUBLISHED'""")
                    .setParameter(1, e.disclosureId()).setParameter(2, e.reason()).setParameter(3, e.at())
                    .executeUpdate();
            if (changed > 0) {
                figures.add(CountyFigure.publishedDisclosures(e.scope()), -1);
            }
            eventLog.withdrawFromPublic(e.disclosureId());
            return Visibility.ofScope(e.scope(), organization);
        });
        handlers.on(DisclosureOverdue.class, DisclosureLapseCured.class, (event, organization) -> {
            // The lapse and its cure reach the matrix as the engine's outcome (ComplianceOutcomeRecorded).
            return Visibility.open(organization);
        });
        handlers.on(ComplianceOutcomeRecorded.class, (event, organization) -> {
            compliance(event.as(ComplianceOutcomeRecorded.class, mapper));
            return Visibility.open(organization);
        });
        handlers.on(CommentApproved.class, (event, organization) -> {
            CommentApproved e = event.as(CommentApproved.class, mapper);
            int inserted = em.createNativeQuery("""
                            INSERT INTO comment_view (id, disclosure_id, author_name, body, approved_at)
                            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                    .setParameter(1, e.commentId()).setParameter(2, e.disclosureId()).setParameter(3, e.authorName())
                    .setParameter(4, e.body()).setParameter(5, e.at()).executeUpdate();
            if (inserted > 0) {
                em.createNativeQuery("UPDATE disclosure_view SET comment_count = comment_count + 1 WHERE id = ?1")
                        .setParameter(1, e.disclosureId()).executeUpdate();
                figures.add(CountyFigure.Total.APPROVED_COMMENTS, 1);
            }
            return Visibility.open(organization);
        });
        handlers.on(MediaSubmissionRecorded.class, (event, organization) -> {
            MediaSubmissionRecorded e = event.as(MediaSubmissionRecorded.class, mapper);
            figures.add(new CountyFigure.MediaSubmitted(e.outletLevel()), 1);
            return Visibility.open(organization);
        });
        handlers.on(MediaSubmissionAdopted.class, (event, organization) -> {
            MediaSubmissionAdopted e = event.as(MediaSubmissionAdopted.class, mapper);
            figures.add(new CountyFigure.MediaAdopted(e.outletLevel()), 1);
            figures.add(new CountyFigure.OutletAdopted(e.outlet()), 1);
            return Visibility.open(organization);
        });
        handlers.ignore(CommentSubmitted.class, CommentRejected.class);
        // A reminder to the clerk that a period falls due: for officials (and their notifications) only.
        handlers.ignore(DisclosureDueSoon.class);
    }

    /** Applies the event and says who may see it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Visibility apply(Class<? extends DomainEvent> type, IncomingEvent event) {
        String organization = event.text("organizationCode");
        Handler handler = handlers.get(type);
        // Ignored types (comments submitted or rejected) and types this gateway does not know yet: officials only.
        return handler == null ? Visibility.internal(organization) : handler.apply(event, organization);
    }

    /** What this projection does with each of the disclosure service's types. */
    EventHandlers<Handler> handlers() {
        return handlers;
    }

    private Visibility published(DisclosurePublished e) {
        String previous = currentStatus(e.disclosureId());
        upsertContent(e.disclosureId(), e.organizationCode(), e.scope(), "PUBLISHED", e.itemCodes(), e.title(), e.body(),
                e.periodStart(), e.periodEnd(), e.channels(), e.contentVersion(), e.at());
        // Comments approved before this event reached us (another partition) count from the start.
        em.createNativeQuery("""
                        UPDATE disclosure_view SET published_at = ?2,
                            comment_count = (SELECT count(*) FROM comment_view WHERE disclosure_id = ?1) WHERE id = ?1""")
                .setParameter(1, e.disclosureId()).setParameter(2, e.at()).executeUpdate();
        version(e.disclosureId(), e.contentVersion(), e.title(), e.body(), null, e.at());
        stepMovedOn(e.disclosureId());
        if (!"PUBLISHED".equals(previous)) {
            figures.add(CountyFigure.publishedDisclosures(e.scope()), 1);
        }
        return Visibility.ofScope(e.scope(), e.organizationCode());
    }

    private void upsertContent(UUID id, String organization, String scope, String status, List<String> items,
                               String title, String body, LocalDate start, LocalDate end, List<String> channels,
                               int contentVersion, OffsetDateTime at) {
        Set<String> categories = new TreeSet<>();
        items.forEach(item -> categories.add(item.contains("-") ? item.substring(0, item.indexOf('-')) : item));
        em.createNativeQuery("""
                        INSERT INTO disclosure_view (id, organization_code, scope, status, item_codes, category_codes, title,
                            body, period_start, period_end, channels, content_version, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                        ON CONFLICT (id) DO UPDATE SET organization_code = EXCLUDED.organization_code,
                            scope = EXCLUDED.scope, status = EXCLUDED.status, item_codes = EXCLUDED.item_codes,
                            category_codes = EXCLUDED.category_codes, title = EXCLUDED.title, body = EXCLUDED.body,
                            period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                            channels = EXCLUDED.channels, content_version = EXCLUDED.content_version,
                            updated_at = EXCLUDED.updated_at""")
                .setParameter(1, id).setParameter(2, organization).setParameter(3, scope).setParameter(4, status)
                .setParameter(5, String.join(",", items)).setParameter(6, "," + String.join(",", categories) + ",")
                .setParameter(7, title).setParameter(8, body).setParameter(9, start).setParameter(10, end)
                .setParameter(11, channels == null ? null : String.join(",", channels)).setParameter(12, contentVersion)
                .setParameter(13, at).executeUpdate();
    }

    private void version(UUID id, int contentVersion, String title, String body, String reason, OffsetDateTime at) {
        em.createNativeQuery("""
                        INSERT INTO disclosure_version_view (disclosure_id, content_version, title, body, reason, at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, id).setParameter(2, contentVersion).setParameter(3, title).setParameter(4, body)
                .setParameter(5, reason).setParameter(6, at).executeUpdate();
    }

    private void status(IncomingEvent event, String status) {
        em.createNativeQuery("UPDATE disclosure_view SET status = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, event.aggregateId()).setParameter(2, status).setParameter(3, event.time())
                .executeUpdate();
        stepMovedOn(event.aggregateId());
    }

    /**
     * The step's latest alert replaces the one before (the reminder, then each escalation): a disclosure's events
     * arrive in its aggregate's order, so the latest applied is the latest sent.
     */
    private void stepAlert(UUID disclosure, UUID deadline, String organization, String step, String alert,
                           String holder, String escalatedTo, LocalDate limit, OffsetDateTime at) {
        em.createNativeQuery("""
                        INSERT INTO step_alert_view (disclosure_id, deadline_id, organization_code, step, alert,
                            holder_code, escalated_to_code, limit_date, at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (disclosure_id) DO UPDATE SET deadline_id = EXCLUDED.deadline_id,
                            organization_code = EXCLUDED.organization_code, step = EXCLUDED.step,
                            alert = EXCLUDED.alert, holder_code = EXCLUDED.holder_code,
                            escalated_to_code = EXCLUDED.escalated_to_code, limit_date = EXCLUDED.limit_date,
                            at = EXCLUDED.at""")
                .setParameter(1, disclosure).setParameter(2, deadline).setParameter(3, organization)
                .setParameter(4, step).setParameter(5, alert).setParameter(6, holder).setParameter(7, escalatedTo)
                .setParameter(8, limit).setParameter(9, at).executeUpdate();
    }

    /** The disclosure left its waiting step (reviewed, approved, returned, published): its alert goes. */
    private void stepMovedOn(UUID disclosure) {
        em.createNativeQuery("DELETE FROM step_alert_view WHERE disclosure_id = ?1").setParameter(1, disclosure)
                .executeUpdate();
    }

    /**
     * The engine's outcome for one organization × period, as it decided it: the cell is replaced whole (the consumer
     * has skipped any older version of it already). Cells left from before the engine published (LEGACY) that overlap
     * the period go: the engine's periods are the truth, the old ones were the disclosures' own.
     */
    private void compliance(ComplianceOutcomeRecorded e) {
        em.createNativeQuery("""
                        DELETE FROM compliance_view WHERE organization_code = ?1 AND source = 'LEGACY'
                        AND period_start <= ?3 AND period_end >= ?2""")
                .setParameter(1, e.organizationCode()).setParameter(2, e.periodStart()).setParameter(3, e.periodEnd())
                .executeUpdate();
        String registered = organizationType(e.organizationCode());
        em.createNativeQuery("""
                        INSERT INTO compliance_view (organization_code, period_start, period_end, organization_type, state,
                            due_date, due, exemption_reason, source)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'ENGINE')
                        ON CONFLICT (organization_code, period_start) DO UPDATE SET period_end = EXCLUDED.period_end,
                            organization_type = EXCLUDED.organization_type, state = EXCLUDED.state,
                            due_date = EXCLUDED.due_date, due = EXCLUDED.due,
                            exemption_reason = EXCLUDED.exemption_reason, source = 'ENGINE'""")
                .setParameter(1, e.organizationCode()).setParameter(2, e.periodStart()).setParameter(3, e.periodEnd())
                .setParameter(4, "unknown".equals(registered) ? e.organizationType() : registered)
                .setParameter(5, e.outcome().name()).setParameter(6, e.dueDate()).setParameter(7, e.due())
                .setParameter(8, e.exemptionReason()).executeUpdate();
    }

    /** An organization that changes type takes its whole history to the new type (the figures count by type). */
    private void retype(String code, String type) {
        em.createNativeQuery("UPDATE compliance_view SET organization_type = ?2 WHERE organization_code = ?1 "
                        + "AND organization_type <> ?2")
                .setParameter(1, code).setParameter(2, type).executeUpdate();
    }

    private String organizationType(String code) {
        @SuppressWarnings("unchecked")
        List<String> types = em.createNativeQuery("SELECT type FROM organization_view WHERE code = ?1")
                .setParameter(1, code).getResultList();
        return types.isEmpty() ? "unknown" : types.get(0);
    }

    private String currentStatus(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("SELECT status FROM disclosure_view WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
