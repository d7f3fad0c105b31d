package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A guidance group (督促指导小组) was formed. Its {@code code} (e.g. {@code YP-G01}) is what an inspector's token names
 * in its {@code guidance_group} claim.
 */
@EventType(value = "cn.gov.partyaffairs.supervision.GuidanceGroupFormed.v1", topic = Topics.SUPERVISION)
public record GuidanceGroupFormed(
        UUID groupId,
        String code,
        String name,
        List<GroupMember> members,
        String formedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
