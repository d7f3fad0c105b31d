package cn.gov.partyaffairs.gateway.web;

import java.util.Map;

/** The names of scopes and channels on server-rendered pages (the same as js/common.js's LABELS). */
final class WebLabels {

    private static final Map<String, DisclosurePage.Label> SCOPES = Map.of(
            "PUBLIC", new DisclosurePage.Label("向社会公开", "Public"),
            "PARTY_WIDE", new DisclosurePage.Label("党内公开", "Within the party"),
            "PARTY_PART", new DisclosurePage.Label("党内部分公开", "Part of the party"));

    private static final Map<String, DisclosurePage.Label> CHANNELS = Map.of(
            "disclosure-board", new DisclosurePage.Label("党务公开栏", "Disclosure board"),
            "county-website", new DisclosurePage.Label("县政府网站", "County website"),
            "new-media", new DisclosurePage.Label("新媒体", "New media"),
            "newspaper", new DisclosurePage.Label("《今日玉屏》", "Newspaper"),
            "journal", new DisclosurePage.Label("《和谐玉屏》", "Journal"),
            "tv-column", new DisclosurePage.Label("电视专栏", "TV column"),
            "meeting", new DisclosurePage.Label("会议", "Meetings"),
            "leaflet", new DisclosurePage.Label("宣传单", "Leaflets"),
            "documents", new DisclosurePage.Label("文件", "Documents"),
            "internal-network", new DisclosurePage.Label("党内网络", "Party network"));

    static DisclosurePage.Label scope(String code) {
        return SCOPES.getOrDefault(code, new DisclosurePage.Label(code, code));
    }

    static DisclosurePage.Label channel(String code) {
        return CHANNELS.getOrDefault(code, new DisclosurePage.Label(code, code));
    }

    private WebLabels() {
    }
}
