/**
 * The script of every page of the book: draws the notebook figures with
 * plotly.js and answers the search box (its index is loaded on first use).
 *
 * @module
 */
/// <reference lib="dom" />
import MiniSearch from "minisearch";
import { drawFigure } from "./_draw.ts";

// deno-lint-ignore no-explicit-any
const w = globalThis as any;

function drawNotebookFigures(): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-figure]")) {
    const source = el.querySelector("script[type='application/json']");
    if (!source) continue;
    const spec = JSON.parse(source.textContent ?? "{}");
    const target = el.querySelector<HTMLElement>(".plot")!;
    drawFigure(target, spec);
  }
}

interface SearchDoc {
  id: string;
  title: string;
  chapter: string;
  url: string;
  text: string;
}

function setupSearch(): void {
  const input = document.querySelector<HTMLInputElement>("#search");
  const list = document.querySelector<HTMLElement>("#search-results");
  if (!input || !list) return;
  const root = document.body.dataset.root ?? "";
  let search: MiniSearch<SearchDoc> | undefined;
  let loading: Promise<void> | undefined;
  // The index is a script (fetch does not work from file://), loaded on first use.
  const load = () =>
    loading ??= new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = `${root}assets/search_index.js`;
      script.onload = () => {
        search = MiniSearch.loadJSON<SearchDoc>(w.BOOK_SEARCH_INDEX.index, {
          fields: ["title", "text"],
          storeFields: ["title", "chapter", "url"],
        });
        resolve();
      };
      script.onerror = () => reject(new Error("the search index did not load"));
      document.head.append(script);
    });
  input.addEventListener("focus", () => load());
  input.addEventListener("input", async () => {
    await load();
    if (!search) return;
    const hits = input.value.trim().length < 2
      ? []
      : search.search(input.value, { prefix: true, fuzzy: 0.2, boost: { title: 3 } }).slice(0, 8);
    list.replaceChildren(...hits.map((hit) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = root + hit.url;
      a.textContent = `${hit.chapter} · ${hit.title}`;
      li.append(a);
      return li;
    }));
    list.hidden = hits.length === 0;
  });
}

drawNotebookFigures();
setupSearch();
