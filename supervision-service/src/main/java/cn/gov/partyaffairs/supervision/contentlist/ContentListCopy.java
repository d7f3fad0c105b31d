package cn.gov.partyaffairs.supervision.contentlist;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.ContentListSettled;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The organizations' content lists as the disclosure service settled them ({@link ContentListSettled}), kept here
 * because the disclosure service owns them and supervision reads no other service's tables: a unit's set-up task
 * "确定公开内容和目录" is done only once its list holds an item.
 */
@ApplicationScoped
public class ContentListCopy {

    private static final String SETTLED = DomainEvent.typeOf(ContentListSettled.class).value();
    /** The event types the copy takes. */
    public static final java.util.Set<String> TYPES = java.util.Set.of(SETTLED);

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ContentListCopy(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Keeps the whole list of a {@code ContentListSettled}; an older version arriving late changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (!SETTLED.equals(event.type())) {
            return;
        }
        ContentListSettled e = event.as(ContentListSettled.class, mapper);
        em.createNativeQuery("""
                        INSERT INTO content_list_copy (organization_code, item_codes, item_count, settled_at, version)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (organization_code) DO UPDATE SET item_codes = excluded.item_codes,
                            item_count = excluded.item_count, settled_at = excluded.settled_at, version = excluded.version
                        WHERE content_list_copy.version < excluded.version""")
                .setParameter(1, e.code()).setParameter(2, String.join(",", e.itemCodes()))
                .setParameter(3, e.itemCodes().size()).setParameter(4, e.at()).setParameter(5, event.aggregateVersion())
                .executeUpdate();
    }

    /** How many catalog items the organization's content list holds (0 when it has settled none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int itemCount(String organizationCode) {
        List<?> counts = em.createNativeQuery("SELECT item_count FROM content_list_copy WHERE organization_code = ?1")
                .setParameter(1, organizationCode).getResultList();
        return counts.isEmpty() ? 0 : ((Number) counts.get(0)).intValue();
    }
}
