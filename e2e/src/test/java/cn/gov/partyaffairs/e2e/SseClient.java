package cn.gov.partyaffairs.e2e;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A Server-Sent Events client as a browser's EventSource behaves: it keeps each event's id and data. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private static final java.util.concurrent.Executor READER = task -> {
        Thread reader = new Thread(task, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    };

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<HttpResponse<InputStream>> response;

    SseClient(String url, String lastEventId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        // The reading runs on a thread of its own: a plain thenAccept may run it in the thread that waits in
        // connected() (a CompletableFuture's waiter helps complete it), which then reads the stream for ever.
        response.thenAcceptAsync(r -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:") && id != null) {
                        events.add(new Event(id, name, line.substring(5)));
                        id = null;
                        name = null;
                    }
                }
            } catch (Exception closed) {
                // closed by the test
            }
        }, READER);
    }

    /** Waits until the stream answered: from then on the gateway sends it every new event. */
    SseClient connected() {
        try {
            int status = response.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode();
            if (status != 200) {
                throw new IllegalStateException("the stream answered " + status);
            }
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("the stream did not answer", e);
        }
    }

    List<Event> containing(String marker) {
        List<Event> found = new ArrayList<>();
        events.forEach(e -> {
            if (e.data().contains(marker)) {
                found.add(e);
            }
        });
        return found;
    }

    @Override
    public void close() {
        // The reading runs on a thread of its own: a plain thenAccept may run it in the thread that waits in
        // connected() (a CompletableFuture's waiter helps complete it), which then reads the stream for ever.
        response.thenAcceptAsync(r -> {
            try {
                r.body().close();
            } catch (Exception ignored) {
                // already closed
            }
        });
        response.cancel(true);
    }
}
