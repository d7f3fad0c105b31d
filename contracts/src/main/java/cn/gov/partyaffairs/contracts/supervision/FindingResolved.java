package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An automatic finding closed by itself because its lapse was cured: the missed disclosure was published after all
 * ({@code DisclosureLapseCured}) or the overdue practical thing fulfilled ({@code CommitmentFulfilled}).
 */
@EventType(value = "cn.gov.partyaffairs.supervision.FindingResolved.v1", topic = Topics.SUPERVISION)
public record FindingResolved(
        UUID findingId,
        String unitCode,
        UUID lapseId,
        FindingSource source,
        LocalDate resolvedOn,
        String resolution,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return findingId;
    }
}
