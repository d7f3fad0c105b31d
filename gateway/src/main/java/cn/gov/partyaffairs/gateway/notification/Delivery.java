package cn.gov.partyaffairs.gateway.notification;

/** How a person's notifications reach them besides the portal: a mail each, a daily digest, or no mail at all. */
public enum Delivery {
    IMMEDIATE, DIGEST, NONE
}
