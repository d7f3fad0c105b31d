package cn.gov.partyaffairs.gateway.web;

import cn.gov.partyaffairs.contracts.Labels;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's names of codes (the contracts' {@link Labels}) as the ES module the pages import from
 * {@code js/common.js}: {@code export const LABELS = {channel: {banner: ['横幅', 'Banners'], …}, …}}. Written from the
 * one table, so the scripts never keep a copy of their own; cached by the browser and revalidated by its tag.
 */
@Path("/js/labels.js")
public class LabelsScript {

    static final String MEDIA_TYPE = "text/javascript; charset=utf-8";

    private final String script;
    private final EntityTag tag;

    public LabelsScript(ObjectMapper json) throws JsonProcessingException {
        Map<String, Map<String, List<String>>> pairs = new LinkedHashMap<>();
        Labels.all().forEach((vocabulary, codes) -> {
            Map<String, List<String>> names = new LinkedHashMap<>();
            codes.forEach((code, label) -> names.put(code, List.of(label.zh(), label.en())));
            pairs.put(vocabulary, names);
        });
        this.script = "// Written by the gateway from the contracts' Labels (cn.gov.partyaffairs.contracts.Labels): "
                + "every code's [Chinese, English] names, by vocabulary.\n"
                + "export const LABELS = Object.freeze(" + json.writeValueAsString(pairs) + ");\n";
        this.tag = new EntityTag(sha256(script));
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(hidden = true)
    public Response get(@HeaderParam("If-None-Match") String ifNoneMatch) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        Response.ResponseBuilder answer = ifNoneMatch != null && ifNoneMatch.contains(tag.getValue())
                ? Response.notModified(tag) : Response.ok(script, MEDIA_TYPE).tag(tag);
        return answer.cacheControl(cache).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
