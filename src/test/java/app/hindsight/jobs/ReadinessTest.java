package app.hindsight.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness reports the database and the scheduler; a paused scheduler makes the replica not ready. */
@QuarkusTest
class ReadinessTest {

    @Inject
    Scheduler scheduler;

    @Test
    void readyWhileTheSchedulerRunsAndNotWhilePaused() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItems("Scheduler", "Database connections health check"));
        scheduler.pause();
        try {
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'Scheduler' }.status", equalTo("DOWN"));
        } finally {
            scheduler.resume();
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
