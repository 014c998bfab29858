package app.hindsight.prediction.store;

import app.hindsight.shared.DomainException;

/**
 * A list page that would examine more predictions than one request may (hindsight.list.scan-budget): its filters
 * leave too little for an index to narrow. Not the client's mistake, but nothing a retry changes either (422): the
 * client can narrow the filters, or export every match instead.
 */
public class ScanBudgetExceeded extends DomainException {

    private final int budget;

    public ScanBudgetExceeded(int budget) {
        super(
                422,
                "too-costly",
                "Query too costly",
                "finding this page would examine more than " + budget + " predictions, more than one request may: "
                        + "add a filter that narrows the search (topic, speaker, source, kind, status or a short dueBefore/"
                        + "dueAfter range), or export every match with Accept: text/csv or application/x-ndjson");
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }
}
