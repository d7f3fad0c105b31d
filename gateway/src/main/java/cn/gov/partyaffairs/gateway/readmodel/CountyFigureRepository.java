package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard counters ({@link CountyFigure}), moved one event at a time inside the event's transaction: the one writer
 * of {@code county_figure}.
 */
@ApplicationScoped
public class CountyFigureRepository {

    private final EntityManager em;

    public CountyFigureRepository(EntityManager em) {
        this.em = em;
    }

    /** A rebuild's counters, kept in memory until it writes them all at once ({@link #writeDeferred()}). */
    private static final ThreadLocal<Map<String, Long>> DEFERRED = new ThreadLocal<>();

    /** From now on, in this thread, counters move in memory: for a rebuild, which starts from an empty table. */
    public void defer() {
        DEFERRED.set(new java.util.TreeMap<>());
    }

    /** Writes the counters kept since {@link #defer()} (those not at zero) and moves them one at a time again. */
    public void writeDeferred() {
        Map<String, Long> deferred = DEFERRED.get();
        DEFERRED.remove();
        if (deferred == null) {
            return;
        }
        deferred.forEach((name, value) -> {
            if (value != 0) {
                em.createNativeQuery("""
                                INSERT INTO county_figure (name, value) VALUES (?1, ?2)
                                ON CONFLICT (name) DO UPDATE SET value = county_figure.value + EXCLUDED.value""")
                        .setParameter(1, name).setParameter(2, value).executeUpdate();
            }
        });
    }

    /** Stops deferring without writing (a rebuild that failed and rolls back). */
    public void discardDeferred() {
        DEFERRED.remove();
    }

    public void add(CountyFigure figure, long delta) {
        String name = figure.key();
        Map<String, Long> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.merge(name, delta, Long::sum);
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO county_figure (name, value) VALUES (?1, ?2)
                        ON CONFLICT (name) DO UPDATE SET value = county_figure.value + EXCLUDED.value""")
                .setParameter(1, name)
                .setParameter(2, delta)
                .executeUpdate();
        // A counter back at zero is as if never counted: live and rebuilt state then hold the same rows.
        em.createNativeQuery("DELETE FROM county_figure WHERE name = ?1 AND value = 0").setParameter(1, name)
                .executeUpdate();
    }

    /** Every counter; a row no counter has (left by an older release) is not one. */
    @SuppressWarnings("unchecked")
    public Map<CountyFigure, Long> all() {
        Map<CountyFigure, Long> figures = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT name, value FROM county_figure ORDER BY name").getResultList();
        for (Object[] row : rows) {
            CountyFigure.parse((String) row[0]).ifPresent(figure -> figures.put(figure, ((Number) row[1]).longValue()));
        }
        return figures;
    }
}
