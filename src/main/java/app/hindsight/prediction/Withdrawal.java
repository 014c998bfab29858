package app.hindsight.prediction;

import jakarta.validation.constraints.Size;

/** Why a prediction is taken out of tracking (e.g. a mis-extraction). */
public record Withdrawal(@Size(max = 4000) String note) {
}
