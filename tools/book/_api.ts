/**
 * API pages of the library from `deno doc --json`: one page per module with its
 * documentation, and for every exported symbol its signature, doc comment and
 * examples.
 *
 * @module
 */
import { escapeHtml } from "./_markdown.ts";

// deno-lint-ignore no-explicit-any
type Json = any;

/** One documented symbol of a module. */
export interface ApiSymbol {
  name: string;
  kind: string;
  signature: string;
  doc: string;
  examples: string[];
}

/** One module's documentation. */
export interface ApiModule {
  /** Folder name under `lib/`, e.g. `metrics`. */
  name: string;
  doc: string;
  symbols: ApiSymbol[];
}

/** Runs `deno doc --json` once over the given modules' `mod.ts`. */
export async function readApi(root: string, modules: string[]): Promise<ApiModule[]> {
  const files = modules.map((m) => `lib/${m}/mod.ts`);
  const { success, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", ...files],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!success) {
    throw new Error(`Cannot read the API: deno doc failed: ${new TextDecoder().decode(stderr)}`);
  }
  const json = JSON.parse(new TextDecoder().decode(stdout));
  return modules.map((name) => {
    const node = Object.entries(json.nodes as Record<string, Json>)
      .find(([url]) => url.endsWith(`/lib/${name}/mod.ts`))?.[1];
    return {
      name,
      doc: node?.module_doc?.doc ?? "",
      symbols: (node?.symbols ?? []).map(symbolOf).sort((a: ApiSymbol, b: ApiSymbol) =>
        a.name.localeCompare(b.name)
      ),
    };
  });
}

function symbolOf(symbol: Json): ApiSymbol {
  const declaration = symbol.declarations[0];
  const tags: Json[] = declaration.jsDoc?.tags ?? [];
  return {
    name: symbol.name,
    kind: declaration.kind,
    signature: signatureOf(symbol.name, declaration),
    doc: [declaration.jsDoc?.doc ?? "", ...tags.filter((t) => t.kind !== "example").map(tagText)]
      .filter((s) => s !== "").join("\n\n"),
    examples: tags.filter((t) => t.kind === "example").map((t) => t.doc ?? ""),
  };
}

function tagText(tag: Json): string {
  switch (tag.kind) {
    case "param":
      return `**@param** \`${tag.name}\` ${tag.doc ?? ""}`;
    case "return":
      return `**@returns** ${tag.doc ?? ""}`;
    case "throws":
      return `**@throws** ${tag.type ? `\`${tag.type}\` ` : ""}${tag.doc ?? ""}`;
    case "see":
      return `**@see** ${tag.doc ?? ""}`;
    case "default":
      return `**@default** ${tag.value ?? ""}`;
    case "deprecated":
      return `**@deprecated** ${tag.doc ?? ""}`;
    default:
      return "";
  }
}

/** A TypeScript type from deno doc's JSON, as source text. */
export function typeText(t: Json): string {
  if (!t) return "unknown";
  switch (t.kind) {
    case "keyword":
      return t.value;
    case "literal":
      return t.value?.kind === "string" ? JSON.stringify(t.value.string) : t.repr;
    case "typeRef": {
      const params = t.value.typeParams?.length
        ? `<${t.value.typeParams.map(typeText).join(", ")}>`
        : "";
      return `${t.value.typeName}${params}`;
    }
    case "array":
      return `${wrap(t.value)}[]`;
    case "union":
      return t.value.map(typeText).join(" | ");
    case "intersection":
      return t.value.map(typeText).join(" & ");
    case "tuple":
      return `[${t.value.map(typeText).join(", ")}]`;
    case "parenthesized":
      return `(${typeText(t.value)})`;
    case "typeOperator":
      return `${t.value.operator} ${typeText(t.value.tsType)}`;
    case "indexedAccess":
      return `${typeText(t.value.objType)}[${typeText(t.value.indexType)}]`;
    case "fnOrConstructor":
      return `(${t.value.params.map(paramText).join(", ")}) => ${typeText(t.value.tsType)}`;
    case "typeLiteral":
      return `{ ${
        (t.value.properties ?? []).map((p: Json) =>
          `${p.name}${p.optional ? "?" : ""}: ${typeText(p.tsType)}`
        ).join("; ")
      } }`;
    case "typeQuery":
      return `typeof ${t.value}`;
    default:
      return t.repr || "…";
  }
}

function wrap(t: Json): string {
  const text = typeText(t);
  return t?.kind === "union" || t?.kind === "fnOrConstructor" ? `(${text})` : text;
}

function paramText(p: Json): string {
  const name = p.kind === "rest"
    ? `...${p.arg?.name ?? "args"}`
    : p.name ?? (p.kind === "object" ? "options" : "arg");
  return `${name}${p.optional ? "?" : ""}: ${typeText(p.tsType)}`;
}

function signatureOf(name: string, d: Json): string {
  const def = d.def ?? {};
  const typeParams = def.typeParams?.length
    ? `<${def.typeParams.map((p: Json) => p.name).join(", ")}>`
    : "";
  switch (d.kind) {
    case "function":
      return `function ${name}${typeParams}(${(def.params ?? []).map(paramText).join(", ")}): ${
        typeText(def.returnType)
      }`;
    case "interface":
      return `interface ${name}${typeParams} {\n${
        (def.properties ?? []).map((p: Json) =>
          `  ${p.name}${p.optional ? "?" : ""}: ${typeText(p.tsType)};`
        )
          .join("\n")
      }\n}`;
    case "typeAlias":
      return `type ${name}${typeParams} = ${typeText(def.tsType)}`;
    case "variable":
      return `${def.kind ?? "const"} ${name}: ${typeText(def.tsType)}`;
    case "class":
      return `class ${name}${typeParams}`;
    default:
      return `${d.kind} ${name}`;
  }
}

/** The body of a module's API page; `markdown` renders doc comments. */
export function renderApiModule(
  mod: ApiModule,
  markdown: (md: string) => string,
  highlight: (code: string) => string,
): string {
  const items = mod.symbols.map((s) =>
    `<section class="api-symbol" id="${escapeHtml(s.name)}">` +
    `<h2><code>${escapeHtml(s.name)}</code> <span class="kind">${escapeHtml(s.kind)}</span></h2>` +
    highlight(s.signature) +
    markdown(s.doc) +
    s.examples.map((e) => `<div class="example"><h3>Example</h3>${markdown(e)}</div>`).join("") +
    `</section>`
  );
  return `<h1 id="top">lib/${escapeHtml(mod.name)}</h1>${markdown(mod.doc)}${items.join("\n")}`;
}
