package cn.gov.partyaffairs.platform;

import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real broker, a fresh database and an OIDC server (the platform validates tokens), for the platform's tests. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
