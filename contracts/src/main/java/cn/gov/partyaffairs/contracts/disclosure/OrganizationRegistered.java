package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A party organization joined the county register.
 *
 * @param organizationId the organization's id (the aggregate)
 * @param code           its stable human code, e.g. {@code YP-V001}
 * @param name           its Chinese name
 * @param type           its type code, e.g. {@code village-branch} (the disclosure service's settings list them)
 * @param parentCode     the code of the organization above it, null for the top of the tree
 * @param cadenceMonths  how many months one disclosure period spans for it (1 monthly, 2 every two months)
 * @param registeredAt   when it was registered
 * @param registeredBy   the user who registered it
 * @param disclosingSince when its disclosure obligations begin (optional field added within v1; absent means
 *                        the day it was registered)
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1", topic = Topics.DISCLOSURE)
public record OrganizationRegistered(
        UUID organizationId,
        String code,
        String name,
        String type,
        String parentCode,
        int cadenceMonths,
        OffsetDateTime registeredAt,
        String registeredBy,
        LocalDate disclosingSince) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return organizationId;
    }
}
