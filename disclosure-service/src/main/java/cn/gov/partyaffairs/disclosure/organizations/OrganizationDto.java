package cn.gov.partyaffairs.disclosure.organizations;


import java.time.OffsetDateTime;
import java.util.UUID;

public record OrganizationDto(UUID id, String code, String name, String type, String parentCode, int cadenceMonths,
                              boolean active, long version, OffsetDateTime createdAt) {

    public static OrganizationDto of(Organization organization) {
        return new OrganizationDto(organization.id, organization.code, organization.name, organization.type,
                organization.parent == null ? null : organization.parent.code, organization.cadenceMonths,
                organization.active, organization.version, organization.createdAt);
    }
}
