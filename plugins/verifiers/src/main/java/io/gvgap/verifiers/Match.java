package io.gvgap.verifiers;

import java.util.List;

/**
 * A pairing in one tournament round.
 *
 * @param first position (in the request's candidate list) of the sample shown first as A
 * @param second position of the other sample
 * @param judgements one judgement, or two when both orders are judged
 */
record Match(int first, int second, List<Judgement> judgements) {}
