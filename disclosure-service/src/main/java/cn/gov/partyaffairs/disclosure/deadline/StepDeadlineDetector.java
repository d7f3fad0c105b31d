package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepEscalated;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepReminded;
import cn.gov.partyaffairs.contracts.disclosure.StepEscalationLevel;
import cn.gov.partyaffairs.disclosure.cadence.HolidayArrangements;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.disclosures.Disclosure;
import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The limits on the workflow's waiting steps (submitted → review, reviewed → approval, approved → publication), in
 * working days on the State Council's holiday arrangements ({@link HolidayArrangements}). Each round looks at every
 * waiting disclosure and sends, once each per step: {@link DisclosureStepReminded} to the holder of the step one
 * working day before its limit, {@link DisclosureStepEscalated} to the parent organization once the limit has passed,
 * and to the county office once the second limit has passed.
 * <p>
 * Once each, however many replicas and restarts: the disclosure row is locked (rows another replica or a person
 * holds are skipped until the next round), what was sent is kept in {@code step_deadline} in the transaction that
 * appends the event, and the events are the disclosure's (its version goes up), so readers see them in order with
 * the workflow's own. A step entered again (returned and resubmitted) is a new step with a new {@code deadlineId}.
 */
@ApplicationScoped
public class StepDeadlineDetector {

    private final EntityManager em;
    private final Outbox outbox;
    private final DisclosureConfig.StepLimits limits;
    private final HolidayArrangements arrangements;
    private final Clock clock;

    public StepDeadlineDetector(EntityManager em, Outbox outbox, DisclosureConfig config,
                                HolidayArrangements arrangements, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.limits = config.stepLimits();
        this.arrangements = arrangements;
        this.clock = clock;
    }

    /** One round; returns how many events it sent. */
    @Transactional
    public int detect() {
        WorkingDays days = new WorkingDays(arrangements.cadence());
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Disclosure> waiting = em.createNativeQuery("""
                        SELECT * FROM disclosure WHERE status IN ('SUBMITTED', 'REVIEWED', 'APPROVED')
                        ORDER BY updated_at LIMIT 1000 FOR UPDATE SKIP LOCKED""", Disclosure.class).getResultList();
        int sent = 0;
        for (Disclosure d : waiting) {
            sent += check(d, today, days);
        }
        return sent;
    }

    private int check(Disclosure d, LocalDate today, WorkingDays days) {
        Object[] entry = entry(d);
        if (entry == null) {
            return 0;
        }
        long stepId = ((Number) entry[0]).longValue();
        LocalDate enteredOn = toTime(entry[1]).atZoneSameInstant(clock.getZone()).toLocalDate();
        Object[] row = deadline(d, stepId, enteredOn);
        UUID deadlineId = (UUID) row[0];
        boolean reminded = row[1] != null;
        boolean parentTold = row[2] != null;
        boolean countyTold = row[3] != null;
        StepLimit limit = StepLimit.of(d.status, enteredOn, workingDays(d), limits.countyOfficeAfterWorkingDays(), days);
        String holder = holder(d);
        String parent = d.organization.parent == null ? null : d.organization.parent.code;
        OffsetDateTime now = OffsetDateTime.now(clock);
        int sent = 0;
        if (!reminded && limit.remindDue(today)) {
            mark(deadlineId, "reminded_at", now);
            append(d, new DisclosureStepReminded(d.id, deadlineId, d.organization.code, d.scope.name(),
                    d.status.name(), holder, enteredOn, limit.workingDays(), limit.limitDate(), now));
            sent++;
        }
        // The parent is told unless the county office holds the step (the parent passed the approval up itself).
        if (!parentTold && parent != null && holder != null && limit.parentDue(today)) {
            mark(deadlineId, "parent_escalated_at", now);
            append(d, new DisclosureStepEscalated(d.id, deadlineId, d.organization.code, d.scope.name(),
                    d.status.name(), holder, StepEscalationLevel.PARENT_ORGANIZATION, parent, enteredOn,
                    limit.limitDate(), now));
            sent++;
        }
        if (!countyTold && limit.countyDue(today)) {
            mark(deadlineId, "county_escalated_at", now);
            append(d, new DisclosureStepEscalated(d.id, deadlineId, d.organization.code, d.scope.name(),
                    d.status.name(), holder, StepEscalationLevel.COUNTY_OFFICE, null, enteredOn,
                    limit.countyLimitDate(), now));
            sent++;
        }
        return sent;
    }

    /** The workflow step that began the current wait: its id and time; null if there is none (never expected). */
    private Object[] entry(Disclosure d) {
        String action = switch (d.status) {
            case SUBMITTED -> DisclosureStatus.Action.SUBMIT.name();
            case REVIEWED -> DisclosureStatus.Action.REVIEW.name();
            default -> DisclosureStatus.Action.APPROVE.name();
        };
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                        SELECT id, at FROM disclosure_step WHERE disclosure_id = ?1 AND action = ?2
                        ORDER BY id DESC LIMIT 1""").setParameter(1, d.id).setParameter(2, action).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The step's row (id, reminded, parent told, county told), made on first sight. */
    private Object[] deadline(Disclosure d, long stepId, LocalDate enteredOn) {
        em.createNativeQuery("""
                        INSERT INTO step_deadline (id, disclosure_id, step_id, step, entered_on)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (step_id) DO NOTHING""")
                .setParameter(1, UUID.nameUUIDFromBytes(("step-deadline:" + d.id + ":" + stepId).getBytes()))
                .setParameter(2, d.id).setParameter(3, stepId).setParameter(4, d.status.name())
                .setParameter(5, enteredOn).executeUpdate();
        return (Object[]) em.createNativeQuery("""
                        SELECT id, reminded_at, parent_escalated_at, county_escalated_at FROM step_deadline
                        WHERE step_id = ?1""").setParameter(1, stepId).getSingleResult();
    }

    /** The county default for the step, or the strictest limit among the disclosure's catalog items. */
    private int workingDays(Disclosure d) {
        String column;
        int county;
        switch (d.status) {
            case SUBMITTED -> { column = "review_working_days"; county = limits.reviewWorkingDays(); }
            case REVIEWED -> { column = "approval_working_days"; county = limits.approvalWorkingDays(); }
            default -> { column = "publication_working_days"; county = limits.publicationWorkingDays(); }
        }
        if (d.itemCodes.isEmpty()) {
            return county;
        }
        Number strictest = (Number) em.createNativeQuery("SELECT min(" + column
                        + ") FROM catalog_item_step_limit WHERE item_code IN (?1)")
                .setParameter(1, List.copyOf(d.itemCodes)).getSingleResult();
        return strictest == null ? county : Math.min(county, strictest.intValue());
    }

    /** Who must act: the competent (parent) organization reviews and approves, the county office once escalated. */
    private static String holder(Disclosure d) {
        String parent = d.organization.parent == null ? null : d.organization.parent.code;
        return switch (d.status) {
            case SUBMITTED -> parent;
            case REVIEWED -> d.escalated ? null : parent;
            default -> d.organization.code;
        };
    }

    private void mark(UUID deadlineId, String column, OffsetDateTime now) {
        em.createNativeQuery("UPDATE step_deadline SET " + column + " = ?2 WHERE id = ?1")
                .setParameter(1, deadlineId).setParameter(2, now).executeUpdate();
    }

    private void append(Disclosure d, cn.gov.partyaffairs.contracts.DomainEvent event) {
        outbox.emit(d, event);
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
