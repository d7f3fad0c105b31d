package cn.gov.partyaffairs.gateway.rest;

import cn.gov.partyaffairs.gateway.view.OrganizationView;

import java.time.OffsetDateTime;

/** What anyone may read about an organization. */
public record PublicOrganization(String code, String name, String type, String parentCode, int cadenceMonths,
                                 boolean active, OffsetDateTime registeredAt) {

    public static PublicOrganization of(OrganizationView view) {
        return new PublicOrganization(view.code, view.name, view.type, view.parentCode, view.cadenceMonths,
                view.active, view.registeredAt);
    }
}
