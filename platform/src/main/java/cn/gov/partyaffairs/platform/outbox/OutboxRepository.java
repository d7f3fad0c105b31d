package cn.gov.partyaffairs.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** Only one relay (of all replicas) sends at a time, so events leave in commit order. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    boolean tryTakeRelayLease() {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
    }

    List<OutboxEvent> nextPending(int limit) {
        return find("sentAt is null order by seq").withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    public long countPending() {
        return count("sentAt is null");
    }
}
