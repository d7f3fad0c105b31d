package cn.gov.partyaffairs.commitment;

import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real broker, a fresh database and an OIDC server minting signed tokens, for every test of this module. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "commitment"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
