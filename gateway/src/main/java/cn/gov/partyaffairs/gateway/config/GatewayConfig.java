package cn.gov.partyaffairs.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The address the public reaches the gateway at ({@code GATEWAY_PUBLIC_URL}, e.g. {@code https://dwgk.example.gov.cn}),
     * without a trailing slash: the Atom feeds' absolute links are made from it, never from a request's Host header.
     */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    /** The Atom feeds (feed/): whose they are. */
    Feeds feeds();

    interface Feeds {
        /** The portal's name, in the feeds' titles. */
        @WithDefault("玉屏县党务公开")
        String title();

        /** Who publishes the feeds: their author. */
        @WithDefault("中共玉屏县委党务公开办公室")
        String publisher();
    }

    /** Base URLs of the services that own the commands. */
    Services services();

    /** How long a forwarded command waits for the read model to show its change before answering 202. */
    @WithDefault("3s")
    Duration readYourWritesTimeout();

    /** How long a forwarded command may take before the owning service counts as unavailable. */
    @WithDefault("10s")
    Duration serviceTimeout();

    /**
     * Which service owns the internal paths that start with a segment, e.g. {@code commitments → commitment}:
     * {@code /api/internal/commitments/...} goes to the commitment service. A new endpoint of a service is a line
     * of configuration here, not code.
     */
    Map<String, String> routes();

    /** The live streams. */
    Stream stream();

    /** The paths of before versioning, kept as aliases of /api/v1 (api/ApiAliases, docs/api-versions.md). */
    Aliases aliases();

    interface Aliases {
        /** Since when they are deprecated: the {@code Deprecation} header of their answers. */
        OffsetDateTime deprecatedSince();

        /** After when they may be removed: the {@code Sunset} header, at least a year after the deprecation. */
        OffsetDateTime sunset();
    }

    interface Stream {
        /**
         * Frames a stream client may have waiting for it; one that reads so slowly that more pile up is ended, and
         * its browser comes back with the last id it saw, instead of holding the others back or the gateway's memory.
         */
        @WithDefault("256")
        int clientBuffer();
    }

    interface Services {
        URI disclosure();

        URI commitment();

        URI supervision();

        default URI named(String service) {
            return switch (service) {
                case "disclosure" -> disclosure();
                case "commitment" -> commitment();
                case "supervision" -> supervision();
                default -> throw new IllegalArgumentException("no service named " + service);
            };
        }
    }
}
