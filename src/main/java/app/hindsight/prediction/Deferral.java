package app.hindsight.prediction;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Snooze a due prediction until a later date; its target stays as it was. */
public record Deferral(@NotNull LocalDate until, @Size(max = 4000) String note) {
}
