package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A party organization was named a demonstration unit (示范单位), or named again after a withdrawal. The aggregate is
 * the unit; its group assignments and set-up tasks travel under the same key, in order.
 *
 * @param cadenceMonths the disclosure cadence expected of it, from its type: 1 monthly, 2 every two months
 */
@EventType(value = "cn.gov.partyaffairs.supervision.DemonstrationUnitDesignated.v1", topic = Topics.SUPERVISION)
public record DemonstrationUnitDesignated(
        UUID unitId,
        String organizationCode,
        String organizationName,
        String organizationType,
        int cadenceMonths,
        LocalDate designatedOn,
        String designatedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return unitId;
    }
}
