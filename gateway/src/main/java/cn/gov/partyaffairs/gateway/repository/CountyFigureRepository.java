package cn.gov.partyaffairs.gateway.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dashboard counters, moved one event at a time inside the event's transaction. */
@ApplicationScoped
public class CountyFigureRepository {

    public static final String ORGANIZATIONS = "organizations";

    private final EntityManager em;

    public CountyFigureRepository(EntityManager em) {
        this.em = em;
    }

    public void add(String name, long delta) {
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

    @SuppressWarnings("unchecked")
    public Map<String, Long> all() {
        Map<String, Long> figures = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT name, value FROM county_figure ORDER BY name").getResultList();
        for (Object[] row : rows) {
            figures.put((String) row[0], ((Number) row[1]).longValue());
        }
        return figures;
    }
}
