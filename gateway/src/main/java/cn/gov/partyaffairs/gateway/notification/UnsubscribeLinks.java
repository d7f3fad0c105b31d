package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * One-click unsubscribe without signing in: the link carries the account and an HMAC of it under the installation's
 * secret, so nobody can unsubscribe someone else by guessing, and a link keeps working (nothing to expire or store).
 */
@ApplicationScoped
public class UnsubscribeLinks {

    public static final String PATH = "/api/v1/public/unsubscribe";

    private final byte[] secret;
    private final GatewayConfig gateway;

    public UnsubscribeLinks(NotificationConfig config, GatewayConfig gateway) {
        this.secret = config.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
        this.gateway = gateway;
    }

    public String token(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(subject));
    }

    public String url(String subject) {
        String base = gateway.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + "?token=" + token(subject);
    }

    /** The account a token was made for; empty when it is malformed or not signed with this installation's secret. */
    public Optional<String> subject(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String subject = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(subject)) ? Optional.of(subject) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + subject).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
