package cn.gov.partyaffairs.platform.http;

import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Enum values in a path, query or header by their exact name only, and a wrong one refused as a 400 naming the
 * parameter and the values it takes. JAX-RS turns a query or path value that does not convert into a bare 404, which
 * tells a clerk who mistyped {@code ?status=} nothing; an empty value means no filter, as a form sends it.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    /** A parameter that does not convert; thrown as a WebApplicationException so JAX-RS passes it on unwrapped. */
    public static final class InvalidParameterException extends WebApplicationException {
        private final transient Problem problem;

        InvalidParameterException(Problem problem) {
            super(problem.detail(), 400);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = nameOf(annotations);
        Enum<?>[] constants = (Enum<?>[]) rawType.getEnumConstants();
        String allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining("、"));
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                for (Enum<?> constant : constants) {
                    if (constant.name().equals(value)) {
                        return (T) constant;
                    }
                }
                throw new InvalidParameterException(ProblemException.invalid(name,
                        "「" + shorten(value) + "」不是可选的值，请填写以下之一：" + allowed).problem());
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum) value).name();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }

    /** What of the caller's value the answer repeats: short, so that it never echoes a huge value whole. */
    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
