package dev.actionrec.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTableTest {

    @Test
    void cellsPadsMissingColumns() {
        assertArrayEquals(new String[] {"floor", "1 ms", ""}, BenchTable.cells("floor\t1 ms"));
    }

    @Test
    void sectionsFollowTableOrder() {
        assertEquals(0, BenchTable.section(new String[] {"floor: mmul", "", ""}));
        assertEquals(2, BenchTable.section(new String[] {"sampling: ffmpeg", "", ""}));
        assertEquals(7, BenchTable.section(new String[] {"memory: soak", "", ""}));
        assertEquals(8, BenchTable.section(new String[] {"other", "", ""}));
    }

    @Test
    void markdownEscapesPipes() {
        String markdown = BenchTable.markdown(List.of("load 1.0"),
                List.<String[]>of(new String[] {"a|b", "1 ms", "n"}));

        assertEquals("load 1.0\n\n| measurement | result | notes |\n|---|---|---|\n"
                + "| a\\|b | 1 ms | n |\n", markdown);
    }

    @Test
    void mainSortsRowsIntoSections(@TempDir Path dir) throws IOException {
        Path rows = dir.resolve("rows.tsv");
        Files.writeString(rows, "memory: soak\t400 MiB\tn\nfloor: mmul\t90 GFLOP/s\tn\n",
                StandardCharsets.UTF_8);
        Path markdown = dir.resolve("table.md");

        BenchTable.main(new String[] {rows.toString(), markdown.toString()});

        String written = Files.readString(markdown, StandardCharsets.UTF_8);
        assertTrue(written.indexOf("floor: mmul") < written.indexOf("memory: soak"), written);
    }
}
