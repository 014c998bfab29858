package app.hindsight.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.scheduler.Scheduler;

/**
 * Ready only while the scheduler runs: a replica whose Quartz is paused or shut down would serve requests but
 * never flag anything. The database has its own readiness check (Agroal's).
 */
@Readiness
@ApplicationScoped
public class SchedulerReadiness implements HealthCheck {

    @Inject
    Scheduler scheduler;

    @Inject
    org.quartz.Scheduler quartz;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        String state;
        try {
            up = scheduler.isRunning() && quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
            state = up ? "running" : "paused or stopped";
        } catch (org.quartz.SchedulerException | RuntimeException e) {
            up = false;
            state = "unavailable: " + e.getMessage();
        }
        return HealthCheckResponse.named("Scheduler")
                .status(up)
                .withData("state", state)
                .build();
    }
}
