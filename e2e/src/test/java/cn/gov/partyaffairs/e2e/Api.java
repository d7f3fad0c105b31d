package cn.gov.partyaffairs.e2e;

import cn.gov.partyaffairs.client.ApiClient;
import com.fasterxml.jackson.databind.DeserializationFeature;

/** The generated client (api-client) pointed at the suite's gateway, as another department's system would use it. */
final class Api {

    private Api() {
    }

    /**
     * A client acting with the token (null: anonymous). Strict: an answer with a field the gateway's document does
     * not name fails, so every call also checks that the document says what the wire carries.
     */
    static ApiClient as(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Suite.gateway());
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
