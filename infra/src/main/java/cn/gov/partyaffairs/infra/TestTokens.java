package cn.gov.partyaffairs.infra;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Really signed access tokens for the roles of the county realm, accepted by a service under test that talks to
 * {@code OidcWiremockTestResource}: same issuer, audience and signing key as that server publishes.
 */
public final class TestTokens {

    private static final String ISSUER = "https://server.example.com";
    /** As the county realm's audience mappers put it in every token: each part of the suite. */
    private static final Set<String> AUDIENCE = Set.of("gateway", "disclosure-service", "commitment-service",
            "supervision-service");

    private TestTokens() {
    }

    public static String countyAdmin() {
        return token("admin", "county-admin", null, null);
    }

    /** Another county admin, by account name: the four-eyes rules tell people apart by it. */
    public static String countyAdmin(String user) {
        return token(user, "county-admin", null, null);
    }

    public static String clerk(String organizationCode) {
        return token("clerk-" + organizationCode.toLowerCase(), "org-clerk", "org_code", organizationCode);
    }

    /** A clerk of the organization with an account name of its own: a second person in the same office. */
    public static String clerk(String organizationCode, String user) {
        return token(user, "org-clerk", "org_code", organizationCode);
    }

    /** A member of the public signed in with an account of their own (role {@code citizen}). */
    public static String citizen(String user) {
        return token(user, "citizen", null, null);
    }

    /**
     * A person's token with the e-mail address the realm keeps for the account ({@code email} claim), as the
     * notifications' tests need it; {@code claim}/{@code value} bind it to an organization, department or group.
     */
    public static String withEmail(String user, String role, String claim, String value, String email) {
        JwtClaimsBuilder claims = Jwt.preferredUserName(user)
                .subject(user)
                .groups(Set.of(role))
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("email", email);
        if (claim != null) {
            claims.claim(claim, value);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    public static String departmentHead(String departmentCode) {
        return token("head-" + departmentCode.toLowerCase(), "department-head", "department_code", departmentCode);
    }

    public static String inspector(String guidanceGroup) {
        return token("inspector-" + guidanceGroup.toLowerCase(), "inspector", "guidance_group", guidanceGroup);
    }

    public static String integration() {
        return system("integration", null, null);
    }

    /**
     * A department's system, as Keycloak issues its client-credentials token: its service account's name, the
     * {@code client_id} claim, the claim binding it to a department or organization (or none), and the scopes the
     * county admin granted it.
     */
    public static String system(String clientId, String claim, String value, String... scopes) {
        JwtClaimsBuilder claims = Jwt.preferredUserName("service-account-" + clientId)
                .subject("service-account-" + clientId)
                .groups(Set.of("integration"))
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", Stream.concat(Stream.of(scopes), Stream.of("profile", "email")).toList()));
        if (claim != null) {
            claims.claim(claim, value);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    /** A county admin's token, really signed, but meant for other audiences than the suite's parts. */
    public static String countyAdminFor(String... audience) {
        return token("admin", "county-admin", null, null, Set.of(audience));
    }

    private static String token(String user, String role, String claim, String value) {
        return token(user, role, claim, value, AUDIENCE);
    }

    private static String token(String user, String role, String claim, String value, Set<String> audience) {
        JwtClaimsBuilder claims = Jwt.preferredUserName(user)
                .subject(user)
                .groups(Set.of(role))
                .issuer(ISSUER)
                .audience(audience);
        if (claim != null) {
            claims.claim(claim, value);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
