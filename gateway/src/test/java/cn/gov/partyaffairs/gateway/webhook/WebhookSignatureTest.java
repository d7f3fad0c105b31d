package cn.gov.partyaffairs.gateway.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signing recipe the README gives receivers, and the retry schedule. */
class WebhookSignatureTest {

    @Test
    void hmacSha256MatchesRfc4231() {
        // RFC 4231, test case 2.
        byte[] mac = WebhookSignature.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
    }

    @Test
    void theHeaderIsSha256AndTheLowerCaseHexOfTheHmacOfTheBodyKeyedWithTheSecretsUtf8Bytes() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secretsAreLongRandomAndDistinct() {
        String one = WebhookSignature.newSecret();
        String two = WebhookSignature.newSecret();
        assertTrue(one.matches("whsec_[A-Za-z0-9_-]{43}"), one);
        assertNotEquals(one, two);
    }

    @Test
    void theBackOffDoublesFromTheInitialWaitUpToTheCap() {
        WebhookConfig.Backoff backoff = new WebhookConfig.Backoff() {
            @Override
            public Duration initial() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration max() {
                return Duration.ofSeconds(60);
            }
        };
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(Duration.ofSeconds(expected[attempt - 1]), WebhookConfig.backoff(backoff, attempt));
        }
        assertEquals(Duration.ofSeconds(60), WebhookConfig.backoff(backoff, Integer.MAX_VALUE));
    }
}
