package io.gvgap.core.spec;

import io.gvgap.api.Internal;

/**
 * One item of a spec's {@code tasks:} list, before its options are bound.
 *
 * @param entry the provider name, label and position
 * @param limit the subset size ({@link Integer#MAX_VALUE} for all)
 * @param seed the task's seed, or null for the run seed
 */
@Internal
public record TaskSpec(SpecEntry entry, int limit, Long seed) {}
