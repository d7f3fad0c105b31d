package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One of a demonstration unit's set-up tasks changed status.
 *
 * @param status NOT_STARTED, IN_PROGRESS or DONE
 * @param on     the day the task reached that status
 */
@EventType(value = "cn.gov.partyaffairs.supervision.GuidanceTaskUpdated.v1", topic = Topics.SUPERVISION)
public record GuidanceTaskUpdated(
        UUID unitId,
        String organizationCode,
        GuidanceTaskKind task,
        String status,
        LocalDate on,
        String note,
        String updatedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return unitId;
    }
}
