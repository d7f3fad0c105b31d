package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Real access tokens of the demo users, renewed in the background well before they expire (the realm gives 15
 * minutes; a full campaign runs longer), so that sending a command never waits for Keycloak.
 */
final class Tokens implements AutoCloseable {

    private final SuiteAccess suite;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chaos-tokens");
        thread.setDaemon(true);
        return thread;
    });

    Tokens(SuiteAccess suite, List<String> users) {
        this.suite = suite;
        for (String user : users) {
            current.put(user, "Bearer " + suite.token(user));
        }
        renewer.scheduleWithFixedDelay(this::renew, 3, 3, TimeUnit.MINUTES);
    }

    String of(String user) {
        return current.get(user);
    }

    private void renew() {
        for (String user : current.keySet()) {
            try {
                current.put(user, "Bearer " + suite.token(user));
            } catch (RuntimeException e) {
                // The old one is still good for a while; the next round tries again.
                Chaos.log("could not renew " + user + "'s token: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
