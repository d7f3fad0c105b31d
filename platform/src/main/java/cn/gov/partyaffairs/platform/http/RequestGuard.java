package cn.gov.partyaffairs.platform.http;

import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.rest.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Refuses a malformed request before any resource sees it, as a 400/413/414 problem naming what to fix: a URL that is
 * too long, a body larger than allowed, a NUL or other control character (or broken percent-encoding) in the path, a
 * query parameter or a header, and a {@code page} or {@code size} out of bounds. PostgreSQL refuses NUL in text and an
 * offset of page × size overflows an int, so without this such input surfaced as a 500 deep in a query.
 */
@ApplicationScoped
public class RequestGuard {

    /** The highest page number a list serves; with {@link PageResult#MAX_SIZE} the offset stays far inside an int. */
    public static final int MAX_PAGE = 10_000;

    private final ObjectMapper json;
    private final SecurityHeaders securityHeaders;
    private final int maxUriLength;
    private final long maxBodyBytes;

    public RequestGuard(ObjectMapper json, SecurityHeaders securityHeaders,
                        @ConfigProperty(name = "platform.http.max-uri-length", defaultValue = "8192") int maxUriLength,
                        @ConfigProperty(name = "platform.http.max-body-bytes", defaultValue = "2097152") long maxBodyBytes) {
        this.json = json;
        this.securityHeaders = securityHeaders;
        this.maxUriLength = maxUriLength;
        this.maxBodyBytes = maxBodyBytes;
    }

    void install(@Observes Router router) {
        // Before the body handler (ROUTE_ORDER_BODY_HANDLER), so an oversized body is refused before it is read.
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::check);
    }

    void check(RoutingContext rc) {
        securityHeaders.applyTo(rc.response().headers());
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            refuse(rc, Problem.of("uri-too-long", "网址过长 URI too long", 414,
                    "请求的网址有 " + uri.length() + " 个字符，最多 " + maxUriLength + " 个；请缩短查询条件"));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(rc, invalid("Content-Length", "请求头 Content-Length 须为非负整数"));
                return;
            }
            if (declared > maxBodyBytes) {
                refuse(rc, Problem.of("payload-too-large", "请求内容过大 Payload too large", 413,
                        "请求内容有 " + declared + " 字节，最多 " + maxBodyBytes + " 字节；请删减内容或分批提交"));
                return;
            }
        }
        Problem problem = checkPath(request.path());
        if (problem == null) {
            problem = checkQuery(request.query());
        }
        if (problem == null) {
            problem = checkHeaders(request);
        }
        if (problem != null) {
            refuse(rc, problem);
            return;
        }
        rc.next();
    }

    private static Problem checkPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String path = decode(rawPath, false);
        if (path == null) {
            return invalid("path", "网址路径中的百分号编码不正确");
        }
        if (hasControl(path)) {
            return invalid("path", "网址路径中不能有控制字符（如 %00）");
        }
        return null;
    }

    private static Problem checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            if (name == null || hasControl(name)) {
                return invalid("query", "查询参数名的编码不正确或含控制字符");
            }
            if (value == null) {
                return invalid(name, "查询参数 " + name + " 的百分号编码不正确");
            }
            if (hasControl(value)) {
                return invalid(name, "查询参数 " + name + " 中不能有控制字符（如 %00）");
            }
            Problem bound = switch (name) {
                case "page" -> bounded(name, value, 0, MAX_PAGE, "页码须为 0 到 " + MAX_PAGE + " 之间的整数");
                case "size" -> bounded(name, value, 1, PageResult.MAX_SIZE,
                        "每页条数须为 1 到 " + PageResult.MAX_SIZE + " 之间的整数");
                default -> null;
            };
            if (bound != null) {
                return bound;
            }
        }
        return null;
    }

    private static Problem checkHeaders(HttpServerRequest request) {
        for (Map.Entry<String, String> header : request.headers()) {
            String value = header.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                    return invalid(header.getKey(), "请求头 " + header.getKey() + " 中不能有控制字符");
                }
            }
        }
        return null;
    }

    private static Problem bounded(String name, String value, int min, int max, String message) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        return invalid(name, message);
    }

    /** Percent-decodes as UTF-8 (and '+' as a space in a query); null when the encoding is broken. */
    static String decode(String raw, boolean query) {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%') {
                if (i + 2 >= utf8.length) {
                    return null;
                }
                int hi = Character.digit(utf8[i + 1], 16);
                int lo = Character.digit(utf8[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (query && b == '+') {
                bytes.write(' ');
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static Problem invalid(String field, String message) {
        return Problem.of("validation", "请求内容有误 Invalid request", 400, "请更正标出的字段后重新提交")
                .withErrors(List.of(new Problem.FieldError(field, message)));
    }

    private void refuse(RoutingContext rc, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem.withInstance(rc.request().path()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        boolean unreadBody = problem.status() == 413;
        var response = rc.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8");
        if (unreadBody) {
            // The refused body is never read, so the connection cannot carry another request after it.
            response.putHeader("Connection", "close");
        }
        response.end(body).onComplete(done -> {
            if (unreadBody) {
                rc.request().connection().close();
            }
        });
    }
}
