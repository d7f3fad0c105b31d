package cn.gov.partyaffairs.supervision.config;

import cn.gov.partyaffairs.contracts.supervision.FindingSeverity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "supervision")
public interface SupervisionConfig {

    /**
     * The organization types that may be demonstration units, by the register's type code (e.g. {@code village-branch});
     * their names are the contracts' {@code Labels}.
     */
    Map<String, UnitType> unitTypes();

    interface UnitType {
        /** The disclosure cadence expected of a unit of this type: 1 every month, 2 every two months. */
        int cadenceMonths();
    }

    /** The inspection checklist, by item code (e.g. {@code five-type}); an inspection scores every item. */
    Map<String, ChecklistItem> checklist();

    interface ChecklistItem {
        /** Where the item stands on the form. */
        int position();

        /** The Chinese name, e.g. “五型党组织”建设. */
        String label();

        /** The most the item can score. */
        int maxScore();
    }

    /** Findings raised by themselves when a watched unit lapses. */
    AutomaticFindings automaticFindings();

    interface AutomaticFindings {
        @WithDefault("MAJOR")
        FindingSeverity severity();

        /** Days from the day the lapse is known to the rectification deadline. */
        @WithDefault("15")
        int deadlineDays();

        /** Who is named responsible, after the unit's name: 书记 makes 朱家场镇鱼塘村党支部书记. */
        @WithDefault("书记")
        String responsible();
    }

    /** The rectification overdue check. */
    Overdue overdue();

    interface Overdue {
        /** How often every replica looks for findings past their deadline; the check itself makes that safe. */
        @WithDefault("1m")
        Duration checkInterval();
    }

    /** The checklist's item codes in their order on the form. */
    default List<String> checklistOrder() {
        return checklist().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, ChecklistItem> e) -> e.getValue().position())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }
}
