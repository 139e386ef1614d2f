/**
 * Markdown to HTML for the book: `marked` with math rendered by KaTeX at build
 * time (`$…$` inline, `$$…$$` display) and code highlighted by highlight.js.
 *
 * @module
 */
import { Marked, type TokenizerAndRendererExtension } from "marked";
import katex from "katex";
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Renders TeX with KaTeX; a formula KaTeX cannot parse is shown as TeX in red, never thrown. */
export function renderMath(tex: string, displayMode: boolean): string {
  // Jupyter's MathJax reads `K_\max` as `K_{\max}`; KaTeX needs the braces.
  const braced = tex.replace(/([_^])(\\[A-Za-z]+)(?![A-Za-z{])/g, "$1{$2}");
  return katex.renderToString(braced, {
    displayMode,
    throwOnError: false,
    output: "htmlAndMathml",
  });
}

/** Highlights code (TypeScript unless another known language is named). */
export function highlight(code: string, language = "typescript"): string {
  const lang = hljs.getLanguage(language) ? language : language === "ts" ? "typescript" : "";
  const body = lang ? hljs.highlight(code, { language: lang }).value : escapeHtml(code);
  return `<pre class="code"><code class="hljs language-${lang || "text"}">${body}</code></pre>`;
}

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.match(/(?:^|\n)\$\$/)?.index,
  tokenizer(src) {
    const m = /^\$\$((?:[^$]|\$(?!\$))+?)\$\$[^\S\n]*(?:\n|$)/.exec(src);
    if (m) return { type: "blockMath", raw: m[0], text: m[1].trim() };
  },
  renderer: (token) => `<div class="math">${renderMath(token.text, true)}</div>\n`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => src.match(/\$/)?.index,
  tokenizer(src) {
    const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
    if (display) {
      return { type: "inlineMath", raw: display[0], text: display[1].trim(), display: true };
    }
    const m = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?![0-9])/.exec(src);
    if (m) return { type: "inlineMath", raw: m[0], text: m[1], display: false };
  },
  renderer: (token) => renderMath(token.text, token.display),
};

/** A heading collected for the table of contents. */
export interface Heading {
  level: number;
  text: string;
  id: string;
}

/** Turns heading text into an id, unique within one page. */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(/<[^>]+>/g, "").replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "section";
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  };
}

/** A markdown renderer for one page; its headings are collected for the table of contents. */
export function createMarkdown(): { render: (md: string) => string; headings: Heading[] } {
  const headings: Heading[] = [];
  const slug = slugger();
  const marked = new Marked({ gfm: true });
  marked.use({ extensions: [blockMath, inlineMath] });
  marked.use({
    renderer: {
      heading({ tokens, depth, text: raw }) {
        const html = this.parser.parseInline(tokens);
        const text = raw.replace(/\$|\\|\*\*?|`/g, "");
        const id = slug(text);
        headings.push({ level: depth, text, id });
        return `<h${depth} id="${id}">${html}</h${depth}>\n`;
      },
      code({ text, lang }) {
        return highlight(text, lang ?? "typescript");
      },
    },
  });
  return { render: (md) => marked.parse(md, { async: false }) as string, headings };
}
