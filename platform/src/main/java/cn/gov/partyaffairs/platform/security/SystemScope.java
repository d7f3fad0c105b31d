package cn.gov.partyaffairs.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a department's system may be granted beyond reading the aggregates. Each is a client scope of the county
 * realm ({@code deploy/keycloak/county-realm.json}): the county admin grants it by making it one of the system's
 * default client scopes, and it then appears in the {@code scope} claim of every token the system obtains. The owning
 * service checks it ({@link Caller#hasScope}).
 */
public enum SystemScope {

    /** Report progress on the commitments of the department (or organization) the system is bound to. */
    COMMITMENT_PROGRESS("commitments:progress", "报告本部门承诺进展", "report progress on its own commitments"),
    /** Register organizations and update their details (the organization department's roster). */
    ORGANIZATIONS_WRITE("organizations:write", "登记和更新党组织", "register and update organizations"),
    /** Read the findings of the demonstration unit the system is bound to. */
    FINDINGS_READ("findings:read", "查看本单位督导问题", "read the findings of its own unit");

    private final String value;
    private final String label;
    private final String labelEnglish;

    SystemScope(String value, String label, String labelEnglish) {
        this.value = value;
        this.label = label;
        this.labelEnglish = labelEnglish;
    }

    /** The scope as it appears in a token and in the realm. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public String labelEnglish() {
        return labelEnglish;
    }

    public static Optional<SystemScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
