package app.hindsight.prediction.model;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.hindsight.text.SingleLine;

/**
 * The measurable side of a quantitative prediction: from {@code baseline} towards {@code target}. Embedded in the
 * prediction (metric_*).
 */
@Embeddable
public record Metric(
        @NotBlank @Size(max = 200) @SingleLine @Schema(example = "price relative to early 2026")
        String name,

        @Size(max = 50) @SingleLine @Schema(example = "ratio")
        String unit,

        @Valid Baseline baseline,
        @NotNull @Schema(example = "0.01") Double target,

        @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @NotNull
        Direction direction,

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.VARCHAR)
        @Schema(
                description = "LINEAR (the default) or LOG: progress measured in ratios, e.g. for \"100x cheaper\"; "
                        + "LOG needs a baseline and a target above 0, and observations above 0: a metric with "
                        + "observations of 0 or below cannot become LOG. Every value (baseline, target, observation) "
                        + "is 0 or of a magnitude from 1e-12 to 1e15",
                defaultValue = "LINEAR")
        Scale scale) {

    /** LINEAR unless said otherwise. */
    public Metric {
        if (scale == null) {
            scale = Scale.LINEAR;
        }
    }

    @Embeddable
    public record Baseline(@NotNull Double value, LocalDate on) {}
}
