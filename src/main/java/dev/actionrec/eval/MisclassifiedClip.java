package dev.actionrec.eval;

/**
 * A wrongly predicted clip as the HTML report shows it.
 *
 * @param prediction the model output and the true label
 * @param thumbnailPng PNG bytes of the clip's middle sampled frame, or null when there is none
 * @param note why there is no thumbnail, or null when there is one
 */
record MisclassifiedClip(Prediction prediction, byte[] thumbnailPng, String note) {}
