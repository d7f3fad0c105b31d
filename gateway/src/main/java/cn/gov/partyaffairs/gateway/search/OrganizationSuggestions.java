package cn.gov.partyaffairs.gateway.search;

import cn.gov.partyaffairs.gateway.readmodel.ReadModelGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.search.spell.NGramDistance;
import org.apache.lucene.search.spell.StringDistance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Did you mean …": the organizations whose names are close to what a visitor typed, for a name written with a wrong
 * or missing character (朱家场镇鱼糖村 for 朱家场镇鱼塘村党支部). Names are compared by their character pairs (Lucene's
 * n-gram distance, which suits Chinese, where a word has no spaces), with and without the party body's suffix.
 */
@ApplicationScoped
public class OrganizationSuggestions {

    private static final double CLOSE_ENOUGH = 0.6;
    private static final int AT_MOST = 3;
    private static final Pattern SUFFIX = Pattern.compile("(党支部|党总支|党委|党组|委员会)$");

    public record Suggestion(String code, String name) {
    }

    private record Name(String code, String name, String bare) {
    }

    private final DataSource database;
    private final ReadModelGeneration generation;
    private final StringDistance distance = new NGramDistance(2);
    private volatile List<Name> names = List.of();
    private volatile long loadedAt = -1;

    public OrganizationSuggestions(DataSource database, ReadModelGeneration generation) {
        this.database = database;
        this.generation = generation;
    }

    public List<Suggestion> suggest(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String typed = text.replaceAll("\\s+", "");
        record Scored(Name name, float score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Name name : names()) {
            if (name.name().contains(typed)) {
                continue; // found as it is: nothing to suggest
            }
            float score = Math.max(distance.getDistance(typed, name.name()), distance.getDistance(typed, name.bare()));
            if (score >= CLOSE_ENOUGH) {
                scored.add(new Scored(name, score));
            }
        }
        return scored.stream().sorted(Comparator.comparing(Scored::score).reversed()).limit(AT_MOST)
                .map(s -> new Suggestion(s.name().code(), s.name().name())).toList();
    }

    /** The register's names, read again when the read models have moved since. */
    private List<Name> names() {
        long now = generation.current();
        if (now != loadedAt) {
            List<Name> loaded = new ArrayList<>();
            try (Connection c = database.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT code, name FROM organization_view WHERE active");
                 ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString("name");
                    loaded.add(new Name(rows.getString("code"), name, SUFFIX.matcher(name).replaceAll("")));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the register's names", e);
            }
            names = loaded;
            loadedAt = now;
        }
        return names;
    }
}
