package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A moderator rejected a comment, with the reason. */
@EventType(value = "cn.gov.partyaffairs.disclosure.CommentRejected.v1", topic = Topics.DISCLOSURE)
public record CommentRejected(
        UUID commentId,
        UUID disclosureId,
        String organizationCode,
        String reason,
        String rejectedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commentId;
    }
}
