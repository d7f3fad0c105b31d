package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A commitment was made in public: a department head's service commitment ({@code departmentCode} set) or an
 * organization's practical thing for the people ({@code organizationCode} set). The target is optional (quantity
 * and unit, e.g. 10 km); milestones are optional.
 */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentPledged.v1", topic = Topics.COMMITMENT)
public record CommitmentPledged(
        UUID commitmentId,
        CommitmentKind kind,
        String title,
        String description,
        String category,
        String departmentCode,
        String departmentName,
        String organizationCode,
        String organizationName,
        String responsible,
        BigDecimal targetQuantity,
        String targetUnit,
        List<Milestone> milestones,
        LocalDate pledgedOn,
        LocalDate dueDate,
        String pledgedBy,
        OffsetDateTime at) implements DomainEvent {

    public record Milestone(String title, LocalDate dueDate) {
    }

    @Override
    public UUID aggregateId() {
        return commitmentId;
    }
}
