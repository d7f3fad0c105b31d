package cn.gov.partyaffairs.gateway.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrustedProxiesTest {

    @Test
    void addressesAndNetworksAreSafe() {
        assertEquals(List.of(), TrustedProxies.unsafe(List.of("127.0.0.1", "127.0.0.1/32", "10.0.0.0/8", "::1/128",
                "fd00::/8", "[::1]")));
    }

    @Test
    void hostNamesAndBareIpv6AddressesAreNot() {
        assertEquals(List.of("0:0:0:0:0:0:0:1", "::1", "ingress.county.local", "localhost"),
                TrustedProxies.unsafe(List.of("0:0:0:0:0:0:0:1", "::1", "ingress.county.local", "localhost")));
    }
}
