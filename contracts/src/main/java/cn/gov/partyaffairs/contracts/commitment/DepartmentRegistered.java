package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A department whose head makes public service commitments joined the register. */
@EventType(value = "cn.gov.partyaffairs.commitment.DepartmentRegistered.v1", topic = Topics.COMMITMENT)
public record DepartmentRegistered(
        UUID departmentId,
        String code,
        String name,
        String headName,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return departmentId;
    }
}
