/**
 * Planted violations for LayeringTest, nothing else: a feature package that nobody listed anywhere, whose classes
 * break each layering rule once, and which forms a cycle with {@code plantedpeer}. LayeringTest runs its rules over
 * these classes and expects them to fail; the main check imports only main classes, so it never sees them.
 */
package app.hindsight.plantedfeature;
