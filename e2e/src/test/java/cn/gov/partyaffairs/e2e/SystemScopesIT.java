package cn.gov.partyaffairs.e2e;

import cn.gov.partyaffairs.client.ApiException;
import cn.gov.partyaffairs.client.api.CommitmentResourceApi;
import cn.gov.partyaffairs.client.api.DisclosureResourceApi;
import cn.gov.partyaffairs.client.api.OrganizationResourceApi;
import cn.gov.partyaffairs.client.api.SystemResourceApi;
import cn.gov.partyaffairs.client.model.CommitmentDto;
import cn.gov.partyaffairs.client.model.CommitmentKind;
import cn.gov.partyaffairs.client.model.CommitmentStatus;
import cn.gov.partyaffairs.client.model.CommitmentWithdrawal;
import cn.gov.partyaffairs.client.model.DisclosureContent;
import cn.gov.partyaffairs.client.model.Fulfil;
import cn.gov.partyaffairs.client.model.Grant;
import cn.gov.partyaffairs.client.model.RegisterOrganizationRequest;
import cn.gov.partyaffairs.client.model.Report;
import cn.gov.partyaffairs.client.model.SystemDto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scoped write access for systems, end to end with the real Keycloak: the county admin grants the demo department
 * system (integration-demo, the transport bureau's) commitments:progress through the gateway, as the console does;
 * with its next token the system reports progress on its department's commitment, attributed to it, and is refused
 * (403) for another department's and for every other write; once revoked, its next token cannot report either.
 */
class SystemScopesIT {

    private static final String SYSTEM = "integration-demo";
    private static final String PROGRESS = "commitments:progress";

    @Test
    void aSystemWithTheProgressScopeReportsForItsDepartmentOnlyAndNothingElse() {
        SystemResourceApi systems = new SystemResourceApi(Api.as(Suite.token("admin")));
        SystemDto demo = systems.callList().stream().filter(s -> s.getClientId().equals(SYSTEM)).findFirst().orElseThrow();
        assertEquals("YP-D-TRANSPORT", demo.getDepartmentCode());
        assertFalse(granted(demo), "the demo system starts read-only");

        CommitmentResourceApi asAdmin = new CommitmentResourceApi(Api.as(Suite.token("admin")));
        CommitmentDto own = open(asAdmin, "YP-D-TRANSPORT");
        CommitmentDto other = asAdmin.search(null, null, CommitmentKind.SERVICE, null, 0, null, 200, CommitmentStatus.IN_PROGRESS)
                .getItems().stream().filter(c -> !"YP-D-TRANSPORT".equals(c.getDepartmentCode())).findFirst().orElseThrow();

        assertTrue(granted(systems.grant(SYSTEM, PROGRESS)));
        try {
            String token = Suite.clientToken(SYSTEM, "integration-secret");
            CommitmentResourceApi system = new CommitmentResourceApi(Api.as(token));
            int percent = own.getProgressPercent() == null ? 0 : own.getProgressPercent();
            CommitmentDto reported = system.report(own.getId(), new Report().percent(percent).note("县交通运输局项目管理系统报送"));
            assertEquals(percent, reported.getProgressPercent());
            assertEquals("service-account-" + SYSTEM, asAdmin.get(own.getId()).getTimeline().stream()
                    .filter(r -> "县交通运输局项目管理系统报送".equals(r.getNote())).reduce((a, b) -> b).orElseThrow()
                    .getReportedBy(), "the report is the system's");

            refused(() -> system.report(other.getId(), new Report().percent(other.getProgressPercent() == null ? 0
                    : other.getProgressPercent())));
            refused(() -> system.fulfil(own.getId(), new Fulfil().evidence("系统代为兑现")));
            refused(() -> system.withdraw(own.getId(), new CommitmentWithdrawal().reason("系统代为撤回")));
            refused(() -> new OrganizationResourceApi(Api.as(token)).register(new RegisterOrganizationRequest()
                    .code("YP-SYS-" + System.nanoTime() % 100000).name("系统登记的组织").type("VILLAGE_BRANCH")
                    .parentCode("YP-T01").cadenceMonths(2)));
            refused(() -> new DisclosureResourceApi(Api.as(token)).draft(new DisclosureContent()));
        } finally {
            assertFalse(granted(systems.revoke(SYSTEM, PROGRESS)));
        }
        CommitmentResourceApi revoked = new CommitmentResourceApi(Api.as(Suite.clientToken(SYSTEM, "integration-secret")));
        refused(() -> revoked.report(own.getId(), new Report().percent(own.getProgressPercent())));
    }

    @Test
    void onlyTheCountyAdminSeesAndGrants() {
        for (String user : List.of("clerk", "head", "inspector")) {
            SystemResourceApi systems = new SystemResourceApi(Api.as(Suite.token(user)));
            assertEquals(403, assertThrows(ApiException.class, () -> systems.grant(SYSTEM, PROGRESS)).getCode(), user);
            assertEquals(403, assertThrows(ApiException.class, systems::callList).getCode(), user);
        }
        ApiException system = assertThrows(ApiException.class, () -> new SystemResourceApi(
                Api.as(Suite.clientToken(SYSTEM, "integration-secret"))).grant(SYSTEM, PROGRESS));
        assertEquals(403, system.getCode());
    }

    private static CommitmentDto open(CommitmentResourceApi api, String department) {
        return api.search(null, department, CommitmentKind.SERVICE, null, 0, null, 50, CommitmentStatus.IN_PROGRESS)
                .getItems().get(0);
    }

    private static boolean granted(SystemDto system) {
        return system.getScopes().stream().filter(g -> g.getScope().equals(PROGRESS)).findFirst()
                .map(Grant::getGranted).orElseThrow();
    }

    private static void refused(Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(403, e.getCode(), e.getResponseBody());
    }
}
