package app.hindsight.apicheck;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.hindsight.client.ApiClient;
import app.hindsight.client.ApiException;
import app.hindsight.client.api.PredictionsApi;
import app.hindsight.client.model.Basis;
import app.hindsight.client.model.Evidence;
import app.hindsight.client.model.Kind;
import app.hindsight.client.model.NewPrediction;
import app.hindsight.client.model.Outcome;
import app.hindsight.client.model.PagePredictionView;
import app.hindsight.client.model.Precision;
import app.hindsight.client.model.Prediction;
import app.hindsight.client.model.Problem;
import app.hindsight.client.model.Quote;
import app.hindsight.client.model.Resolution;
import app.hindsight.client.model.Status;
import app.hindsight.client.model.Target;

/**
 * Uses the client generated from openapi/openapi.yaml the way a client author would: creates a prediction,
 * reads it, finds it in the list, resolves it, and reads a problem document. Any step that does not do what the
 * description says ends the program with an exception (exit status 1).
 *
 * <p>Arguments: the service's base URL (http://localhost:8080) and a token with the editor and reviewer roles.
 */
public final class ClientCheck {

    private ClientCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || args[1].isBlank()) {
            throw new IllegalArgumentException("arguments: <base URL> <token with editor and reviewer roles>");
        }
        ApiClient client = new ApiClient();
        // HTTP/1.1: the JDK client otherwise asks to upgrade to h2c, which the Prism proxy in CI does not pass on.
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.updateBaseUri(args[0]);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + args[1]));
        PredictionsApi predictions = new PredictionsApi(client);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // Create: no key, so one is made from the statement.
        Prediction created = predictions.createPrediction(new NewPrediction()
                .statement("By the end of 2030 generated client run " + run + " will have checked the API.")
                .kind(Kind.FORECAST)
                .speaker("Client Check")
                .madeOn(LocalDate.now())
                .quote(new Quote().text("the generated client works").lang("en"))
                .topics(List.of("client-check"))
                .target(new Target().date(LocalDate.of(2030, 12, 31)).precision(Precision.YEAR)
                        .basis(Basis.EXPLICIT).label("by the end of 2030"))
                .resolutionCriteria("CORRECT once the client has resolved it."));
        check(created.getKey() != null && created.getStatus() == Status.OPEN, "created OPEN with a key", created);
        String key = created.getKey();

        // Read.
        Prediction read = predictions.getPrediction(key);
        check(read.getStatement().equals(created.getStatement()) && read.getTarget().getDate()
                .equals(LocalDate.of(2030, 12, 31)) && read.getMetric() == null, "read back as created", read);

        // List, with the filters a client would use.
        PagePredictionView page = predictions.listPredictions(List.of(Status.OPEN), Kind.FORECAST, "client-check",
                "client check", null, null, null, run, false, null, null, "-updated", 10, null);
        check(page.getItems().size() == 1 && page.getItems().get(0).getKey().equals(key), "listed", page);

        // Resolve, with the version read as If-Match.
        Prediction resolved = predictions.resolvePrediction(key, new Resolution().outcome(Outcome.CORRECT)
                .note("The generated client created, read, listed and resolved it.")
                .evidence(List.of(new Evidence().url("https://example.org/client-check/" + run)
                        .title("Client check run " + run))), "\"" + read.getVersion() + "\"");
        check(resolved.getStatus() == Status.RESOLVED && resolved.getResolution() != null
                && resolved.getResolution().getOutcome() == Outcome.CORRECT, "resolved CORRECT", resolved);
        check(predictions.getPrediction(key).getStatus() == Status.RESOLVED, "read back RESOLVED", key);

        // A refusal is a problem document the client can read.
        try {
            predictions.getPrediction("no-such-prediction-" + run);
            throw new IllegalStateException("a prediction that does not exist was found");
        } catch (ApiException e) {
            Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            check(e.getCode() == 404 && problem.getStatus() == 404 && problem.getType().toString()
                    .equals("/problems/not-found"), "404 problem document", e.getResponseBody());
        }
        System.out.println("Generated client: created, read, listed and resolved " + key);
    }

    private static void check(boolean ok, String what, Object got) {
        if (!ok) {
            throw new IllegalStateException("not " + what + ": " + got);
        }
        System.out.println("ok: " + what);
    }
}
