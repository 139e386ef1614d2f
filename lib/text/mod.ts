/**
 * Text features for classifiers (chapter 3): the body of a raw e-mail
 * ({@link mailBody}) and fixed-width hashed bag-of-words vectors
 * ({@link hashedBagOfWords}, with the {@link fnv1a32} hash), and a seeded logistic
 * regression text classifier on them ({@link fitTextClassifier},
 * {@link textClassifierAccuracy}). Tokenize with `tokenize` from `lib/search`.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { hashedBagOfWords, mailBody } from "@lib/text/mod.ts";
 * import { tokenize } from "@lib/search/mod.ts";
 * const body = mailBody("Subject: offer\n\nWin free money now");
 * const x = hashedBagOfWords([tokenize(body)], { dimensions: 16 });
 * assert.equal(x.numFeatures, 16);
 * assert.ok(Math.abs(x.values.reduce((s, v) => s + v * v, 0) - 1) < 1e-6); // unit length
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export * from "./hash.ts";
export * from "./hashed_bag_of_words.ts";
export * from "./mail_body.ts";
export * from "./text_classifier.ts";
