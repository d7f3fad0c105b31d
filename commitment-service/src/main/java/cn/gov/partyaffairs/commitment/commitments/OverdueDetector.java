package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.contracts.commitment.CommitmentOverdue;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Finds open commitments whose due date has passed and marks them overdue, sending exactly one
 * {@link CommitmentOverdue} each however many replicas look at once: the status changes under a row lock, and a row
 * another replica holds is skipped.
 */
@ApplicationScoped
public class OverdueDetector {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public OverdueDetector(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many commitments became overdue in this round */
    @Transactional
    public int check() {
        @SuppressWarnings("unchecked")
        List<Commitment> due = em.createNativeQuery("""
                        SELECT * FROM commitment WHERE status IN ('PLEDGED', 'IN_PROGRESS') AND due_date < ?1
                        ORDER BY due_date FOR UPDATE SKIP LOCKED""", Commitment.class)
                .setParameter(1, LocalDate.now(clock))
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Commitment c : due) {
            c.status = CommitmentStatus.OVERDUE;
            c.overdueSince = now;
            outbox.emit(c, new CommitmentOverdue(c.id, c.kind, c.departmentCode, c.organizationCode, c.title, c.dueDate,
                    c.progressPercent, now));
        }
        return due.size();
    }
}
