package cn.gov.partyaffairs.bench.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The catch-up of a fault is read from the ledger: when was everything acknowledged before "ready" everywhere. */
class LedgerTest {

    private final Ledger ledger = new Ledger();

    private Ledger.Ack ack(long at) {
        Ledger.Ack ack = new Ledger.Ack("register", Mix.DISCLOSURE, UUID.randomUUID(), 1, Ledger.GATEWAY, at);
        ledger.acknowledged(ack);
        return ack;
    }

    @Test
    void caughtUpWhenTheLastCommandAcknowledgedBeforeReadyIsEverywhere() {
        Ledger.Ack early = ack(100);
        Ledger.Ack beforeReady = ack(200);
        Ledger.Ack afterReady = ack(400);
        long ready = 300;

        assertEquals(-1, ledger.allConfirmedAt(ready), "nothing confirmed yet");
        assertEquals(2, ledger.waitingAt(ready));
        ledger.confirmed(List.of(early), 150);
        ledger.confirmed(List.of(afterReady), 450);
        assertEquals(-1, ledger.allConfirmedAt(ready), "one acknowledged before ready is still missing");
        ledger.confirmed(List.of(beforeReady), 900);
        assertEquals(900, ledger.allConfirmedAt(ready), "a command acknowledged after ready does not count");
        assertEquals(1, ledger.waitingAt(ready), "the one confirmed only after ready was waiting then");
        assertEquals(List.of(), ledger.unconfirmed());
    }

    @Test
    void aConfirmationIsKeptAtItsFirstMoment() {
        Ledger.Ack one = ack(10);
        ledger.confirmed(List.of(one), 20);
        ledger.confirmed(List.of(one), 99);
        assertEquals(20, ledger.allConfirmedAt(50));
    }
}
