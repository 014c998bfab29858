package app.hindsight.prediction.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When an import refreshes the planner's statistics: when autovacuum's default analyze threshold says so. */
class PlannerStatisticsTest {

    @Test
    void aTableNeverAnalyzedIsStaleAfterAnyImport() {
        assertEquals(true, PlannerStatistics.stale(-1, 1));
    }

    @Test
    void staleOnceAnImportWritesMoreThan50RowsAndATenthOfTheTable() {
        assertEquals(false, PlannerStatistics.stale(0, 50));
        assertEquals(true, PlannerStatistics.stale(0, 51));
        assertEquals(false, PlannerStatistics.stale(100_000, 10_000));
        assertEquals(true, PlannerStatistics.stale(100_000, 10_051));
        assertEquals(false, PlannerStatistics.stale(1_000_000, 10_000));
    }
}
