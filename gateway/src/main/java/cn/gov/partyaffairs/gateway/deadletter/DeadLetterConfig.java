package cn.gov.partyaffairs.gateway.deadletter;

import io.smallrye.config.ConfigMapping;

import java.util.List;

@ConfigMapping(prefix = "gateway.dead-letters")
public interface DeadLetterConfig {

    /**
     * The only topics a replay may write: the events' topics, whose consumers park what they cannot apply. A parked
     * record naming another origin is refused; the gateway's KafkaUser may write exactly these.
     */
    List<String> replayTopics();
}
