package cn.gov.partyaffairs.bench.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The least a Quarkus REST endpoint can do: a small JSON body, on the event loop like the framework's fast path. */
@Path("/hello")
public class HelloResource {

    public record Greeting(String greeting) {
    }

    private static final Greeting GREETING = new Greeting("你好");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting hello() {
        return GREETING;
    }
}
