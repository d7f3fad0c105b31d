package cn.gov.partyaffairs.platform.publicinput;

import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Limits how much one client may send of one kind (comments, evaluations) in a time window. Clients are told apart
 * by the first {@code X-Forwarded-For} address (the gateway's or the ingress's) or the peer address, kept only as a
 * hash.
 */
@ApplicationScoped
public class PublicInputLimiter {

    private final EntityManager em;
    private final Clock clock;

    public PublicInputLimiter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The hashed identity of the client that sent this request. */
    public static String clientKey(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String address = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records one input, or refuses it with 429 when the client already sent {@code max} within {@code window}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(String kind, String clientKey, int max, Duration window) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Number recent = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM public_input WHERE kind = ?1 AND client_key = ?2 AND at > ?3")
                .setParameter(1, kind).setParameter(2, clientKey).setParameter(3, now.minus(window))
                .getSingleResult();
        if (recent.intValue() >= max) {
            throw new ProblemException(Problem.of("rate-limited", "提交过于频繁 Too many requests", 429,
                    "您提交得太频繁了，请 " + window.toMinutes() + " 分钟后再试；您填写的内容请先保存好")
                    .withRetryAfter(window));
        }
        em.createNativeQuery("INSERT INTO public_input (kind, client_key, at) VALUES (?1, ?2, ?3)")
                .setParameter(1, kind).setParameter(2, clientKey).setParameter(3, now)
                .executeUpdate();
    }
}
