package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member of the public commented on a published public disclosure; held for moderation, never shown before it is approved. */
@EventType(value = "cn.gov.partyaffairs.disclosure.CommentSubmitted.v1", topic = Topics.DISCLOSURE)
public record CommentSubmitted(
        UUID commentId,
        UUID disclosureId,
        String organizationCode,
        String authorName,
        String body,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commentId;
    }
}
