package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcomeRecorded;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureLapseCured;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDueSoon;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureOverdue;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.organizations.Organization;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Computes every active organization's obligations from its cadence and finds the lapses: a period whose due date
 * passed with nothing published gets exactly one {@link DisclosureOverdue}, however many replicas run the check
 * (the status changes under a row lock, and a row another replica holds is skipped); a later publication for that
 * period sends {@link DisclosureLapseCured} (on time when the publication predates the due date).
 * <p>
 * The engine alone decides each period's outcome, and sends every change of it as {@link ComplianceOutcomeRecorded}
 * in the transaction that made it; a check also sends what no earlier one did (obligations older than the event, a
 * kept period whose due date has now passed).
 */
@ApplicationScoped
public class CadenceEngine {

    private final EntityManager em;
    private final Outbox outbox;
    private final DisclosureConfig.Cadence config;
    private final HolidayArrangements arrangements;
    private final Clock clock;

    public CadenceEngine(EntityManager em, Outbox outbox, DisclosureConfig config, HolidayArrangements arrangements,
                         Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config.cadence();
        this.arrangements = arrangements;
        this.clock = clock;
    }

    /**
     * One round: obligations up to today's period for every active organization, then the lapses. Each
     * organization's periods in a transaction of their own: in one transaction for the whole county, a round that
     * wrote years of periods (a new history) held their rows for over a minute, and a clerk publishing for one of
     * those organizations waited on them until both were rolled back at the transaction time-out.
     */
    public int check() {
        List<UUID> active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select id from Organization where active = true", UUID.class).getResultList());
        CadenceCalendar calendar = QuarkusTransaction.requiringNew().call(arrangements::cadence);
        for (UUID id : active) {
            QuarkusTransaction.requiringNew().run(() -> {
                Organization organization = em.find(Organization.class, id);
                if (organization != null && organization.active) {
                    ensureObligations(organization, calendar);
                }
            });
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            markDue();
            remindDueSoon(calendar);
            int lapses = detectLapses();
            announcePending();
            return lapses;
        });
    }

    /** The county office excuses a period (a merger, a disaster): it no longer counts, and the reason is public. */
    @Transactional
    public DisclosureObligation exempt(String organizationCode, LocalDate periodStart, String reason) {
        List<DisclosureObligation> found = em.createQuery("""
                        from DisclosureObligation o where o.organization.code = :code and o.periodStart = :start""",
                        DisclosureObligation.class)
                .setParameter("code", organizationCode).setParameter("start", periodStart)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.invalid("periodStart", "该组织没有从 " + periodStart + " 开始的公开周期，请填写周期的第一天");
        }
        DisclosureObligation obligation = found.get(0);
        if (obligation.status == DisclosureObligation.Status.MET || obligation.status == DisclosureObligation.Status.LATE
                || obligation.status == DisclosureObligation.Status.CURED) {
            throw ProblemException.conflict("period-settled", "该周期已经公开，无需免除");
        }
        obligation.status = DisclosureObligation.Status.EXEMPTED;
        obligation.exemptionReason = reason;
        announce(obligation);
        return obligation;
    }

    /**
     * What the engine needs of a publication (the disclosures feature tells it; the engine does not depend on
     * disclosures).
     */
    public record Publication(UUID id, Organization organization, LocalDate periodStart, LocalDate periodEnd,
                              OffsetDateTime publishedAt) {
    }

    /** Called in the publishing transaction: the periods the disclosure covers are kept (or cured). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(Publication publication) {
        ensureObligations(publication.organization(), arrangements.cadence());
        List<DisclosureObligation> covered = em.createQuery("""
                        from DisclosureObligation where organization = :organization
                        and periodStart <= :end and periodEnd >= :start""", DisclosureObligation.class)
                .setParameter("organization", publication.organization())
                .setParameter("start", publication.periodStart())
                .setParameter("end", publication.periodEnd())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (DisclosureObligation obligation : covered) {
            switch (obligation.status) {
                case OPEN -> {
                    settle(obligation, publication, onTime(publication, obligation)
                            ? DisclosureObligation.Status.MET : DisclosureObligation.Status.LATE);
                    announce(obligation);
                }
                case LAPSED -> {
                    // A ledger brought in after the lapse was raised may show it was published on time after all.
                    boolean onTime = onTime(publication, obligation);
                    settle(obligation, publication,
                            onTime ? DisclosureObligation.Status.MET : DisclosureObligation.Status.CURED);
                    outbox.emit(obligation, new DisclosureLapseCured(obligation.id, publication.organization().id,
                            publication.organization().code, obligation.periodStart, obligation.periodEnd,
                            publication.id(), publication.publishedAt(), onTime));
                    announce(obligation);
                }
                default -> {
                    // Already kept: a second disclosure for the same period changes nothing.
                }
            }
        }
    }

    /** Sends the obligation's current outcome: every change of it ends here, so each is sent once. */
    private void announce(DisclosureObligation obligation) {
        Organization organization = obligation.organization;
        outbox.emit(obligation, new ComplianceOutcomeRecorded(obligation.id, organization.id, organization.code,
                organization.type, obligation.periodStart, obligation.periodEnd, obligation.dueDate,
                obligation.outcome(), obligation.duePassed, obligation.exemptionReason, obligation.disclosureId,
                obligation.publishedAt, OffsetDateTime.now(clock)));
        obligation.outcomeVersion = obligation.version;
    }

    /**
     * Settled periods whose due date has now passed start to count (open ones lapse in {@link #detectLapses}): in
     * bulk, their outcomes marked unsent for {@link #announcePending} (which skips rows another replica holds).
     */
    private void markDue() {
        em.createNativeQuery("""
                        UPDATE disclosure_obligation SET due_passed = true, outcome_version = NULL
                        WHERE NOT due_passed AND due_date < ?1 AND status IN ('MET', 'EXEMPTED')""")
                .setParameter(1, LocalDate.now(clock)).executeUpdate();
    }

    /** Every obligation whose current outcome was never sent; rows another replica holds wait for the next round. */
    private void announcePending() {
        @SuppressWarnings("unchecked")
        List<DisclosureObligation> pending = em.createNativeQuery("""
                        SELECT * FROM disclosure_obligation WHERE outcome_version IS NULL OR outcome_version <> version
                        ORDER BY organization_id, period_start LIMIT 5000 FOR UPDATE SKIP LOCKED""",
                        DisclosureObligation.class)
                .getResultList();
        pending.forEach(this::announce);
    }

    private boolean onTime(Publication publication, DisclosureObligation obligation) {
        return !publication.publishedAt().atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(obligation.dueDate);
    }

    public CadenceCalendar calendar() {
        return arrangements.cadence();
    }

    /**
     * A year's arrangement was recorded: the open periods whose due dates were counted on weekends alone are counted
     * again on it (a lapse already raised stands: it was raised on the calendar known then).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recountProvisionalDueDates() {
        CadenceCalendar calendar = arrangements.cadence();
        List<DisclosureObligation> provisional = em.createQuery("""
                        from DisclosureObligation where dueDateProvisional = true and status = :open""",
                        DisclosureObligation.class)
                .setParameter("open", DisclosureObligation.Status.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (DisclosureObligation obligation : provisional) {
            CadenceCalendar.Period period = new CadenceCalendar.Period(obligation.periodStart, obligation.periodEnd);
            obligation.dueDate = calendar.dueDate(period);
            obligation.dueDateProvisional = calendar.provisional(period);
            announce(obligation);
        }
        return provisional.size();
    }

    private void settle(DisclosureObligation obligation, Publication publication, DisclosureObligation.Status status) {
        obligation.status = status;
        obligation.disclosureId = publication.id();
        obligation.publishedAt = publication.publishedAt();
        // Published after the due date: it counts from now on (a kept period counts once its due date passes).
        obligation.duePassed = obligation.duePassed || obligation.dueDate.isBefore(LocalDate.now(clock));
    }

    /** Inserts the missing obligations; a row another replica inserted first is left as it is. */
    private void ensureObligations(Organization organization, CadenceCalendar calendar) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = organization.disclosingSince;
        LocalDate from = since.isAfter(config.programmeStart()) ? since : config.programmeStart();
        // Earlier periods exist already: start from the newest one known.
        LocalDate newest = em.createQuery("select max(periodStart) from DisclosureObligation where organization = :o",
                LocalDate.class).setParameter("o", organization).getSingleResult();
        if (newest != null && newest.isAfter(from)) {
            from = newest;
        }
        for (CadenceCalendar.Period period : CadenceCalendar.periods(from, today, organization.cadenceMonths)) {
            em.createNativeQuery("""
                            INSERT INTO disclosure_obligation (id, organization_id, period_start, period_end, due_date,
                                due_date_provisional, status, version)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', 0) ON CONFLICT DO NOTHING""")
                    .setParameter(1, DisclosureObligation.idOf(organization.id, period.start()))
                    .setParameter(2, organization.id)
                    .setParameter(3, period.start())
                    .setParameter(4, period.end())
                    .setParameter(5, calendar.dueDate(period))
                    .setParameter(6, calendar.provisional(period))
                    .executeUpdate();
        }
    }

    /**
     * Open periods due within {@code remind-working-days-before} working days get one {@link DisclosureDueSoon}
     * each, so that the clerk hears of the period before it lapses; rows another replica holds wait for its round.
     */
    private void remindDueSoon(CadenceCalendar calendar) {
        LocalDate today = LocalDate.now(clock);
        int before = config.remindWorkingDaysBefore();
        // Calendar days enough to hold that many working days across any holiday (the Spring Festival's week).
        @SuppressWarnings("unchecked")
        List<DisclosureObligation> soon = em.createNativeQuery("""
                        SELECT * FROM disclosure_obligation WHERE status = 'OPEN' AND reminded_at IS NULL
                        AND due_date >= ?1 AND due_date <= ?2
                        AND organization_id IN (SELECT id FROM organization WHERE active)
                        ORDER BY due_date FOR UPDATE SKIP LOCKED""", DisclosureObligation.class)
                .setParameter(1, today).setParameter(2, today.plusDays(before * 3L + 10))
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (DisclosureObligation obligation : soon) {
            int left = 0;
            for (LocalDate day = today; !day.isAfter(obligation.dueDate); day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    left++;
                }
            }
            if (left > before) {
                continue;
            }
            obligation.remindedAt = now;
            Organization organization = obligation.organization;
            outbox.emit(obligation, new DisclosureDueSoon(obligation.id, organization.id, organization.code,
                    organization.type, obligation.periodStart, obligation.periodEnd, obligation.dueDate, left, now));
        }
    }

    private int detectLapses() {
        @SuppressWarnings("unchecked")
        List<DisclosureObligation> due = em.createNativeQuery("""
                        SELECT * FROM disclosure_obligation WHERE status = 'OPEN' AND due_date < ?1
                        AND organization_id IN (SELECT id FROM organization WHERE active)
                        ORDER BY due_date FOR UPDATE SKIP LOCKED""", DisclosureObligation.class)
                .setParameter(1, LocalDate.now(clock))
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (DisclosureObligation obligation : due) {
            obligation.status = DisclosureObligation.Status.LAPSED;
            obligation.lapsedAt = now;
            obligation.duePassed = true;
            Organization organization = obligation.organization;
            outbox.emit(obligation, new DisclosureOverdue(obligation.id, organization.id, organization.code,
                    organization.type, obligation.periodStart, obligation.periodEnd, obligation.dueDate, now));
            announce(obligation);
        }
        return due.size();
    }
}
