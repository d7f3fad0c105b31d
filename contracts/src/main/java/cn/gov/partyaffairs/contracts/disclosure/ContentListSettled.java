package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An organization settled (or changed) its content list: the catalog items it discloses. The whole list. */
@EventType(value = "cn.gov.partyaffairs.disclosure.ContentListSettled.v1", topic = Topics.DISCLOSURE)
public record ContentListSettled(
        UUID organizationId,
        String code,
        List<String> itemCodes,
        String settledBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return organizationId;
    }
}
