package app.hindsight.seed;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import app.hindsight.source.NewSource;

/**
 * A source item of an import or a seed file, for the API description only: NewSource's fields, "type": "source",
 * and the seed file's revision, which an import checks and does not record.
 */
@Schema(
        name = "ImportSource",
        description = "A source in an import or a seed file: the fields of NewSource, with \"type\": \"source\"",
        allOf = NewSource.class,
        requiredProperties = {"type"},
        properties = {
            @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "source"),
            @SchemaProperty(
                    name = "revision",
                    type = SchemaType.INTEGER,
                    format = "int32",
                    minimum = "1",
                    maximum = "2147483647",
                    example = "2",
                    description = "The seed file's revision of this source (1 when absent). The seed loader applies "
                            + "a newer revision on start; an import checks it and records none, so a seed file can "
                            + "be checked with dryRun or imported as it is"),
            // A map of strings here rather than a reference to SeedTranscriptFile: a reference in a schema built with
            // allOf, made nullable, is what Java client generators fail on (openapi-generator 7.10 emits a class
            // AnyOfSeedTranscriptFilenull it never writes), and so is an object with no property types.
            @SchemaProperty(
                    name = "transcript",
                    type = SchemaType.OBJECT,
                    additionalProperties = ImportSource.TranscriptValue.class,
                    maxProperties = 3,
                    description = "A seed file's: the file beside it that holds the source's transcript, which the "
                            + "seed loader stores: {\"file\": a name beside the seed file, \"mediaType\": text/plain "
                            + "(the default), text/vtt, application/x-subrip, text/html or application/pdf, "
                            + "\"language\": the source's when absent}; an import checks it and records none"),
            @SchemaProperty(
                    name = "triage",
                    type = SchemaType.ARRAY,
                    implementation = SeedIntake.Triage.class,
                    maxItems = 10000,
                    description = "A seed file's: dismissals of the transcript's candidates that are none of the "
                            + "seeded predictions (those are accepted as them, by their quotes); an import checks "
                            + "them and records none")
        })
interface ImportSource {

    /** A value of a seed source's transcript (a file name, a media type or a language), for the API description. */
    @Schema(name = "SeedTranscriptValue", type = SchemaType.STRING, maxLength = 200)
    interface TranscriptValue {}
}
