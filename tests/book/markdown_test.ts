import assert from "node:assert/strict";
import {
  createMarkdown,
  escapeHtml,
  highlight,
  renderMath,
  slugger,
} from "../../tools/book/_markdown.ts";

Deno.test("createMarkdown() renders inline and display math with KaTeX at build time", () => {
  const md = createMarkdown();
  const html = md.render("Mean $\\bar x$ is\n\n$$\n\\bar x = \\frac{1}{n}\\sum_i x_i\n$$\n");
  assert.match(html, /<span class="katex">/);
  assert.match(html, /<div class="math"><span class="katex-display">/);
  assert.ok(!html.includes("$"), "no TeX delimiters are left");
  // MathML is kept for screen readers.
  assert.match(html, /<math xmlns=/);
});

Deno.test("createMarkdown() leaves dollars in code and prices alone", () => {
  const md = createMarkdown();
  const html = md.render("Code `let $x = 1` costs 5$ and 6$ a day.");
  assert.ok(html.includes("<code>let $x = 1</code>"));
  assert.ok(!html.includes("katex"));
});

Deno.test("createMarkdown() shows a formula KaTeX cannot parse instead of throwing", () => {
  const html = createMarkdown().render("$\\frac{1}{$");
  assert.match(html, /katex-error/);
});

Deno.test("createMarkdown() collects headings with unique ids for the table of contents", () => {
  const md = createMarkdown();
  const html = md.render("# Title\n\n## A/B tests\n\n## A/B tests\n\n### Cost $c_{FP}$");
  assert.deepEqual(md.headings.map((h) => [h.level, h.id]), [
    [1, "title"],
    [2, "a-b-tests"],
    [2, "a-b-tests-1"],
    [3, "cost-c-fp"],
  ]);
  assert.match(html, /<h2 id="a-b-tests-1">/);
});

Deno.test("highlight() highlights TypeScript and escapes unknown languages", () => {
  assert.match(highlight("const a = 1;"), /<span class="hljs-keyword">const<\/span>/);
  assert.equal(
    highlight("<b>", "cobol"),
    '<pre class="code"><code class="hljs language-text">&lt;b&gt;</code></pre>',
  );
});

Deno.test("escapeHtml() and slugger() handle special characters", () => {
  assert.equal(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
  const slug = slugger();
  assert.equal(slug("1 · Setting up"), "1-setting-up");
  assert.equal(slug("!!!"), "section");
});

Deno.test("renderMath() accepts a command as a bare subscript, as MathJax does", () => {
  assert.ok(!renderMath("K_\\max = c_\\text{heavy} + x^\\infty", false).includes("katex-error"));
  assert.match(renderMath("\\frac{1}{", false), /katex-error/);
});
