package cn.gov.partyaffairs.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * For the modules' tests that every code they use has a Chinese and an English name in {@link Labels}: the codes
 * without one, as {@code vocabulary.code}, so a failing assertion names them.
 */
public final class LabelsAssert {

    private LabelsAssert() {
    }

    public static List<String> missing(String vocabulary, Collection<String> codes) {
        return codes.stream()
                .filter(code -> Labels.find(vocabulary, code)
                        .filter(l -> !l.zh().isBlank() && !l.en().isBlank()).isEmpty())
                .map(code -> vocabulary + "." + code).sorted().toList();
    }

    public static List<String> missing(String vocabulary, Class<? extends Enum<?>> codes) {
        return missing(vocabulary, Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList());
    }

    /**
     * The codes a service's configuration knows under a prefix, in every profile: {@code disclosure.channels.} in
     * {@code application.properties} gives {@code banner} for {@code disclosure.channels.banner.public=true}.
     */
    public static Set<String> configuredCodes(String resource, String prefix) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> codes = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (plain.startsWith(prefix)) {
                String rest = plain.substring(prefix.length());
                codes.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return codes;
    }
}
