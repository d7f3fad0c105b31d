package cn.gov.partyaffairs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The resources as the services use them: config reaches the application, and the test can stop Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "infra"))
class TestResourcesInAQuarkusTest {

    @Test
    void theApplicationIsConfiguredForTheBrokerWhichTheTestCanStopAndStart() throws Exception {
        Config config = ConfigProvider.getConfig();
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        assertEquals(bootstrap, config.getValue("mp.messaging.connector.smallrye-kafka.bootstrap.servers", String.class));
        KafkaBroker broker = KafkaTestResource.broker();
        assertEquals(broker.bootstrapServers(), bootstrap);

        broker.stop();
        assertTrue(!broker.isRunning());
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        }
    }

    @Test
    void theApplicationIsConfiguredForAFreshDatabase() throws Exception {
        Config config = ConfigProvider.getConfig();
        Properties props = new Properties();
        props.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> props.setProperty("password", password));
        try (Connection connection = new Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class), props);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            assertTrue(rows.getString(1).matches("infra_test_[0-9a-f]{12}"), rows.getString(1));
        }
    }
}
