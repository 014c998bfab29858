package app.hindsight.seed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.prediction.model.NewPrediction;

/**
 * One item of an import, for the API description only: the import reads items as JSON trees and tells them apart
 * by their "type" field.
 */
@Schema(
        name = "ImportItem",
        description = "A source (ImportSource: NewSource with \"type\": \"source\", and a seed file's revision) "
                + "or a prediction (NewPrediction, \"type\": \"prediction\" optional)",
        anyOf = {ImportSource.class, NewPrediction.class})
interface ImportItem {

    /** The default hindsight.http.max-import-body-size: what bounds an import is its size in bytes. */
    int MAX_BODY = 33_554_432;

    /** The smallest valid item takes more than 60 bytes, so a body of the default size holds fewer than this. */
    int MAX_ITEMS = 1_000_000;

    String BOUND = "At most hindsight.http.max-import-body-size bytes (32 MiB by default, which holds fewer "
            + "than a million items); a larger body is a 413";
}
