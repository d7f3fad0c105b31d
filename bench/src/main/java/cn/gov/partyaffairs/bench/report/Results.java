package cn.gov.partyaffairs.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured: figures in the order they were taken, each with its unit and, where it has one, the
 * baseline of the same run it is set against. Targets are judged on these afterwards ({@link Targets}).
 */
public final class Results {

    /**
     * One figure. {@code id} is stable across runs (compare files by it); {@code baseline} names another figure's id.
     */
    public record Figure(String id, String group, String name, double value, String unit, String baseline) {

        public boolean sane() {
            return !Double.isNaN(value) && !Double.isInfinite(value) && value >= 0;
        }
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public Figure add(String id, String group, String name, double value, String unit) {
        return add(id, group, name, value, unit, null);
    }

    public Figure add(String id, String group, String name, double value, String unit, String baseline) {
        Figure figure = new Figure(id, group, name, value, unit, baseline);
        figures.put(id, figure);
        return figure;
    }

    public Optional<Figure> get(String id) {
        return Optional.ofNullable(figures.get(id));
    }

    public double value(String id) {
        Figure figure = figures.get(id);
        return figure == null ? Double.NaN : figure.value();
    }

    /** The figure over its baseline, or NaN when either is missing. */
    public double ratio(Figure figure) {
        if (figure.baseline() == null) {
            return Double.NaN;
        }
        double base = value(figure.baseline());
        return base > 0 ? figure.value() / base : Double.NaN;
    }

    public List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    /** Settings, machine, versions: what the figures were measured on. */
    public void context(String key, Object value) {
        context.put(key, value);
    }

    public Map<String, Object> context() {
        return context;
    }

    /** A scenario that could not be measured says why; the run goes on and the quick check fails on it. */
    public void problem(String text) {
        problems.add(text);
    }

    public List<String> problems() {
        return problems;
    }
}
