package cn.gov.partyaffairs.bench.load;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.function.LongFunction;

/**
 * One unit of load: a request, or a few in a row (a clerk's draft, then its submission), completing with the last
 * answer's HTTP status once its whole body has arrived. {@code sequence} numbers the operations of one run.
 */
@FunctionalInterface
public interface Operation {

    Future<Integer> run(HttpClient client, long sequence);

    /** A GET of {@code path} with the given headers; the body is read to its end and dropped. */
    static Operation get(String path, MultiMap headers) {
        return get(sequence -> path, headers);
    }

    static Operation get(LongFunction<String> path, MultiMap headers) {
        return (client, sequence) -> send(client, HttpMethod.GET, path.apply(sequence), headers, null)
                .map(HttpAnswer::status);
    }

    /** An answer with its body, for operations that read what they were told (an id) before the next step. */
    record HttpAnswer(int status, Buffer body, HttpClientResponse response) {
    }

    static Future<HttpAnswer> send(HttpClient client, HttpMethod method, String path, MultiMap headers, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(path).setTimeout(30_000);
        if (headers != null) {
            options.setHeaders(headers);
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(read -> new HttpAnswer(response.statusCode(), read, response)));
    }
}
