package cn.gov.partyaffairs.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long, how hard and which faults. The full campaign is the bar (at least five broker kills, every
 * service and the gateway killed twice, a database restart, a stall); the short one is what {@code ./suite test} can
 * afford: a minute or two of load and three faults, failing on any loss, duplicate or gap, never on a time.
 *
 * @param rate          commands per second, arriving whatever the suite does (open model)
 * @param leadIn        load before the first fault
 * @param gap           load between one fault's healing and the next fault
 * @param tail          load after the last fault
 * @param catchUpLimit  the most a read model may lag behind after a part is ready again (issue 17: 10 s)
 * @param strictCatchUp whether a slower catch-up fails the run (the full campaign) or is only reported (the short one,
 *                      which runs on CI machines that are busy with other work)
 */
record ChaosPlan(String name, double rate, Duration leadIn, Duration gap, Duration tail, List<Fault> faults,
                 Duration catchUpLimit, boolean strictCatchUp) {

    /** One fault and how it is brought back, always with the launcher's own {@code ./suite part} commands. */
    record Fault(Kind kind, String part, Duration down) {

        enum Kind {
            /** SIGKILL, {@code down} later {@code ./suite part start}. */
            KILL,
            /** SIGSTOP, {@code down} later SIGCONT: the process keeps its sockets and answers nothing. */
            STALL
        }

        String label() {
            return (kind == Kind.KILL ? "kill -9 " : "stall (SIGSTOP " + down.toSeconds() + " s) ") + part;
        }
    }

    static final String POSTGRES = "postgres";

    static ChaosPlan full(boolean withDatabase) {
        List<Fault> faults = new ArrayList<>(List.of(
                kill("kafka"), kill("disclosure-service"), kill("kafka"), kill("commitment-service"), kill("kafka"),
                kill("supervision-service"), kill("gateway"), kill("kafka"), kill("disclosure-service"),
                kill("commitment-service"), kill("kafka"), kill("supervision-service"), kill("gateway"),
                new Fault(Fault.Kind.STALL, "disclosure-service", Duration.ofSeconds(10))));
        if (withDatabase) {
            faults.add(8, kill(POSTGRES));
        }
        return new ChaosPlan("full", 5, Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(15), faults,
                Duration.ofSeconds(10), true);
    }

    static ChaosPlan short_() {
        return new ChaosPlan("short", 4, Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(10),
                List.of(kill("kafka"), kill("disclosure-service"), kill("gateway")), Duration.ofSeconds(10), false);
    }

    private static Fault kill(String part) {
        return new Fault(Fault.Kind.KILL, part, Duration.ofSeconds(5));
    }

    ChaosPlan withRate(double newRate) {
        return new ChaosPlan(name, newRate, leadIn, gap, tail, faults, catchUpLimit, strictCatchUp);
    }
}
