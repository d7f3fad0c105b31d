package cn.gov.partyaffairs.gateway;

import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real broker, a fresh database, an OIDC server minting signed tokens and a port for the SMTP server, for every
 * test of this module.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(cn.gov.partyaffairs.gateway.notification.SmtpPort.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
