package cn.gov.partyaffairs.platform.openapi;

import cn.gov.partyaffairs.platform.error.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Puts {@link Problem} among every part's schemas, read from the record itself, so that {@link ProblemResponses} can
 * refer to it. The title and version here are placeholders: each part names itself in its configuration
 * ({@code quarkus.smallrye-openapi.info-*}), which takes precedence.
 */
@OpenAPIDefinition(info = @Info(title = "党务公开平台", version = "1"),
        components = @Components(schemas = @Schema(name = ProblemDocumentation.SCHEMA, implementation = Problem.class)))
public final class ProblemDocumentation {

    static final String SCHEMA = "Problem";

    private ProblemDocumentation() {
    }
}
