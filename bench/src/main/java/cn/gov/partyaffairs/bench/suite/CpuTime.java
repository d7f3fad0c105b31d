package cn.gov.partyaffairs.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** CPU time (user and system) that processes have used, read from {@code /proc}, in clock ticks. */
public final class CpuTime {

    /** Linux's USER_HZ: {@code /proc/<pid>/stat} counts CPU time in hundredths of a second. */
    public static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat}; a process that has ended counts 0. */
    public static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    public static long ticks(Collection<Long> pids) {
        return pids.stream().mapToLong(CpuTime::ticks).sum();
    }

    /** Every process whose name is {@code command} (e.g. the PostgreSQL server and each of its backends). */
    public static List<Long> named(String command) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    if (command.equals(Files.readString(p.resolve("comm")).strip())) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }
}
