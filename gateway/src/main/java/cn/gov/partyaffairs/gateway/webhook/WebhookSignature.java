package cn.gov.partyaffairs.gateway.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How deliveries are signed: {@code X-Webhook-Signature: sha256=<hex>} where hex is the lower-case HMAC-SHA256 of
 * the exact request body bytes, keyed with the UTF-8 bytes of the subscription's secret as shown at creation.
 */
public final class WebhookSignature {

    public static final String PREFIX = "sha256=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 256 random bits, URL-safe, with a prefix that says what it is. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for {@code body} signed with {@code secret}. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
