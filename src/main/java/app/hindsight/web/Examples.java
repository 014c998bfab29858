package app.hindsight.web;

/** Example documents for the OpenAPI description, kept in one place. */
public final class Examples {

    private Examples() {}

    // Try it out runs against a seeded database: the request examples name no seeded key, so they succeed.
    // The source of the import example is this one, field for field: importing after creating it changes nothing.
    public static final String NEW_SOURCE = """
            {"key": "whitfield-ai-coding-keynote-2026-03-12", "title": "The state of AI coding, keynote", \
            "speaker": "Dana Whitfield", "date": "2026-03-12", \
            "url": "https://example.org/talks/state-of-ai-coding-2026", "language": "en", \
            "description": "Industry analyst's keynote on how coding agents change software teams"}""";

    // No key: it is made from the statement, with a numeric suffix when taken, so Execute works twice.
    public static final String NEW_PREDICTION = """
            {"statement": "By the end of 2028 AI coding agents will write at least half of the code merged at large software companies.", \
            "kind": "FORECAST", "speaker": "Dana Whitfield", "madeOn": "2026-03-12", \
            "quote": {"text": "By the end of 2028 I expect agents, not engineers, to write at least half of the code that large software companies merge.", "lang": "en", "locator": "keynote, 14:05"}, \
            "topics": ["software-engineering", "coding-agents"], \
            "target": {"date": "2028-12-31", "precision": "YEAR", "basis": "EXPLICIT", "label": "by the end of 2028"}, \
            "reviewEvery": "P6M", \
            "resolutionCriteria": "CORRECT if a survey or disclosure covering most large software companies puts the share of merged code written by AI agents in 2028 at 50% or more.", \
            "metric": {"name": "share of merged code written by AI agents", "unit": "percent", "baseline": {"value": 20, "on": "2026-03-12"}, "target": 50, "direction": "INCREASE"}}""";

    public static final String PATCH = """
            {"topics": ["cost", "pricing"], "resolutionCriteria": null}""";

    public static final String RESOLUTION = """
            {"outcome": "CORRECT", "note": "Price list of 2027-12 shows a 120x drop.", \
            "evidence": [{"url": "https://example.org/pricing-2027", "title": "Pricing page, December 2027"}]}""";

    public static final String DEFERRAL = """
            {"until": "2028-03-31", "note": "Q4 price lists not out yet"}""";

    public static final String INVALID = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "2 fields are invalid", "instance": "/api/v1/predictions", \
            "errors": [{"field": "statement", "message": "must not be blank"}, \
            {"field": "target.basis", "message": "must be one of EXPLICIT, INFERRED, NONE"}]}""";

    public static final String INVALID_SOURCE = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "2 fields are invalid", "instance": "/api/v1/sources", \
            "errors": [{"field": "date", "message": "must not be null"}, \
            {"field": "language", "message": "must be a BCP 47 language tag like zh-Hant"}]}""";

    public static final String BAD_CURSOR = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "cursor: not a cursor this service issued; use nextCursor from a previous page", \
            "errors": [{"field": "cursor", "message": "not a cursor this service issued; use nextCursor from a previous page"}]}""";

    public static final String TOO_COSTLY = """
            {"type": "/problems/too-costly", "title": "Query too costly", "status": 422, \
            "detail": "finding this page would examine more than 100000 predictions, more than one request may: add a \
            filter that narrows the search (topic, speaker, source, kind, status or a short dueBefore/dueAfter range), \
            or export every match with Accept: text/csv or application/x-ndjson", "instance": "/api/v1/predictions"}""";

    public static final String BUSY = """
            {"type": "/problems/overloaded", "title": "Service busy", "status": 503, \
            "detail": "finding this page took longer than 10.0 s; the service is busy; retry shortly, or narrow the \
            filters", "instance": "/api/v1/predictions"}""";

    public static final String NOT_FOUND = """
            {"type": "/problems/not-found", "title": "Not found", "status": 404, \
            "detail": "prediction 'no-such-key' does not exist", "instance": "/api/v1/predictions/no-such-key"}""";

    public static final String SOURCE_NOT_FOUND = """
            {"type": "/problems/not-found", "title": "Not found", "status": 404, \
            "detail": "source 'no-such-source' does not exist", "instance": "/api/v1/sources/no-such-source"}""";

    public static final String WRONG_STATUS = """
            {"type": "/problems/invalid-transition", "title": "Transition not allowed", "status": 409, \
            "detail": "cannot defer a prediction whose status is OPEN", "currentStatus": "OPEN"}""";

    public static final String PRECONDITION_REQUIRED = """
            {"type": "/problems/precondition-required", "title": "If-Match required", "status": 428, \
            "detail": "send the ETag from a GET of this prediction in an If-Match header"}""";

    public static final String PRECONDITION_FAILED = """
            {"type": "/problems/precondition-failed", "title": "Stale ETag", "status": 412, \
            "detail": "the prediction was changed since your copy; its current ETag is \\"3\\""}""";

    public static final String IMPORT = """
            [{"type": "source", "key": "whitfield-ai-coding-keynote-2026-03-12", "title": "The state of AI coding, keynote", \
            "speaker": "Dana Whitfield", "date": "2026-03-12", \
            "url": "https://example.org/talks/state-of-ai-coding-2026", "language": "en", \
            "description": "Industry analyst's keynote on how coding agents change software teams"}, \
            {"key": "agents-give-first-review-of-most-pull-requests-by-2027", \
            "statement": "By the end of 2027 AI agents will give the first review of most pull requests at large software companies.", \
            "kind": "FORECAST", "source": "whitfield-ai-coding-keynote-2026-03-12", \
            "quote": {"text": "Before 2027 is out, most pull requests at big companies will get their first review from an agent.", "lang": "en"}, \
            "topics": ["software-engineering", "code-review"], \
            "target": {"date": "2027-12-31", "precision": "YEAR", "basis": "EXPLICIT", "label": "by the end of 2027"}, \
            "reviewEvery": "P6M"}]""";

    public static final String INVALID_IMPORT = """
            {"type": "/problems/invalid-import", "title": "The import is not valid", "status": 422, \
            "detail": "2 item(s) are invalid; nothing was imported", "instance": "/api/v1/imports", \
            "errors": [{"index": 3, "field": "target.date", "message": "required when target.basis is EXPLICIT"}, \
            {"index": 7, "field": "kind", "message": "'GUESS' must be one of FORECAST, COMMITMENT, STANCE, CLAIM"}]}""";

    public static final String NEW_WEBHOOK = """
            {"url": "https://chat.example.org/hooks/hindsight", "eventTypes": ["prediction.due", "review.overdue"], \
            "description": "Chat bridge, #predictions channel"}""";

    public static final String WEBHOOK_CREATED = """
            {"id": 3, "url": "https://chat.example.org/hooks/hindsight", \
            "eventTypes": ["prediction.due", "review.overdue"], "description": "Chat bridge, #predictions channel", \
            "enabled": true, "consecutiveFailures": 0, "disabledAt": null, "disabledReason": null, \
            "createdAt": "2026-02-01T09:30:00Z", "createdBy": "admin", \
            "secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD5m0qDx2ShHY="}""";

    public static final String INVALID_WEBHOOK = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "2 fields are invalid", "instance": "/api/v1/webhooks", \
            "errors": [{"field": "eventTypes[0]", "message": "must be one of prediction.due, prediction.upcoming, review.overdue, prediction.off-track"}, \
            {"field": "url", "message": "must be an http or https URL"}]}""";

    public static final String WEBHOOK_NOT_FOUND = """
            {"type": "/problems/not-found", "title": "Not found", "status": 404, \
            "detail": "webhook '42' does not exist", "instance": "/api/v1/webhooks/42"}""";

    public static final String WEBHOOK_DELIVERIES = """
            {"items": [{"id": 151, "messageId": "msg_1051", "eventType": "prediction.due", \
            "predictionKey": "gpt5-level-intelligence-100x-cheaper-by-2027", "status": "DELIVERED", \
            "createdAt": "2028-01-01T00:00:02Z", "deliveredAt": "2028-01-01T00:05:07Z", "nextAttemptAt": null, \
            "attempts": [{"attempt": 1, "at": "2028-01-01T00:00:02Z", "statusCode": 503, "durationMs": 41, "error": null}, \
            {"attempt": 2, "at": "2028-01-01T00:00:07Z", "statusCode": null, "durationMs": 10003, "error": "no response within 10000 ms"}, \
            {"attempt": 3, "at": "2028-01-01T00:05:07Z", "statusCode": 204, "durationMs": 38, "error": null}]}], \
            "nextCursor": null}""";
}
