package cn.gov.partyaffairs.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses to start with a trusted proxy that is not an address or a network: Quarkus resolves a host name among
 * {@code quarkus.http.proxy.trusted-proxies} on every request, and takes a bare IPv6 address for {@code host:port},
 * so one such entry sends every request to the DNS resolver (a county intranet may have none: each lookup then
 * waits out its 5 s time-out). Only a trusted proxy may still name the client's address; this only keeps that
 * check off the network.
 */
@Singleton
public class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/\\d{1,3}");
    private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[[0-9A-Fa-f:.]+](:\\d+)?");

    void check(@Observes StartupEvent start,
               @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        List<String> wrong = unsafe(trusted.orElse(List.of()));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("GATEWAY_TRUSTED_PROXIES (quarkus.http.proxy.trusted-proxies) 只能写 IP 地址或网段: "
                    + wrong + " would be looked up in DNS on every request; write IPv4 addresses or CIDRs such as "
                    + "10.0.0.0/8, 127.0.0.1/32, ::1/128");
        }
    }

    /** The entries that Quarkus would treat as host names. */
    static List<String> unsafe(List<String> entries) {
        List<String> wrong = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (!(IPV4.matcher(e).matches() || IPV6_CIDR.matcher(e).matches() || IPV6_BRACKETED.matcher(e).matches())) {
                wrong.add(e);
            }
        }
        return wrong;
    }
}
