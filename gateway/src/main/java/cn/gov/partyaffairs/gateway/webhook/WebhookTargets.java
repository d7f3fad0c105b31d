package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.gateway.audit.AuditActions;
import cn.gov.partyaffairs.gateway.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may go: the public internet, and of the internal addresses (loopback, link-local — the cloud
 * metadata service —, private, unique-local, carrier-grade NAT, multicast, unspecified) only the ranges a county admin
 * allowed for a department's intranet (or the installation's {@code gateway.webhooks.allowed-ranges}). Otherwise a
 * subscription would be a blind request forgery into the cluster and a port scanner. The host is resolved and every
 * address checked when a subscription is made and again before every delivery, so a name that later resolves inside
 * (DNS rebinding) is refused then; the client connects within the JVM's address cache's lifetime of that check.
 */
@ApplicationScoped
public class WebhookTargets {

    /** An address range in CIDR notation. */
    public record Range(byte[] network, int prefix, String text) {

        public static Range parse(String cidr) {
            String text = cidr == null ? "" : cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException("须为 IP 地址段，例如 10.20.0.0/16 或 fd00:20::/32");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("须为 IP 地址段，例如 10.20.0.0/16");
            }
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("前缀长度须为数字，例如 /16");
            }
            if (prefix < 8 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("前缀长度须在 /8 到 /" + bytes.length * 8 + " 之间（不能放开整个网络）");
            }
            return new Range(bytes, prefix, canonical(bytes, prefix));
        }

        public boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((network[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static String canonical(byte[] bytes, int prefix) {
            byte[] masked = bytes.clone();
            for (int bit = prefix; bit < masked.length * 8; bit++) {
                masked[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
            }
            try {
                return InetAddress.getByAddress(masked).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final List<Range> configured;

    private final AuditTrail audit;

    public WebhookTargets(EntityManager em, Clock clock, WebhookConfig config, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.configured = config.allowedRanges().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Range::parse).toList();
    }

    /** Why this address is internal (in Chinese, for the caller), or null for a public address. */
    public static String internalClass(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        byte[] b = a.getAddress();
        if (a.isAnyLocalAddress()) {
            return "未指定地址";
        }
        if (a.isLoopbackAddress()) {
            return "本机回环地址";
        }
        if (a.isLinkLocalAddress() || (b.length == 4 && (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254)) {
            return "链路本地地址（含云主机元数据服务）";
        }
        if (a.isMulticastAddress() || (b.length == 4 && (b[0] & 0xff) >= 224)) {
            return "组播或保留地址";
        }
        if (a.isSiteLocalAddress()) {
            return "内网私有地址";
        }
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "未指定地址";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "运营商内网地址";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "测试网络地址";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "保留地址";
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "内网私有地址（IPv6 唯一本地）";
        } else if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "内网私有地址（IPv6 站点本地）";
        }
        return null;
    }

    /** IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16). */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        if (zeros80 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0 && !address.isLoopbackAddress()
                && !address.isAnyLocalAddress()))) {
            v4 = new byte[]{b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            v4 = new byte[]{b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[]{b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) {
            return address;
        }
        try {
            return Inet4Address.getByAddress(v4);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** The ranges allowed now: the installation's and the county admin's (read on the dispatcher's threads too). */
    @Transactional
    public List<Range> allowed() {
        List<Range> all = new ArrayList<>(configured);
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT cidr FROM webhook_allowed_range ORDER BY cidr").getResultList();
        rows.forEach(cidr -> all.add(Range.parse(cidr)));
        return all;
    }

    /**
     * Why this target may not be reached now (in Chinese), or null when it may: the host is resolved and every
     * address it has checked, as a receiver with one internal address among public ones could be reached inside.
     */
    public String refusal(URI target) {
        return refusal(target, true);
    }

    /** @param unresolvable whether a name that does not resolve (yet) is refused too: at delivery, not at subscription */
    String refusal(URI target, boolean unresolvable) {
        String host = target.getHost();
        if (host == null) {
            return "接收地址须包含主机名";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return unresolvable ? "接收地址的主机名 " + host + " 无法解析" : null;
        }
        List<Range> allowed = null;
        for (InetAddress address : addresses) {
            String internal = internalClass(address);
            if (internal == null) {
                continue;
            }
            if (allowed == null) {
                allowed = allowed();
            }
            InetAddress checked = embeddedIpv4(address);
            if (allowed.stream().noneMatch(range -> range.contains(checked) || range.contains(address))) {
                return "接收地址 " + host + " 指向" + internal + " " + address.getHostAddress()
                        + "，不能接收推送；部门内网地址须由县党务公开办加入允许的地址段";
            }
        }
        return null;
    }

    /** At subscription: refuses an internal target as a 400 naming the field. */
    public void requireReachable(String url) {
        // A name that does not resolve yet reaches nobody; each delivery checks what it resolves to by then.
        String refusal = refusal(URI.create(url), false);
        if (refusal != null) {
            throw ProblemException.invalid("url", refusal);
        }
    }

    @Transactional
    public Range allow(String cidr, String reason, String by) {
        Range range;
        try {
            range = Range.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cidr", e.getMessage());
        }
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ProblemException.invalid("reason", "请写明用途（哪个部门的内网），最多 200 字");
        }
        em.createNativeQuery("INSERT INTO webhook_allowed_range (cidr, reason, added_by, added_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (cidr) DO UPDATE SET reason = excluded.reason")
                .setParameter(1, range.text()).setParameter(2, reason.strip()).setParameter(3, by)
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
        audit.record(AuditActions.RANGE_ALLOWED, range.text(), range.text(), "用途：" + reason.strip());
        return range;
    }

    @Transactional
    public boolean disallow(String cidr) {
        Range range;
        try {
            range = Range.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cidr", e.getMessage());
        }
        boolean withdrawn = em.createNativeQuery("DELETE FROM webhook_allowed_range WHERE cidr = ?1")
                .setParameter(1, range.text()).executeUpdate() > 0;
        if (withdrawn) {
            audit.record(AuditActions.RANGE_WITHDRAWN, range.text(), range.text(), null);
        }
        return withdrawn;
    }

    /** The county admin's ranges with why and by whom. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> listed() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT cidr, reason, added_by, added_at FROM webhook_allowed_range ORDER BY cidr").getResultList();
        return rows;
    }
}
