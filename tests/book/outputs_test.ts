import assert from "node:assert/strict";
import {
  chooseMime,
  CLAIM_MIME,
  figureAlt,
  PLOTLY_MIME,
  renderOutput,
  traceTypes,
} from "../../tools/book/_outputs.ts";
import { CLAIM_MIME as LIB_CLAIM_MIME } from "../../lib/claims/claim.ts";
import { PLOTLY_MIME as LIB_PLOTLY_MIME } from "../../lib/plot/bundle.ts";

const md = (s: string) => `<md>${s}</md>`;
const spec = {
  data: [{ type: "scatter", x: [1], y: [2] }],
  layout: {
    title: { text: "Loss<br>by epoch" },
    xaxis: { title: { text: "epoch" } },
    yaxis: { title: { text: "loss (nats)" } },
    height: 300,
  },
};

Deno.test("the book reads the MIME types the library writes", () => {
  assert.equal(CLAIM_MIME, LIB_CLAIM_MIME);
  assert.equal(PLOTLY_MIME, LIB_PLOTLY_MIME);
});

Deno.test("chooseMime() prefers claims, then Plotly, HTML, PNG, markdown, text", () => {
  const all = {
    "text/plain": "t",
    "text/markdown": "m",
    "image/png": "p",
    "text/html": "h",
    [PLOTLY_MIME]: spec,
    [CLAIM_MIME]: { ok: true, text: "x" },
  };
  const order: string[] = [];
  const data: Record<string, unknown> = { ...all };
  while (Object.keys(data).length > 0) {
    const mime = chooseMime(data)!;
    order.push(mime);
    delete data[mime];
  }
  assert.deepEqual(order, [
    CLAIM_MIME,
    PLOTLY_MIME,
    "text/html",
    "image/png",
    "text/markdown",
    "text/plain",
  ]);
  assert.equal(chooseMime({ "application/x-unknown": 1 }), undefined);
});

Deno.test("renderOutput() shows a figure with its JSON and alt text from its titles", () => {
  const html = renderOutput({
    output_type: "display_data",
    data: { [PLOTLY_MIME]: spec, "image/png": "AAAA" },
  }, md);
  assert.match(html, /aria-label="Figure: Loss by epoch \(loss \(nats\) against epoch\)"/);
  assert.match(html, /<script type="application\/json">\{"data"/);
  assert.ok(!html.includes("image/png"), "the PNG is not sent when the figure is interactive");
  assert.equal(figureAlt({}), "Figure: untitled figure");
});

Deno.test("renderOutput() escapes </script> inside figure JSON", () => {
  const html = renderOutput({
    output_type: "execute_result",
    data: { [PLOTLY_MIME]: { data: [], layout: { title: { text: "</script><b>" } } } },
  }, md);
  assert.equal(html.match(/<\/script>/g)?.length, 1);
});

Deno.test("renderOutput() shows claims with ✓ or ✗ and their evidence", () => {
  const ok = renderOutput({
    output_type: "execute_result",
    data: {
      [CLAIM_MIME]: { ok: true, text: "A beats B", evidence: { a: 0.812345, b: "x" } },
      "text/markdown": "✓",
    },
  }, md);
  assert.match(ok, /class="claim ok".*✓.*A beats B.*a = 0\.8123, b = x/);
  const several = renderOutput({
    output_type: "execute_result",
    data: {
      [CLAIM_MIME]: {
        ok: false,
        text: "p; q",
        evidence: {},
        claims: [{ ok: true, text: "p", evidence: {} }, { ok: false, text: "q", evidence: {} }],
      },
    },
  }, md);
  assert.match(several, /claim ok.*p<\/div><div class="claim fail".*✗.*q/);
});

Deno.test("renderOutput() shows tables, PNG, markdown, text, streams and errors", () => {
  assert.match(
    renderOutput(
      { output_type: "execute_result", data: { "text/html": ["<table>", "</table>"] } },
      md,
    ),
    /<table><\/table>/,
  );
  assert.match(
    renderOutput({
      output_type: "display_data",
      data: { "image/png": "iVBO\n", "text/plain": "Figure: F" },
    }, md),
    /<img class="png" alt="F" src="data:image\/png;base64,iVBO">/,
  );
  assert.equal(
    renderOutput({ output_type: "display_data", data: { "text/markdown": "**b**" } }, md),
    '<div class="markdown-output"><md>**b**</md></div>',
  );
  assert.match(
    renderOutput({ output_type: "execute_result", data: { "text/plain": "<1>" } }, md),
    /&lt;1&gt;/,
  );
  assert.match(
    renderOutput({ output_type: "stream", name: "stderr", text: ["a", "b"] }, md),
    /class="stream stderr">ab</,
  );
  assert.match(
    renderOutput({
      output_type: "error",
      ename: "E",
      evalue: "v",
      traceback: ["\u001b[31mE: v\u001b[0m"],
    }, md),
    /class="stream error">E: v</,
  );
});

Deno.test("traceTypes() lists a figure's trace types once each, scatter when unnamed", () => {
  assert.deepEqual(
    traceTypes({ data: [{ type: "bar" }, { x: [1] }, { type: "bar" }, { type: "heatmap" }] }),
    ["bar", "scatter", "heatmap"],
  );
  assert.deepEqual(traceTypes({}), []);
});
