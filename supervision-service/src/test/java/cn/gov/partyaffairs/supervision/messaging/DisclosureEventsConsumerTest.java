package cn.gov.partyaffairs.supervision.messaging;

import cn.gov.partyaffairs.replica.testing.RegisterCopyContract;
import io.quarkus.test.junit.QuarkusTest;

/** The service keeps its own copy of the register from the disclosure service's events (the shared contract). */
@QuarkusTest
class DisclosureEventsConsumerTest extends RegisterCopyContract {
}
