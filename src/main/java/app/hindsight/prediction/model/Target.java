package app.hindsight.prediction.model;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.hindsight.text.SingleLine;

/**
 * When a prediction should have come true: {@code date} is the last day of the window, {@code precision}
 * its size. {@code basis} says who chose it; with {@code NONE} there is no date and the prediction is
 * reviewed every {@code reviewEvery}. Embedded in the prediction's table (columns target_*).
 */
@Embeddable
public record Target(
        LocalDate date,

        @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR)
        Precision precision,

        @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @NotNull
        Basis basis,

        @Size(max = 300) @SingleLine @Schema(example = "by the end of 2027")
        String label) {

    public static Target none() {
        return new Target(null, null, Basis.NONE, null);
    }
}
