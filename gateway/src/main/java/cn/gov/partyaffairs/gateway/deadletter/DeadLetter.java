package cn.gov.partyaffairs.gateway.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One record a consumer of the suite could never apply, as it was parked on {@code dlq.<service>}. */
@Schema(name = "DeadLetter", description = "死信：某个服务始终无法处理、已转入死信主题的事件")
public record DeadLetter(
        @Schema(required = true, description = "编号，重新投递时使用") long id,
        @Schema(required = true, description = "把它转入死信主题的服务（gateway、disclosure-service ……）") String service,
        @Schema(required = true, description = "死信主题 dlq.<服务>") String deadLetterTopic,
        @Schema(required = true) int deadLetterPartition,
        @Schema(required = true) long deadLetterOffset,
        @Schema(description = "原主题（dead-letter-topic 消息头）；缺少时不能重新投递") String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        @Schema(description = "事件类型（ce_type）") String eventType,
        @Schema(description = "事件编号（ce_id）") String eventId,
        @Schema(description = "聚合编号（ce_subject）") String aggregateId,
        Long aggregateVersion,
        @Schema(description = "无法处理的原因（dead-letter-reason）") String reason,
        @Schema(required = true, description = "转入死信主题的时间") OffsetDateTime parkedAt,
        @Schema(required = true, description = "是否已重新投递") boolean replayed,
        @Schema(required = true, description = "重新投递的次数") int replayCount,
        OffsetDateTime replayedAt,
        String replayedBy,
        @Schema(description = "最近一次重新投递后副本在原主题上的位置") Long replayedOffset,
        @Schema(description = "它本身是一次重新投递的副本时：所复制的死信的位置 dlq.<服务>/<分区>/<偏移>（重新投递后仍然失败）")
        String replayOf,
        @Schema(description = "消息内容（最多 2000 字）") String valuePreview) {
}
