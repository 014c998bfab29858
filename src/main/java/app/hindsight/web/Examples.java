package app.hindsight.web;

/** Example documents for the OpenAPI description, kept in one place. */
public final class Examples {

    private Examples() {
    }

    public static final String NEW_SOURCE = """
            {"key": "altman-town-hall-2026-01-27", "title": "OpenAI town hall with Sam Altman", \
            "speaker": "Sam Altman", "date": "2026-01-27", "language": "zh-Hant", \
            "description": "Summary of the builders' town hall"}""";

    public static final String NEW_PREDICTION = """
            {"key": "gpt5-level-intelligence-100x-cheaper-by-2027", \
            "statement": "By the end of 2027 OpenAI will offer GPT-5-level intelligence at least 100 times cheaper than in early 2026.", \
            "kind": "FORECAST", "source": "altman-town-hall-2026-01-27", \
            "quote": {"text": "到2027年底，OpenAI將提供類似GPT-5水平的高級智能，成本至少降低100倍", "lang": "zh-Hant", "locator": "§5"}, \
            "topics": ["cost", "models"], \
            "target": {"date": "2027-12-31", "precision": "YEAR", "basis": "EXPLICIT", "label": "by the end of 2027"}, \
            "reviewEvery": "P6M", \
            "resolutionCriteria": "Compare OpenAI's price per token for a GPT-5-level model at the end of 2027 with January 2026.", \
            "metric": {"name": "price relative to early 2026", "unit": "ratio", "baseline": {"value": 1, "on": "2026-01-27"}, "target": 0.01, "direction": "DECREASE"}}""";

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
            [{"type": "source", "key": "altman-town-hall-2026-01-27", "title": "OpenAI town hall with Sam Altman", \
            "speaker": "Sam Altman", "date": "2026-01-27", "language": "zh-Hant"}, \
            {"key": "delivery-speed-becomes-key-differentiator", \
            "statement": "Delivery speed will become a key differentiator between AI model providers.", \
            "kind": "FORECAST", "source": "altman-town-hall-2026-01-27", "topics": ["speed"], \
            "target": {"basis": "NONE"}, "reviewEvery": "P6M"}]""";

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
            "errors": [{"field": "eventTypes[0]", "message": "must be one of prediction.due, prediction.upcoming, review.overdue"}, \
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
