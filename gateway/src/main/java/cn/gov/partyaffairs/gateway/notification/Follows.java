package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.gateway.catalog.CatalogReadModel;
import cn.gov.partyaffairs.gateway.catalog.PublicCatalog;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.FollowedTarget;
import cn.gov.partyaffairs.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a citizen follows: organizations, commitments and catalog categories, each named as the portal names it. */
@ApplicationScoped
public class Follows {

    private final EntityManager em;
    private final CatalogReadModel catalog;
    private final Clock clock;

    public Follows(EntityManager em, CatalogReadModel catalog, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowedTarget> list(String subject) {
        List<?> rows = em.createNativeQuery("""
                        SELECT target_kind, target_code, created_at FROM follow WHERE subject = ?1
                        ORDER BY created_at DESC, target_kind, target_code""")
                .setParameter(1, subject).getResultList();
        List<FollowedTarget> follows = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            FollowKind kind = FollowKind.valueOf((String) r[0]);
            String code = (String) r[1];
            follows.add(new FollowedTarget(kind, code, name(kind, code).orElse(code), link(kind, code),
                    Notifications.time(r[2], clock.getZone())));
        }
        return follows;
    }

    /** Follows the target (again: nothing changes); 404 when there is no such organization, commitment or category. */
    @Transactional
    public FollowedTarget follow(String subject, FollowKind kind, String code) {
        String name = name(kind, code).orElseThrow(() -> ProblemException.notFound(switch (kind) {
            case ORGANIZATION -> "党组织";
            case COMMITMENT -> "承诺";
            case CATEGORY -> "公开类别";
        }, code));
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        INSERT INTO follow (subject, target_kind, target_code, created_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, subject).setParameter(2, kind.name()).setParameter(3, code).setParameter(4, now)
                .executeUpdate();
        return new FollowedTarget(kind, code, name, link(kind, code), now);
    }

    /** Stops following; whether it was followed. */
    @Transactional
    public boolean unfollow(String subject, FollowKind kind, String code) {
        return em.createNativeQuery("DELETE FROM follow WHERE subject = ?1 AND target_kind = ?2 AND target_code = ?3")
                .setParameter(1, subject).setParameter(2, kind.name()).setParameter(3, code).executeUpdate() > 0;
    }

    private Optional<String> name(FollowKind kind, String code) {
        return switch (kind) {
            case ORGANIZATION -> first(em.createNativeQuery("SELECT name FROM organization_view WHERE code = ?1")
                    .setParameter(1, code).getResultList());
            case COMMITMENT -> {
                UUID id;
                try {
                    id = UUID.fromString(code);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("code", "承诺的编码是它的 UUID，例如 3f1c…；请从承诺页面关注");
                }
                yield first(em.createNativeQuery("SELECT title FROM commitment_view WHERE id = ?1")
                        .setParameter(1, id).getResultList());
            }
            case CATEGORY -> catalog.read().categories().stream().filter(c -> c.code().equals(code))
                    .map(PublicCatalog.Category::name).findFirst();
        };
    }

    private static Optional<String> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    static String link(FollowKind kind, String code) {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
        return switch (kind) {
            case ORGANIZATION -> "/org.html?code=" + encoded;
            case COMMITMENT -> "/commitments.html#c-" + encoded;
            case CATEGORY -> "/index.html?category=" + encoded;
        };
    }
}
