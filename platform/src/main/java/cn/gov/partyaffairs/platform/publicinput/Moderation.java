package cn.gov.partyaffairs.platform.publicinput;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Moderation of the public's input (a disclosure's comments, an evaluation's comment): it waits until the county
 * office approves it, which makes it public, or rejects it with a reason. The service finds and locks the item
 * ({@link Moderated}, an {@link Aggregate}) and says which event the decision makes; this checks that the item still
 * waits (else {@code illegal-transition}), records who decided what and when on it, and emits the event.
 */
@ApplicationScoped
public class Moderation {

    public enum Verdict { APPROVED, REJECTED }

    /** What the moderator decided, with the reason of a rejection, who decided and when. */
    public record Decision(Verdict verdict, String reason, String moderator, OffsetDateTime at) {
    }

    /** A piece of public input that is moderated; the entity that holds it implements this. */
    public interface Moderated {

        /** Whether it waits for a decision. */
        boolean awaitsModeration();

        /** Its state's name, told to a moderator who decides too late. */
        String moderationState();

        /** Records the decision: the state it leads to, the reason, the moderator and the time. */
        void moderated(Decision decision);
    }

    /** A moderator's rejection: the reason is required and shown to whoever reads the moderation's record. */
    public record Rejection(@NotBlank(message = "请填写不予通过的理由") @Size(max = 500, message = "理由最多 500 字") String reason) {
    }

    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public Moderation(Outbox outbox, Caller caller, Clock clock) {
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Approves the item, found and locked by the caller.
     *
     * @param action what deciding again is called in the problem (e.g. "再次审核")
     * @param event  the event the approval makes, from the item's fields and the decision
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Aggregate & Moderated> T approve(T item, String action, Function<Decision, DomainEvent> event) {
        return decide(item, Verdict.APPROVED, null, action, event);
    }

    /** Rejects the item, found and locked by the caller, with the reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Aggregate & Moderated> T reject(T item, String reason, String action,
                                                      Function<Decision, DomainEvent> event) {
        return decide(item, Verdict.REJECTED, reason, action, event);
    }

    private <T extends Aggregate & Moderated> T decide(T item, Verdict verdict, String reason, String action,
                                                       Function<Decision, DomainEvent> event) {
        if (!item.awaitsModeration()) {
            throw ProblemException.illegalTransition(item.moderationState(), action);
        }
        Decision decision = new Decision(verdict, reason, caller.username(), OffsetDateTime.now(clock));
        item.moderated(decision);
        outbox.emit(item, event.apply(decision));
        return item;
    }
}
