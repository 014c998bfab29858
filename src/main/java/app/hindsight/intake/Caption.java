package app.hindsight.intake;

import java.time.Duration;

/** One subtitle cue (VTT or SRT): when it starts and what is said, line breaks kept. */
public record Caption(Duration start, String text) {

    /** The start as {@code hh:mm:ss}, the locator of what the caption says. */
    public String locator() {
        long seconds = start.toSeconds();
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** {@code 12:41} or {@code 1:02:03} as {@code 00:12:41}, {@code 01:02:03}. */
    static String format(String stamp) {
        String[] parts = stamp.split(":");
        int hours = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
        int minutes = Integer.parseInt(parts[parts.length - 2]);
        int seconds = Integer.parseInt(parts[parts.length - 1]);
        return String.format("%02d:%02d:%02d", hours, minutes, seconds);
    }
}
