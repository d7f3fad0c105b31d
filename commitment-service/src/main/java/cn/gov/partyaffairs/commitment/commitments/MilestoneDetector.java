package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.contracts.commitment.CommitmentMilestoneMissed;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Finds milestones of open commitments (pledged, in progress or overdue) whose date has passed unreached and flags
 * each, sending exactly one {@link CommitmentMilestoneMissed} per milestone however many replicas look at once: the
 * commitment's row is locked (a row another replica holds is skipped), and the milestone is flagged by a conditional
 * update that only one transaction can win.
 */
@ApplicationScoped
public class MilestoneDetector {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public MilestoneDetector(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many milestones were found missed in this round */
    @Transactional
    public int check() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Commitment> open = em.createNativeQuery("""
                        SELECT * FROM commitment c WHERE c.status IN ('PLEDGED', 'IN_PROGRESS', 'OVERDUE')
                          AND EXISTS (SELECT 1 FROM commitment_milestone m WHERE m.commitment_id = c.id
                                      AND m.due_date < ?1 AND m.reached_on IS NULL AND m.missed_at IS NULL)
                        ORDER BY c.due_date FOR UPDATE SKIP LOCKED""", Commitment.class)
                .setParameter(1, today)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int missed = 0;
        for (Commitment c : open) {
            for (int position = 0; position < c.milestones.size(); position++) {
                Milestone m = c.milestones.get(position);
                if (m.dueDate == null || !m.dueDate.isBefore(today) || m.reachedOn != null || m.missedAt != null) {
                    continue;
                }
                int flagged = em.createNativeQuery("""
                                UPDATE commitment_milestone SET missed_at = ?3
                                WHERE commitment_id = ?1 AND position = ?2 AND reached_on IS NULL AND missed_at IS NULL""")
                        .setParameter(1, c.id).setParameter(2, position).setParameter(3, now).executeUpdate();
                if (flagged == 0) {
                    continue;
                }
                outbox.emit(c, new CommitmentMilestoneMissed(c.id, c.kind, c.departmentCode, c.organizationCode,
                        c.title, position, m.title, m.dueDate, c.progressPercent, now));
                missed++;
            }
        }
        return missed;
    }
}
