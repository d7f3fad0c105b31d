package cn.gov.partyaffairs.gateway.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which addresses count as internal, class by class, and how an allowed range is read. */
class WebhookTargetsTest {

    private static String classOf(String literal) throws Exception {
        return WebhookTargets.internalClass(InetAddress.getByName(literal));
    }

    @Test
    void loopback() throws Exception {
        assertTrue(classOf("127.0.0.1").contains("回环"));
        assertTrue(classOf("127.8.9.10").contains("回环"));
        assertTrue(classOf("::1").contains("回环"));
        assertTrue(classOf("::ffff:127.0.0.1").contains("回环"), "IPv4-mapped");
    }

    @Test
    void linkLocalAndTheMetadataService() throws Exception {
        assertTrue(classOf("169.254.169.254").contains("链路本地"));
        assertTrue(classOf("fe80::1").contains("链路本地"));
        assertTrue(classOf("::ffff:169.254.169.254").contains("链路本地"));
    }

    @Test
    void privateRanges() throws Exception {
        for (String address : new String[]{"10.0.0.5", "172.16.3.4", "172.31.255.1", "192.168.1.1", "fd12:3456::1",
                "fc00::1", "100.64.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1"}) {
            assertNotNull(classOf(address), address);
        }
    }

    @Test
    void multicastAndUnspecified() throws Exception {
        assertTrue(classOf("224.0.0.1").contains("组播"));
        assertTrue(classOf("239.255.255.250").contains("组播"));
        assertTrue(classOf("ff02::1").contains("组播"));
        assertNotNull(classOf("0.0.0.0"));
        assertNotNull(classOf("::"));
        assertNotNull(classOf("255.255.255.255"));
    }

    @Test
    void publicAddressesAreFine() throws Exception {
        for (String address : new String[]{"93.184.216.34", "1.1.1.1", "172.32.0.1", "2001:4860:4860::8888", "11.0.0.1"}) {
            assertNull(classOf(address), address);
        }
    }

    @Test
    void anAllowedRangeIsReadAsCidr() throws Exception {
        WebhookTargets.Range range = WebhookTargets.Range.parse("10.20.7.9/16");
        assertEquals("10.20.0.0/16", range.text());
        assertTrue(range.contains(InetAddress.getByName("10.20.255.1")));
        assertFalse(range.contains(InetAddress.getByName("10.21.0.1")));
        assertFalse(range.contains(InetAddress.getByName("::1")));
        assertEquals("127.0.0.2/32", WebhookTargets.Range.parse("127.0.0.2").text());
        assertTrue(WebhookTargets.Range.parse("fd00:20::/32").contains(InetAddress.getByName("fd00:20:1::5")));
        for (String bad : new String[]{"0.0.0.0/0", "10.0.0.0/4", "intranet.example", "10.0.0.0/x", "10.0.0.0/33", ""}) {
            assertThrows(IllegalArgumentException.class, () -> WebhookTargets.Range.parse(bad), bad);
        }
    }
}
