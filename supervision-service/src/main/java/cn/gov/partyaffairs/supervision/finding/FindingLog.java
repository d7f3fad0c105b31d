package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes a finding's step: the history row with the status and deadline it left, and its one event. */
@ApplicationScoped
public class FindingLog {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public FindingLog(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void step(Finding f, FindingStep.Action action, LocalDate on, String note, String actor, DomainEvent event) {
        FindingStep step = new FindingStep();
        step.id = UUID.randomUUID();
        step.findingId = f.id;
        step.seq = (int) f.version + 1; // the version the event below gives it
        step.action = action;
        step.status = f.status;
        step.deadline = f.deadline;
        step.happenedOn = on;
        step.note = note;
        step.actor = actor;
        step.at = OffsetDateTime.now(clock);
        em.persist(step);
        outbox.emit(f, event);
    }
}
