package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.contracts.disclosure.DisclosureLapseCured;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureOverdue;
import cn.gov.partyaffairs.disclosure.Disclosure;
import cn.gov.partyaffairs.disclosure.Organization;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Computes every active organization's obligations from its cadence and finds the lapses: a period whose due date
 * passed with nothing published gets exactly one {@link DisclosureOverdue}, however many replicas run the check
 * (the status changes under a row lock, and a row another replica holds is skipped); a later publication for that
 * period sends {@link DisclosureLapseCured} (on time when the publication predates the due date).
 */
@ApplicationScoped
public class CadenceEngine {

    private final EntityManager em;
    private final Outbox outbox;
    private final DisclosureConfig.Cadence config;
    private final CadenceCalendar calendar;
    private final Clock clock;

    public CadenceEngine(EntityManager em, Outbox outbox, DisclosureConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config.cadence();
        this.calendar = new CadenceCalendar(this.config.graceWorkingDays(), this.config.nonWorkingDays().orElse(Set.of()));
        this.clock = clock;
    }

    /** One round: obligations up to today's period for every active organization, then the lapses. */
    @Transactional
    public int check() {
        List<Organization> active = em.createQuery("from Organization where active = true", Organization.class)
                .getResultList();
        active.forEach(this::ensureObligations);
        return detectLapses();
    }

    /** Called in the publishing transaction: the periods the disclosure covers are kept (or cured). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(Disclosure disclosure) {
        ensureObligations(disclosure.organization);
        List<DisclosureObligation> covered = em.createQuery("""
                        from DisclosureObligation where organization = :organization
                        and periodStart <= :end and periodEnd >= :start""", DisclosureObligation.class)
                .setParameter("organization", disclosure.organization)
                .setParameter("start", disclosure.periodStart)
                .setParameter("end", disclosure.periodEnd)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (DisclosureObligation obligation : covered) {
            switch (obligation.status) {
                case OPEN -> settle(obligation, disclosure,
                        onTime(disclosure, obligation) ? DisclosureObligation.Status.MET : DisclosureObligation.Status.LATE);
                case LAPSED -> {
                    // A ledger brought in after the lapse was raised may show it was published on time after all.
                    boolean onTime = onTime(disclosure, obligation);
                    settle(obligation, disclosure, onTime ? DisclosureObligation.Status.MET : DisclosureObligation.Status.CURED);
                    outbox.append(new DisclosureLapseCured(obligation.id, disclosure.organization.id,
                            disclosure.organization.code, obligation.periodStart, obligation.periodEnd, disclosure.id,
                            disclosure.publishedAt, onTime), obligation.version);
                }
                default -> {
                    // Already kept: a second disclosure for the same period changes nothing.
                }
            }
        }
    }

    private boolean onTime(Disclosure disclosure, DisclosureObligation obligation) {
        return !disclosure.publishedAt.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(obligation.dueDate);
    }

    public CadenceCalendar calendar() {
        return calendar;
    }

    private void settle(DisclosureObligation obligation, Disclosure disclosure, DisclosureObligation.Status status) {
        obligation.status = status;
        obligation.disclosureId = disclosure.id;
        obligation.publishedAt = disclosure.publishedAt;
        obligation.version++;
    }

    /** Inserts the missing obligations; a row another replica inserted first is left as it is. */
    private void ensureObligations(Organization organization) {
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
                            INSERT INTO disclosure_obligation (id, organization_id, period_start, period_end, due_date, status, version)
                            VALUES (?1, ?2, ?3, ?4, ?5, 'OPEN', 0) ON CONFLICT DO NOTHING""")
                    .setParameter(1, DisclosureObligation.idOf(organization.id, period.start()))
                    .setParameter(2, organization.id)
                    .setParameter(3, period.start())
                    .setParameter(4, period.end())
                    .setParameter(5, calendar.dueDate(period))
                    .executeUpdate();
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
            obligation.version++;
            Organization organization = obligation.organization;
            outbox.append(new DisclosureOverdue(obligation.id, organization.id, organization.code, organization.type,
                    obligation.periodStart, obligation.periodEnd, obligation.dueDate, now), obligation.version);
        }
        return due.size();
    }
}
