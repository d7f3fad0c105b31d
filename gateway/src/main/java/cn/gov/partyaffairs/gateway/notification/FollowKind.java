package cn.gov.partyaffairs.gateway.notification;

/** What a citizen can follow: an organization (its code), a commitment (its id), a catalog category (C1 … C9). */
public enum FollowKind {
    ORGANIZATION, COMMITMENT, CATEGORY
}
