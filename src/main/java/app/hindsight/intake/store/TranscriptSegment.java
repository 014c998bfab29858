package app.hindsight.intake.store;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One segment of a stored transcript: its locator and the body's offsets in the text. */
@Entity
@Table(name = "transcript_segment")
public class TranscriptSegment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transcript_segment_seq")
    @SequenceGenerator(name = "transcript_segment_seq", sequenceName = "transcript_segment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String locator;

    @Column(name = "span_start", nullable = false)
    public int spanStart;

    @Column(name = "span_end", nullable = false)
    public int spanEnd;

    static List<TranscriptSegment> of(String sourceKey) {
        return list("sourceKey = ?1 order by position", sourceKey);
    }

    static void deleteOf(String sourceKey) {
        delete("sourceKey", sourceKey);
    }
}
