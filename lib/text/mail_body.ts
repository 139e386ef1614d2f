import { raise } from "../_shared/validate.ts";

/**
 * The body of a raw e-mail (RFC 5322): everything after the first empty line,
 * which ends the header block (`From:`, `Received:`, `Subject:`, …). Line ends
 * may be `\n` or `\r\n`. A message without an empty line is all header and
 * has an empty body. Training on bodies only keeps a classifier from learning
 * the mail servers and dates of the corpus instead of the content.
 *
 * @param text The raw message.
 * @returns The body, without the separating empty line.
 * @throws {TypeError} If `text` is not a string.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mailBody } from "@lib/text/mod.ts";
 * assert.equal(mailBody("From: a@b.c\nSubject: hi\n\nHello\n\nBye"), "Hello\n\nBye");
 * assert.equal(mailBody("Subject: x\r\n\r\nBody"), "Body");
 * assert.equal(mailBody("Subject: no body"), "");
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function mailBody(text: string): string {
  if (typeof text !== "string") {
    raise("type", "extract a mail body", `text must be a string, got ${typeof text}`);
  }
  const match = /\r?\n\r?\n/.exec(text);
  return match === null ? "" : text.slice(match.index + match[0].length);
}
