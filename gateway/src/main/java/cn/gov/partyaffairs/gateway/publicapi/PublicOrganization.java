package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.gateway.readmodel.OrganizationViewRepository.Unit;
import cn.gov.partyaffairs.gateway.readmodel.OrganizationView;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What anyone may read about an organization, with whether it is a demonstration unit (示范点) and the guidance group
 * responsible for it, and its content list (the catalog items it discloses).
 */
public record PublicOrganization(String code, String name, String type, String parentCode, int cadenceMonths,
                                 boolean active, OffsetDateTime registeredAt, boolean demonstrationUnit,
                                 String guidanceGroupCode, String guidanceGroupName, List<String> contentItems) {

    public static PublicOrganization of(OrganizationView view, Unit unit) {
        return new PublicOrganization(view.code, view.name, view.type, view.parentCode, view.cadenceMonths,
                view.active, view.registeredAt, unit != null, unit == null ? null : unit.groupCode(),
                unit == null ? null : unit.groupName(), PublicDtos.split(view.contentItems));
    }
}
