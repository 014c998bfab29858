package app.hindsight.trackrecord;

import java.util.List;

import app.hindsight.shared.DomainException;

/** No speaker has this name, and it is a part of several names or of none: the names the client may have meant. */
public class UnknownSpeaker extends DomainException {

    private final List<String> suggestions;

    UnknownSpeaker(String name, List<String> fits, List<String> suggestions) {
        super(404, "not-found", "Not found", detail(name, fits, suggestions));
        this.suggestions = List.copyOf(suggestions);
    }

    private static String detail(String name, List<String> fits, List<String> suggestions) {
        if (!fits.isEmpty()) {
            return "speaker '" + name + "' is not a speaker's name and fits several: " + String.join(", ", fits);
        }
        return "speaker '" + name + "' does not exist"
                + (suggestions.isEmpty()
                        ? ""
                        : (suggestions.size() == 1 ? "; the nearest name: " : "; the nearest names: ")
                                + String.join(", ", suggestions));
    }

    @Override
    public List<String> suggestions() {
        return suggestions;
    }
}
