package cn.gov.partyaffairs.contracts.supervision;

/**
 * A member of a guidance group.
 *
 * @param name     the member's name
 * @param position their post, e.g. 县委组织部副部长
 * @param contact  how to reach them (a telephone number), optional
 */
public record GroupMember(String name, String position, String contact) {
}
