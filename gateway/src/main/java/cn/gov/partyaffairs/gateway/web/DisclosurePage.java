package cn.gov.partyaffairs.gateway.web;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.Labels.Label;
import cn.gov.partyaffairs.gateway.client.CommandForwarder;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.gateway.publicapi.CachedReads;
import cn.gov.partyaffairs.gateway.publicapi.PublicDtos;
import cn.gov.partyaffairs.gateway.publicapi.PublicQueries;
import cn.gov.partyaffairs.platform.error.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A disclosure as a page rendered on the server: only content, so a villager's phone reads it without JavaScript,
 * and its comment form works as a plain form too (refused, it comes back with the errors and what was typed).
 * With JavaScript, js/disclosure.js sends the form in place and the language switch applies.
 */
@Path("/disclosure.html")
@Produces(MediaType.TEXT_HTML)
public class DisclosurePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View view);
    }

    public record Version(int contentVersion, String title, String reason, String at) {
    }

    public record Comment(String authorName, String body, String at) {
    }

    /** What the form shows again after a refusal: the typed values and the message per field. */
    public record Form(String authorName, String body, String summary, Map<String, String> errors, boolean sent) {
        static final Form EMPTY = new Form("", "", null, Map.of(), false);
    }

    public record View(PublicDtos.Disclosure d, String title, String publishedAt, String withdrawnAt, Label scope,
                       List<Label> channels, List<Version> versions, long commentCount, List<Comment> comments,
                       Form form) {
    }

    private final PublicQueries queries;
    private final CommandForwarder forwarder;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final ZoneId county;
    private final CachedReads cached;

    public DisclosurePage(PublicQueries queries, CommandForwarder forwarder, GatewayConfig config, ObjectMapper mapper,
                          Clock clock, CachedReads cached) {
        this.cached = cached;
        this.queries = queries;
        this.forwarder = forwarder;
        this.config = config;
        this.mapper = mapper;
        this.county = clock.getZone();
    }

    /** From memory while the read models stay as they were; the page after a sent comment is rendered anew. */
    @GET
    @Operation(hidden = true)
    public Uni<Response> show(@QueryParam("id") String id, @QueryParam("commented") boolean commented,
                              @Context UriInfo uri, @Context HttpHeaders headers) {
        Form form = commented ? new Form("", "", null, Map.of(), true) : Form.EMPTY;
        return cached.answer(uri, headers, MediaType.TEXT_HTML + ";charset=UTF-8", () -> {
            Response page = render(id, form, 200);
            return new CachedReads.Rendered(page.getStatus(),
                    ((TemplateInstance) page.getEntity()).render().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The comment form without JavaScript: forwarded like the API's; a refusal re-renders with the errors. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response comment(@QueryParam("id") String id, @FormParam("authorName") String authorName,
                            @FormParam("body") String body, @Context HttpHeaders headers,
                            @Context HttpServerRequest http) throws JsonProcessingException {
        UUID disclosure = parse(id);
        if (disclosure == null) {
            return render(id, Form.EMPTY, 404);
        }
        Map<String, Object> comment = new HashMap<>();
        comment.put("authorName", authorName == null || authorName.isBlank() ? null : authorName);
        comment.put("body", body);
        Response answer = forwarder.forward("POST", config.services().disclosure(), "/disclosures/" + disclosure + "/comments",
                mapper.writeValueAsString(comment), new CommandForwarder.Caller(null,
                        headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), http.remoteAddress().hostAddress(),
                        MediaType.APPLICATION_JSON)); // the form arrives url-encoded; the service takes JSON
        if (answer.getStatus() / 100 == 2) {
            return Response.seeOther(URI.create("/disclosure.html?id=" + disclosure + "&commented=true")).build();
        }
        JsonNode problem = problem(answer);
        Map<String, String> errors = new HashMap<>();
        problem.path("errors").forEach(e -> {
            String field = e.path("field").asText();
            errors.put(field.substring(field.lastIndexOf('.') + 1), e.path("message").asText());
        });
        String summary = problem.path("detail").asText(problem.path("title").asText("未能提交，请稍后再试"));
        Response page = render(id, new Form(authorName, body, summary, errors, false), answer.getStatus());
        String retryAfter = answer.getHeaderString("Retry-After");
        // A rate limit, or a service that is away: the browser (and a person reading the page) learns when to retry.
        return retryAfter == null ? page : Response.fromResponse(page).header("Retry-After", retryAfter).build();
    }

    private JsonNode problem(Response answer) {
        if (answer.getEntity() instanceof cn.gov.partyaffairs.platform.error.Problem made) {
            return mapper.valueToTree(made); // the gateway's own answer (the service could not be asked), not a text
        }
        try {
            return mapper.readTree(String.valueOf(answer.getEntity()));
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }

    private Response render(String id, Form form, int status) {
        UUID disclosure = parse(id);
        try {
            if (disclosure == null) {
                throw ProblemException.notFound("公开事项", String.valueOf(id));
            }
            PublicDtos.Disclosure d = queries.disclosure(disclosure);
            PublicDtos.Comments comments = queries.comments(disclosure);
            View view = new View(d, d.title(), when(d.publishedAt()), when(d.withdrawnAt()), Labels.label(Labels.SCOPE, d.scope()),
                    d.channels().stream().map(c -> Labels.label(Labels.CHANNEL, c)).toList(),
                    d.versions().stream().filter(v -> v.contentVersion() != d.contentVersion() || v.reason() != null)
                            .map(v -> new Version(v.contentVersion(), v.title(), v.reason(), when(v.at()))).toList(),
                    comments.count(), comments.comments().stream()
                            .map(c -> new Comment(c.authorName(), c.body(), when(c.approvedAt()))).toList(), form);
            return Response.status(status).entity(Templates.page(view)).build();
        } catch (ProblemException notFound) {
            return Response.status(404).entity(Templates.page(new View(null, "未找到该公开事项", null, null, null, List.of(),
                    List.of(), 0, List.of(), Form.EMPTY))).build();
        }
    }

    private String when(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(county).format(WHEN);
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
