package cn.gov.partyaffairs.commitment.config;

import cn.gov.partyaffairs.commitment.commitments.CommitmentStatus;
import cn.gov.partyaffairs.contracts.Labels;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static cn.gov.partyaffairs.contracts.LabelsAssert.missing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every category the service accepts, and every state it names, has a Chinese and an English name. */
class LabelsInUseTest {

    @Test
    void everyCodeTheServiceAcceptsHasAChineseAndAnEnglishName() throws IOException {
        Properties properties = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> categories = Arrays.stream(properties.getProperty("commitment.categories").split(","))
                .map(String::trim).toList();
        assertFalse(categories.isEmpty());
        List<String> missing = new ArrayList<>(missing(Labels.CATEGORY, categories));
        missing.addAll(missing(Labels.STATUS, CommitmentStatus.class));
        assertEquals(List.of(), missing);
    }
}
