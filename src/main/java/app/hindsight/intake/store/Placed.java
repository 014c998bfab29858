package app.hindsight.intake.store;

import app.hindsight.intake.Span;

/** A candidate and where its quote is in the transcript's text ({@code span} null once orphaned). */
public record Placed(Span span, CandidateView candidate) {}
