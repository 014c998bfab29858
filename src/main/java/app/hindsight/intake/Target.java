package app.hindsight.intake;

import java.time.LocalDate;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Precision;

/**
 * A proposed target, as a prediction's {@code target}: {@code date} is the last day of the window, {@code basis}
 * EXPLICIT when the words name the window ("by the end of 2027", 明年) and INFERRED when a rule chose it ("in another
 * couple of years", 未來30年); {@code label} says which, in English, so an editor sees the rule.
 */
public record Target(LocalDate date, Precision precision, Basis basis, String label) {}
