package app.hindsight.review;

import jakarta.validation.constraints.Size;

/** Who reviews; null or blank unassigns. */
public record Assignment(@Size(max = 200) String assignee) {
}
