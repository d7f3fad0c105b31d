package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A guidance group's members changed; {@code members} is the whole new list. */
@EventType(value = "cn.gov.partyaffairs.supervision.GuidanceGroupMembersChanged.v1", topic = Topics.SUPERVISION)
public record GuidanceGroupMembersChanged(
        UUID groupId,
        String code,
        List<GroupMember> members,
        String changedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
