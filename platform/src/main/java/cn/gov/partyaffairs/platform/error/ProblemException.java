package cn.gov.partyaffairs.platform.error;

import java.util.List;

/** Thrown by services for a refusal the caller can act on; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(Problem.of("not-found", "未找到 Not found", 404, what + " " + key + " 不存在"));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "与当前状态冲突 Conflict", 409, detail));
    }

    /** An action the current state does not allow; the response names the state. */
    public static ProblemException illegalTransition(String currentState, String action) {
        return new ProblemException(Problem.of("illegal-transition", "当前状态不允许此操作 Not allowed in this state", 409,
                "当前状态为 " + currentState + "，不能" + action).withCurrentState(currentState));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("validation", "请求内容有误 Invalid request", 400,
                "请更正标出的字段后重新提交").withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "无权操作 Forbidden", 403, detail));
    }
}
