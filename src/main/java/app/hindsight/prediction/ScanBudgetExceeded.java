package app.hindsight.prediction;

/**
 * A list page that would examine more predictions than one request may (hindsight.list.scan-budget): its filters
 * leave too little for an index to narrow. The client can narrow them, or export every match instead.
 */
public class ScanBudgetExceeded extends RuntimeException {

    private final int budget;

    public ScanBudgetExceeded(int budget) {
        super(
                "finding this page would examine more than " + budget + " predictions, more than one request may: "
                        + "add a filter that narrows the search (topic, speaker, source, kind, status or a short dueBefore/"
                        + "dueAfter range), or export every match with Accept: text/csv or application/x-ndjson",
                null,
                false,
                false);
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }
}
