package cn.gov.partyaffairs.disclosure.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;

/** The catalog: read-only seed data (Flyway), so one small repository serves both tables. */
@ApplicationScoped
public class CatalogRepository {

    private final EntityManager em;

    public CatalogRepository(EntityManager em) {
        this.em = em;
    }

    public List<CatalogCategory> categories() {
        return em.createQuery("from CatalogCategory order by sortOrder", CatalogCategory.class).getResultList();
    }

    public List<CatalogItem> items() {
        return em.createQuery("from CatalogItem order by categoryCode, sortOrder", CatalogItem.class).getResultList();
    }

    public List<CatalogItem> items(Collection<String> codes) {
        return em.createQuery("from CatalogItem where code in :codes", CatalogItem.class)
                .setParameter("codes", codes).getResultList();
    }
}
