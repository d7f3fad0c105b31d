package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.gateway.audit.AuditActions;
import cn.gov.partyaffairs.gateway.audit.AuditTrail;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions, managed by their owner (the system that made them) or a county admin. A new subscription starts
 * after the newest event; {@link #replay} moves it back (or forward) to a point in time.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    static final int MAX_URL_LENGTH = 2000;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final Caller caller;
    private final Clock clock;

    private final WebhookTargets targets;
    private final AuditTrail audit;

    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
                          Caller caller, Clock clock, WebhookTargets targets, AuditTrail audit) {
        this.targets = targets;
        this.audit = audit;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.caller = caller;
        this.clock = clock;
    }

    public WebhookSubscription create(String url, List<String> types) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = caller.username();
        subscription.targetUrl = validUrl(url);
        targets.requireReachable(subscription.targetUrl);
        subscription.eventTypes = validTypes(types);
        subscription.secret = WebhookSignature.newSecret();
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.cursorSeq = subscriptions.lastSeq();
        subscription.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
        subscription.createdAt = OffsetDateTime.now(clock);
        subscriptions.persist(subscription);
        audit.record(AuditActions.WEBHOOK_SUBSCRIBED, subscription.id.toString(), subscription.targetUrl,
                subscription.eventTypes.length == 0 ? "事件类型：全部公开事件" : "事件类型：" + String.join("、", subscription.eventTypes));
        return subscription;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<WebhookSubscription> list(int page, int size) {
        PanacheQuery<WebhookSubscription> query = caller.is(Caller.COUNTY_ADMIN)
                ? subscriptions.findAll(Sort.by("createdAt").and("id"))
                : subscriptions.find("owner", Sort.by("createdAt").and("id"), caller.username());
        query.page(Page.of(page, size));
        return new PageResult<>(query.list(), page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(UUID id) {
        return mine(subscriptions.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    /** Stops deliveries; one already under way finishes. Pausing a paused subscription changes nothing. */
    public WebhookSubscription pause(UUID id) {
        WebhookSubscription subscription = forUpdate(id);
        subscription.status = WebhookSubscription.Status.PAUSED;
        audit.record(AuditActions.WEBHOOK_PAUSED, id.toString(), subscription.targetUrl, null);
        return subscription;
    }

    /** Delivers again from where it stopped, at once (a back-off under way is cut short). */
    public WebhookSubscription resume(UUID id) {
        WebhookSubscription subscription = forUpdate(id);
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
        audit.record(AuditActions.WEBHOOK_RESUMED, id.toString(), subscription.targetUrl, null);
        return subscription;
    }

    /**
     * Moves the cursor to just before the first event (in application order) that occurred at or after
     * {@code from}, so everything from there is delivered again; to the end if nothing occurred since.
     */
    public WebhookSubscription replay(UUID id, OffsetDateTime from) {
        WebhookSubscription subscription = forUpdate(id);
        subscription.cursorSeq = subscriptions.cursorBefore(from);
        subscription.failedAttempts = 0;
        subscription.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
        // A delivery under way can no longer move the cursor: it would skip what the replay asked for.
        subscription.epoch++;
        audit.record(AuditActions.WEBHOOK_REPLAYED, id.toString(), subscription.targetUrl, "回放起点：" + from);
        return subscription;
    }

    public void delete(UUID id) {
        WebhookSubscription subscription = forUpdate(id);
        subscriptions.delete(subscription);
        audit.record(AuditActions.WEBHOOK_DELETED, id.toString(), subscription.targetUrl, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<WebhookDelivery> deliveries(UUID id, int page, int size) {
        get(id);
        PanacheQuery<WebhookDelivery> query = deliveries.ofSubscription(id).page(Page.of(page, size));
        return new PageResult<>(query.list(), page, size, query.count());
    }

    private WebhookSubscription forUpdate(UUID id) {
        return mine(subscriptions.findForUpdate(id).orElseThrow(() -> notFound(id)));
    }

    private WebhookSubscription mine(WebhookSubscription subscription) {
        if (!caller.is(Caller.COUNTY_ADMIN) && !subscription.owner.equals(caller.username())) {
            throw ProblemException.forbidden("此订阅属于 " + subscription.owner + "，您只能管理本系统创建的订阅");
        }
        return subscription;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("订阅", id.toString());
    }

    static String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("url", "请填写接收地址，例如 https://example.gov.cn/hooks/party-affairs");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw ProblemException.invalid("url", "接收地址最多 " + MAX_URL_LENGTH + " 个字符");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "接收地址不是有效的网址（" + e.getReason() + "），例如 https://example.gov.cn/hooks/party-affairs");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalid("url", "接收地址须以 http:// 或 https:// 开头");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid("url", "接收地址须包含主机名，例如 https://example.gov.cn/hooks");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid("url", "接收地址中不要写用户名或密码；接收方请用签名密钥核验来源");
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.invalid("url", "接收地址不能含 # 片段");
        }
        return uri.toString();
    }

    static String[] validTypes(List<String> types) {
        if (types == null) {
            return new String[0];
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type == null || EventCatalog.forType(type.strip()).isEmpty()) {
                throw ProblemException.invalid("types[" + i + "]", "未知的事件类型 " + type
                        + "；请填写完整的 CloudEvents 类型，例如 cn.gov.partyaffairs.disclosure.DisclosurePublished.v1，"
                        + "或不填以接收全部公开事件");
            }
            distinct.add(type.strip());
        }
        return distinct.toArray(String[]::new);
    }
}
