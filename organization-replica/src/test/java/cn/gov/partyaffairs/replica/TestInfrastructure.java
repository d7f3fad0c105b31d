package cn.gov.partyaffairs.replica;

import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real broker (the platform's relay and consumers expect one), a fresh database and an OIDC server. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "replica"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
