package cn.gov.partyaffairs.commitment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "commitment")
public interface CommitmentConfig {

    /**
     * The categories of public service commitments, by code (e.g. {@code administrative-approval}); extendable, each
     * with its names in the contracts' {@code Labels}.
     */
    List<String> categories();

    /** Limits on the public's evaluations. */
    Evaluations evaluations();

    interface Evaluations {
        /** How many evaluations one client may send within {@link #window()}, over all commitments. */
        @WithDefault("20")
        int maxPerClient();

        @WithDefault("1h")
        Duration window();

        /**
         * How many anonymous evaluations of one commitment one address may send per day (the county's calendar day).
         * Several, not one: a whole village may share one connection. A signed-in citizen is not limited by it (one
         * evaluation per person and commitment, which a second one revises).
         */
        @WithDefault("10")
        int anonymousPerAddressPerDay();

        /** The longest comment, in characters, after markup is removed. */
        @WithDefault("300")
        int maxCommentLength();
    }

    /** The overdue check. */
    Overdue overdue();

    interface Overdue {
        /** How often every replica looks for commitments past their due date; the check itself makes that safe. */
        @WithDefault("1m")
        Duration checkInterval();
    }
}
