package app.hindsight.forecast;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.shared.NotFound;

/** Forecasters' records, ranked best first, each computed on read by {@link ScoreQueries}. */
@ApplicationScoped
public class ForecasterRecords {

    @Inject
    ScoreQueries scores;

    /** Every forecaster with at least {@code minScored} scored predictions, best first. */
    @Transactional
    public List<ForecasterView> ranked(long minScored, boolean includeProvisional) {
        return scores.forecasters(null, includeProvisional).values().stream()
                .map(ForecasterView::of)
                .filter(f -> f.scored() >= minScored)
                .sorted(ForecasterView.BEST_FIRST)
                .toList();
    }

    /** One forecaster's scores and calibration; 404 for a name that never forecast. */
    @Transactional
    public ForecasterRecord record(String name, boolean includeProvisional) {
        Map<String, ScoreQueries.ForecasterScores> one = scores.forecasters(name, includeProvisional);
        ScoreQueries.ForecasterScores s = one.get(name);
        if (s == null) {
            throw new NotFound("forecaster", name);
        }
        return ForecasterRecord.of(
                ForecasterView.of(s), ForecasterRecord.bins(scores.calibration(name, includeProvisional)));
    }

    /** The calibration chart as an SVG document. */
    public String calibrationSvg(String name) {
        return CalibrationChart.svg(name, record(name, false).calibration());
    }
}
