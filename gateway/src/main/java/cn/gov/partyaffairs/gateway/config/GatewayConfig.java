package cn.gov.partyaffairs.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URLs of the services that own the commands. */
    Services services();

    /** How long a forwarded command waits for the read model to show its change before answering 202. */
    @WithDefault("3s")
    Duration readYourWritesTimeout();

    /** How long a forwarded command may take before the owning service counts as unavailable. */
    @WithDefault("10s")
    Duration serviceTimeout();

    interface Services {
        URI disclosure();

        URI commitment();

        URI supervision();
    }
}
