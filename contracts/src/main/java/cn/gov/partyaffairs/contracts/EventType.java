package cn.gov.partyaffairs.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record's CloudEvents type and the topic it travels on. The type is versioned
 * ({@code ...OrganizationRegistered.v1}): within a version only optional fields are added; a breaking change
 * is a new record with a new version, published beside the old one until every consumer has moved.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** The CloudEvents {@code type}, for example {@code cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1}. */
    String value();

    /** The topic, one of {@link Topics}. */
    String topic();
}
