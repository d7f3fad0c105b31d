package cn.gov.partyaffairs.disclosure.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.Map;

@ConfigMapping(prefix = "disclosure")
public interface DisclosureConfig {

    /**
     * The organization types the register knows, by code (e.g. {@code village-branch}); their names are in the
     * contracts' {@code Labels}, as are the outlets' and channels'.
     */
    Map<String, OrganizationType> organizationTypes();

    /** The media outlets pieces are submitted to, by code (e.g. {@code people-daily-online}). */
    Map<String, Outlet> outlets();

    interface Outlet {
        /** NATIONAL, PROVINCIAL, PREFECTURE or COUNTY. */
        OutletLevel level();
    }

    enum OutletLevel { NATIONAL, PROVINCIAL, PREFECTURE, COUNTY }

    /** Limits on public comments. */
    Comments comments();

    interface Comments {
        /** How many comments one client may send within {@link #window()}. */
        @WithDefault("5")
        int maxPerClient();

        @WithDefault("10m")
        Duration window();

        /** The longest comment, in characters, after markup is removed. */
        @WithDefault("500")
        int maxLength();
    }

    /** The cadence engine's settings. */
    Cadence cadence();

    interface Cadence {
        /** No obligation falls before this date (the programme's start). */
        LocalDate programmeStart();

        /** Working days after a period's last day until its disclosure is due. */
        @WithDefault("5")
        int graceWorkingDays();

        /**
         * Working days before a period's due date (the due date counted) from which its clerk is reminded while
         * nothing is published for it.
         */
        @WithDefault("2")
        int remindWorkingDaysBefore();

        /** How often the engine creates obligations and looks for lapses; every replica runs it, safely. */
        @WithDefault("1m")
        Duration checkInterval();
    }

    /** Limits on the workflow's waiting steps, in working days; a catalog item may have its own (V51). */
    StepLimits stepLimits();

    interface StepLimits {
        /** Submitted, waiting for the review (审核) of the competent organization. */
        @WithDefault("3")
        int reviewWorkingDays();

        /** Reviewed, waiting for the approval (审批). */
        @WithDefault("3")
        int approvalWorkingDays();

        /** Approved, waiting for publication by the organization itself. */
        @WithDefault("2")
        int publicationWorkingDays();

        /** Working days after a step's limit until it is escalated to the county office (the parent first). */
        @WithDefault("3")
        int countyOfficeAfterWorkingDays();

        /** How often the detector looks; every replica runs it, safely. */
        @WithDefault("1m")
        Duration checkInterval();
    }

    /** The channels a disclosure can use, by code (e.g. {@code disclosure-board}). */
    Map<String, Channel> channels();

    interface Channel {
        /** Whether the channel reaches society; party-internal disclosures may not use such a channel. */
        @WithName("public")
        boolean isPublic();
    }

    interface OrganizationType {
        /** How many months one disclosure period spans: 1 monthly, 2 every two months. */
        int cadenceMonths();
    }
}
