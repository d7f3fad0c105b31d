package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The accounts notifications go to, as their tokens said the last time they signed in to the portal or the console:
 * the gateway has no directory of people, so it learns where a person's mail goes, and which work is an official's,
 * from the person's own token.
 */
@ApplicationScoped
public class Accounts {

    /** The roles the gateway notifies about (a system's account gets no notifications). */
    private static final List<String> ROLES = List.of(Caller.COUNTY_ADMIN, Caller.ORG_CLERK, Caller.DEPARTMENT_HEAD,
            Caller.INSPECTOR, Caller.CITIZEN);

    /** One account as stored. */
    public record Account(String subject, String username, String displayName, String email, Delivery delivery) {
    }

    private final EntityManager em;
    private final Clock clock;

    public Accounts(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records (or refreshes) the signed-in caller's account; returns its subject. */
    @Transactional
    public String remember(Caller caller, JsonWebToken token) {
        TreeSet<String> roles = new TreeSet<>();
        for (String role : ROLES) {
            if (caller.is(role)) {
                roles.add(role);
            }
        }
        String family = token.getClaim("family_name");
        String given = token.getClaim("given_name");
        String name = family != null && given != null ? family + given : token.getClaim("name");
        String email = token.getClaim("email");
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        INSERT INTO notify_account (subject, username, display_name, email, roles, org_code,
                            department_code, guidance_group, created_at, seen_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                        ON CONFLICT (subject) DO UPDATE SET username = EXCLUDED.username,
                            display_name = EXCLUDED.display_name, email = EXCLUDED.email, roles = EXCLUDED.roles,
                            org_code = EXCLUDED.org_code, department_code = EXCLUDED.department_code,
                            guidance_group = EXCLUDED.guidance_group, seen_at = EXCLUDED.seen_at""")
                .setParameter(1, caller.subject()).setParameter(2, caller.username()).setParameter(3, name)
                .setParameter(4, email == null || email.isBlank() ? null : email)
                .setParameter(5, "," + String.join(",", roles) + ",")
                .setParameter(6, caller.organizationCode().orElse(null))
                .setParameter(7, caller.departmentCode().orElse(null))
                .setParameter(8, caller.guidanceGroup().orElse(null))
                .setParameter(9, now)
                .executeUpdate();
        return caller.subject();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> find(String subject) {
        List<?> rows = em.createNativeQuery("""
                        SELECT subject, username, display_name, email, delivery FROM notify_account WHERE subject = ?1""")
                .setParameter(1, subject).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Account((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                Delivery.valueOf((String) r[4])));
    }

    @Transactional
    public void deliver(String subject, Delivery delivery) {
        em.createNativeQuery("UPDATE notify_account SET delivery = ?2 WHERE subject = ?1")
                .setParameter(1, subject).setParameter(2, delivery.name()).executeUpdate();
    }
}
