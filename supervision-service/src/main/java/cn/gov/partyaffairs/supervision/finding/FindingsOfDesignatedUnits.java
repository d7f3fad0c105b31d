package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.supervision.programme.UnitDesignated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A unit just designated: each of its lapses still open becomes its finding, in the designation's transaction. */
@ApplicationScoped
public class FindingsOfDesignatedUnits {

    private final AutomaticFindings automaticFindings;

    public FindingsOfDesignatedUnits(AutomaticFindings automaticFindings) {
        this.automaticFindings = automaticFindings;
    }

    void onDesignated(@Observes UnitDesignated designated) {
        automaticFindings.raiseForOpenLapses(designated.unit());
    }
}
