package cn.gov.partyaffairs.disclosure.config;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

@ConfigMapping(prefix = "disclosure")
public interface DisclosureConfig {

    /** The organization types the register knows, by code (e.g. {@code village-branch}). */
    Map<String, OrganizationType> organizationTypes();

    interface OrganizationType {
        /** The Chinese name of the type, e.g. 农村党支部. */
        String label();

        /** How many months one disclosure period spans: 1 monthly, 2 every two months. */
        int cadenceMonths();
    }
}
