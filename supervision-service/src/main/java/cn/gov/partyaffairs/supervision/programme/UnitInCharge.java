package cn.gov.partyaffairs.supervision.programme;

/** A designated unit, locked for a step, with the code of the group responsible for it (null if none is). */
public record UnitInCharge(DemonstrationUnit unit, String groupCode) {

    public String code() {
        return unit.organizationCode;
    }
}
