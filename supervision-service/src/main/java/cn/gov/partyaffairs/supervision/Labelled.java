package cn.gov.partyaffairs.supervision;

/** A state with a Chinese name; a 409 problem names it as {@code DONE（已完成）}. */
public interface Labelled {

    String name();

    String label();

    default String named() {
        return name() + "（" + label() + "）";
    }
}
