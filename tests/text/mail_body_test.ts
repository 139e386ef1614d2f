import assert from "node:assert/strict";
import { mailBody } from "@lib/text/mod.ts";

Deno.test("mailBody() returns what follows the first empty line", () => {
  const mail = "Return-Path: <a@b.c>\nSubject: Re: lunch\n\nSure.\n\n> Lunch?\n";
  assert.equal(mailBody(mail), "Sure.\n\n> Lunch?\n");
});

Deno.test("mailBody() handles CRLF line ends and messages without a body", () => {
  assert.equal(mailBody("Subject: x\r\nTo: y\r\n\r\nHello\r\n"), "Hello\r\n");
  assert.equal(mailBody("Subject: only headers\n"), "");
  assert.equal(mailBody("\n\nno headers"), "no headers");
});

Deno.test("mailBody() rejects a non-string", () => {
  assert.throws(() => mailBody(undefined as unknown as string), {
    name: "TypeError",
    message: "Cannot extract a mail body: text must be a string, got undefined",
  });
});
