package cn.gov.partyaffairs.gateway.readmodel;

import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The gateway's read models: written by the projections (inside their event's transaction), read by the APIs. The
 * one writer of {@code organization_view}, through its entity.
 */
@ApplicationScoped
public class ReadModel {

    /** The consumer name under which the read models record what they have applied. */
    public static final String CONSUMER = "gateway-read-model";

    private final OrganizationViewRepository organizations;
    private final CountyFigureRepository figures;
    private final IdempotentConsumer consumer;

    public ReadModel(OrganizationViewRepository organizations, CountyFigureRepository figures,
                     IdempotentConsumer consumer) {
        this.organizations = organizations;
        this.figures = figures;
        this.consumer = consumer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationRegistered(OrganizationRegistered event, long version) {
        OrganizationView view = organizations.findByIdOptional(event.organizationId()).orElseGet(OrganizationView::new);
        boolean isNew = view.id == null;
        view.id = event.organizationId();
        view.code = event.code();
        view.name = event.name();
        view.type = event.type();
        view.parentCode = event.parentCode();
        view.cadenceMonths = event.cadenceMonths();
        view.active = true;
        view.version = version;
        view.registeredAt = event.registeredAt();
        if (isNew) {
            organizations.persist(view);
            figures.add(CountyFigure.Total.ORGANIZATIONS, 1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationUpdated(OrganizationUpdated event, long version) {
        organizations.findByIdOptional(event.organizationId()).ifPresent(view -> {
            view.code = event.code();
            view.name = event.name();
            view.type = event.type();
            view.parentCode = event.parentCode();
            view.cadenceMonths = event.cadenceMonths();
            view.version = version;
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationDeactivated(UUID organizationId, long version) {
        organizations.findByIdOptional(organizationId).ifPresent(view -> {
            if (view.active) {
                figures.add(CountyFigure.Total.ORGANIZATIONS, -1);
            }
            view.active = false;
            view.version = version;
        });
    }

    /** What the organization discloses (its settled content list), as catalog item codes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contentListSettled(String code, List<String> itemCodes) {
        organizations.findByCode(code).ifPresent(view -> view.contentItems = String.join(",", itemCodes));
    }

    /** The version of the aggregate the read models have caught up with (0 if they have not seen it). */
    public long position(UUID aggregateId) {
        return consumer.position(CONSUMER, aggregateId);
    }
}
