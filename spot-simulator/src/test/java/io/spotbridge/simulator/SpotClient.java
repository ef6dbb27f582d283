package io.spotbridge.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to a simulator over real HTTP, as one API token (or none). */
public final class SpotClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private final Optional<String> token;

    SpotClient(String baseUrl, Optional<String> token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public SpotResponse get(String path) {
        return send("GET", path, Optional.empty());
    }

    public SpotResponse delete(String path) {
        return send("DELETE", path, Optional.empty());
    }

    public SpotResponse post(String path, Object body) {
        return send("POST", path, Optional.of(json(body)));
    }

    public SpotResponse put(String path, Object body) {
        return send("PUT", path, Optional.of(json(body)));
    }

    /** Sends the body as it is, so tests can send broken JSON. */
    public SpotResponse sendRaw(String method, String path, String body) {
        return send(method, path, Optional.of(body));
    }

    public CompletableFuture<SpotResponse> getAsync(String path) {
        return HTTP.sendAsync(request("GET", path, Optional.empty()), BodyHandlers.ofString()).thenApply(SpotClient::parse);
    }

    /** Creates a user and answers its userId. */
    public String createUser(String email) {
        SpotResponse created = post("/setup/user?generateToken=false", Map.of("email", email, "firstName", "Ada",
                "lastName", "Lovelace", "password", "Secret-123", "role", "viewer"));
        assertThat(created.status()).as("create user %s: %s", email, created.body()).isEqualTo(200);
        return created.item().get("userId").asString();
    }

    /** Creates a user group and answers its id. */
    public String createGroup(String name) {
        SpotResponse created = post("/setup/access/userGroup", Map.of("userGroup", Map.of("name", name)));
        assertThat(created.status()).as("create group %s: %s", name, created.body()).isEqualTo(200);
        return created.item().get("id").asString();
    }

    public List<String> accountIds() {
        return get("/setup/account").items().stream().map((account) -> account.get("accountId").asString()).toList();
    }

    private SpotResponse send(String method, String path, Optional<String> body) {
        try {
            return parse(HTTP.send(request(method, path, body), BodyHandlers.ofString()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private HttpRequest request(String method, String path, Optional<String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(method, body.map(BodyPublishers::ofString).orElse(BodyPublishers.noBody()));
        this.token.ifPresent((value) -> request.header("Authorization", "Bearer " + value));
        return request.build();
    }

    private static SpotResponse parse(HttpResponse<String> response) {
        String text = response.body().isEmpty() ? "{}" : response.body();
        return new SpotResponse(response.statusCode(), response.headers(), JSON.readTree(text));
    }

    private static String json(Object body) {
        return (body instanceof String text) ? text : JSON.writeValueAsString(body);
    }

}
