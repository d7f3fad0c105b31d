package cn.gov.partyaffairs.gateway;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A stream client that keeps the id and data lines it received. */
public final class SseTestClient implements AutoCloseable {
    public final ConcurrentLinkedQueue<String[]> events = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<HttpResponse<java.io.InputStream>> response;

    public SseTestClient(URL url, String lastEventId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        // Read on a thread of its own, never in a thread that happens to complete or wait for the answer.
        response.thenAcceptAsync(r -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String id = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:") && id != null) {
                        events.add(new String[] {id, line.substring(5)});
                        id = null;
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }, task -> {
            Thread reader = new Thread(task, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    public List<String> dataContaining(String marker) {
        List<String> found = new ArrayList<>();
        events.forEach(e -> {
            if (e[1].contains(marker)) {
                found.add(e[1]);
            }
        });
        return found;
    }

    public String lastIdContaining(String marker) {
        String last = null;
        for (String[] e : events) {
            if (e[1].contains(marker)) {
                last = e[0];
            }
        }
        return last;
    }

    @Override
    public void close() {
        response.thenAccept(r -> {
            try {
                r.body().close();
            } catch (Exception ignored) {
                // already closed
            }
        });
        response.cancel(true);
    }
}
