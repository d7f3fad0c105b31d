package cn.gov.partyaffairs.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "platform.time")
public interface TimeConfig {

    /**
     * The county's time zone: "today", due dates and deadlines are Yuping's days, so a period's due date passes at
     * midnight in the county, not at 08:00 (UTC midnight), and a form dated today is not refused as tomorrow.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
