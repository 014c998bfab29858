/**
 * What the features' domain code shares and HTTP does not see: the exceptions a feature throws when a request
 * cannot be carried out ({@link app.hindsight.shared.NotFound}, {@link app.hindsight.shared.Conflict},
 * {@link app.hindsight.shared.InvalidInput}, {@link app.hindsight.shared.StaleVersion},
 * {@link app.hindsight.shared.ConcurrentChange}), the field errors they carry, Bean Validation run by hand, and a
 * page of a list before it has a cursor. Each exception carries the problem document it becomes (status, type, title,
 * detail), so {@code web.ProblemMapper} turns every one, and the features' own, into a document in one method,
 * knowing none of them; nothing here imports JAX-RS or {@code web} (LayeringTest checks it).
 */
package app.hindsight.shared;
