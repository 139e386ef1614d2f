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
      // A leading underscore marks a module's internals that `export *` lets through.
      symbols: (node?.symbols ?? []).filter((symbol: Json) => !symbol.name.startsWith("_"))
        .map(symbolOf).sort((a: ApiSymbol, b: ApiSymbol) => a.name.localeCompare(b.name)),
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
  const v = t.value;
  switch (t.kind) {
    case "keyword":
    case "this":
      return t.kind === "this" ? "this" : v;
    case "literal":
      if (v?.kind === "string") return JSON.stringify(v.string);
      if (v?.kind === "number") return String(v.number);
      if (v?.kind === "boolean") return String(v.boolean);
      if (v?.kind === "bigInt") return `${v.bigInt}n`;
      if (v?.kind === "template") {
        // Text parts and types alternate: `xaxis${number}`.
        return "`" + (v.tsTypes ?? []).map((x: Json, i: number) =>
          i % 2 === 0 && x.kind === "literal" ? x.value?.string ?? "" : `\${${typeText(x)}}`
        ).join("") + "`";
      }
      return plain(t.repr);
    case "typeRef":
      return `${v.typeName}${typeArgs(v.typeParams)}`;
    case "array":
      return `${wrap(v, ARRAY_ELEMENT)}[]`;
    case "union":
      return v.map((x: Json) => wrap(x, ["fnOrConstructor", "conditional"])).join(" | ");
    case "intersection":
      return v.map((x: Json) => wrap(x, ["union", "fnOrConstructor", "conditional"])).join(" & ");
    case "tuple":
      return `[${v.map(typeText).join(", ")}]`;
    case "optional":
      return `${wrap(v, ARRAY_ELEMENT)}?`;
    case "rest":
      return `...${typeText(v)}`;
    case "parenthesized":
      return `(${typeText(v)})`;
    case "typeOperator":
      return `${v.operator} ${wrap(v.tsType, ["union", "intersection", "fnOrConstructor"])}`;
    case "indexedAccess":
      return `${wrap(v.objType, ARRAY_ELEMENT)}[${typeText(v.indexType)}]`;
    case "fnOrConstructor":
      return `${v.constructor ? "new " : ""}${typeParamsText(v.typeParams)}(${
        paramsText(v.params)
      }) => ${typeText(v.tsType)}`;
    case "typeLiteral":
      return membersText(v, "inline");
    case "typeQuery":
      return `typeof ${v}`;
    case "importType":
      return `import(${JSON.stringify(v.specifier)})${v.qualifier ? `.${v.qualifier}` : ""}${
        typeArgs(v.typeParams)
      }`;
    case "typePredicate": {
      const subject = v.param?.type === "this" ? "this" : v.param?.name;
      return `${v.asserts ? "asserts " : ""}${subject}${v.type ? ` is ${typeText(v.type)}` : ""}`;
    }
    case "conditional":
      return `${wrap(v.checkType, ["conditional", "fnOrConstructor"])} extends ${
        wrap(v.extendsType, ["conditional", "fnOrConstructor"])
      } ? ${typeText(v.trueType)} : ${typeText(v.falseType)}`;
    case "infer":
      return `infer ${v.typeParam?.name ?? t.repr}`;
    case "mapped": {
      const p = v.typeParam;
      const ro = v.readonly === true ? "readonly " : v.readonly ? `${v.readonly}readonly ` : "";
      const opt = v.optional === true ? "?" : v.optional ? `${v.optional}?` : "";
      const as = v.nameType ? ` as ${typeText(v.nameType)}` : "";
      return `{ ${ro}[${p.name} in ${typeText(p.constraint)}${as}]${opt}: ${typeText(v.tsType)} }`;
    }
    default:
      return plain(t.repr) || "unknown";
  }
}

/** deno doc colours some `repr`s for a terminal: the text without its colour codes. */
function plain(text: string | undefined): string {
  // deno-lint-ignore no-control-regex -- ANSI colour codes start with ESC
  return (text ?? "").replace(/\x1b\[[0-9;]*m/g, "");
}

/** Kinds of types that need parentheses as an array's element (`(A | B)[]`). */
const ARRAY_ELEMENT = [
  "union",
  "intersection",
  "fnOrConstructor",
  "conditional",
  "typeOperator",
  "typeQuery",
];

function wrap(t: Json, kinds: string[]): string {
  const text = typeText(t);
  return kinds.includes(t?.kind) ? `(${text})` : text;
}

function typeArgs(args: Json[] | undefined): string {
  return args?.length ? `<${args.map(typeText).join(", ")}>` : "";
}

/** `<T extends C = D, …>`, or nothing. */
export function typeParamsText(params: Json[] | undefined): string {
  if (!params?.length) return "";
  return `<${
    params.map((p) =>
      `${p.name}${p.constraint ? ` extends ${typeText(p.constraint)}` : ""}${
        p.default ? ` = ${typeText(p.default)}` : ""
      }`
    ).join(", ")
  }>`;
}

function paramsText(params: Json[] | undefined, defaults: SourceParameter[] = []): string {
  return (params ?? []).map((p, i) => paramText(p, defaults[i])).join(", ");
}

/** The name (or destructuring pattern) of a parameter, without its type. */
function patternText(p: Json): string {
  switch (p.kind) {
    case "identifier":
      return p.name;
    case "rest":
      return `...${patternText(p.arg)}`;
    case "assign":
      return patternText(p.left);
    case "object":
      return `{ ${
        (p.props ?? []).map((q: Json) =>
          q.kind === "rest"
            ? `...${patternText(q.arg)}`
            : q.kind === "keyValue"
            ? `${q.key}: ${patternText(q.value)}`
            : q.key
        ).join(", ")
      } }`;
    case "array":
      return `[${(p.elements ?? []).map((e: Json) => (e ? patternText(e) : "")).join(", ")}]`;
    default:
      return "arg";
  }
}

function paramText(p: Json, written?: SourceParameter): string {
  const inner = p.kind === "assign" ? p.left : p;
  const type = p.tsType ?? inner.tsType;
  const optional = inner.optional && p.kind !== "assign" ? "?" : "";
  const right = p.right && p.right !== "[UNSUPPORTED]" ? p.right : "…";
  const value = p.kind === "assign" ? ` = ${written?.value ?? right}` : "";
  // Destructuring defaults are only in the source.
  const pattern = ["object", "array"].includes(inner.kind) && written
    ? written.pattern
    : patternText(p);
  return `${pattern}${optional}${type ? `: ${typeText(type)}` : ""}${value}`;
}

/** Properties, methods, call and index signatures of an interface or type literal. */
function membersText(def: Json, layout: "inline" | "block"): string {
  const entries: [Json, string][] = [
    ...(def.indexSignatures ?? []).map((
      s: Json,
    ): [Json, string] => [
      s,
      `${s.readonly ? "readonly " : ""}[${paramsText(s.params)}]: ${typeText(s.tsType)}`,
    ]),
    ...(def.callSignatures ?? []).map((
      s: Json,
    ): [Json, string] => [
      s,
      `${typeParamsText(s.typeParams)}(${paramsText(s.params)}): ${typeText(s.tsType)}`,
    ]),
    ...(def.properties ?? []).map((
      p: Json,
    ): [Json, string] => [
      p,
      `${p.readonly ? "readonly " : ""}${p.computed ? `[${p.name}]` : p.name}${
        p.optional ? "?" : ""
      }: ${typeText(p.tsType)}`,
    ]),
    ...(def.methods ?? []).map((
      m: Json,
    ): [Json, string] => [
      m,
      `${m.kind === "getter" ? "get " : m.kind === "setter" ? "set " : ""}${m.name}${
        m.optional ? "?" : ""
      }${typeParamsText(m.typeParams)}(${paramsText(m.params)}): ${
        typeText(m.returnType ?? m.tsType)
      }`,
    ]),
  ];
  // In the order of the source, when deno doc gives the places.
  const line = (x: Json) => x.location?.line ?? 0, col = (x: Json) => x.location?.col ?? 0;
  entries.sort((a, b) => line(a[0]) - line(b[0]) || col(a[0]) - col(b[0]));
  const members = entries.map((e) => e[1]);
  if (members.length === 0) return "{}";
  return layout === "inline"
    ? `{ ${members.join("; ")} }`
    : `{\n${members.map((m) => `  ${m};`).join("\n")}\n}`;
}

/** Lines longer than this put one parameter per line. */
const WIDTH = 90;

function functionText(
  prefix: string,
  params: Json[] | undefined,
  defaults: SourceParameter[],
  returns: string,
): string {
  const list = (params ?? []).map((p, i) => paramText(p, defaults[i]));
  const oneLine = `${prefix}(${list.join(", ")})${returns}`;
  if (oneLine.length <= WIDTH || list.length === 0) return oneLine;
  return `${prefix}(\n${list.map((p) => `  ${p},`).join("\n")}\n)${returns}`;
}

/** A parameter as written in the source: its name or pattern and its default value. */
export interface SourceParameter {
  /** The name or destructuring pattern, e.g. `{ level = 0.95 }`. */
  pattern: string;
  /** The default value, e.g. `{}`; absent when there is none. */
  value?: string;
}

/** Splits `text` at the top-level occurrences of `separator` (outside brackets and strings). */
function splitTopLevel(text: string, separator: "," | ":" | "="): string[] {
  const parts: string[] = [];
  let depth = 0, current = "", quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i], prev = text[i - 1] ?? "", next = text[i + 1] ?? "";
    if (quote) {
      if (c === quote && prev !== "\\") quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c) || (c === "<" && !/[=\s]/.test(next))) depth++;
    else if (")]}".includes(c) || (c === ">" && prev !== "=" && depth > 0)) depth--;
    else if (
      c === separator && depth === 0 &&
      (c !== "=" || (next !== ">" && next !== "=" && !"!<>=".includes(prev)))
    ) {
      parts.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

/**
 * The parameters of the function declared at `byteIndex` of `source`, as written
 * there (deno doc's JSON leaves default values and destructuring defaults out).
 */
export function parametersInSource(source: string, byteIndex: number): SourceParameter[] {
  const text = new TextDecoder().decode(new TextEncoder().encode(source).subarray(byteIndex));
  // The parameter list: from the first "(" outside type parameters to its ")".
  let start = 0, angle = 0;
  for (; start < text.length; start++) {
    const c = text[start];
    if (c === "<") angle++;
    else if (c === ">" && text[start - 1] !== "=") angle--;
    else if (c === "(" && angle === 0) break;
  }
  let depth = 0, end = start;
  for (; end < text.length; end++) {
    if ("([{".includes(text[end])) depth++;
    else if (")]}".includes(text[end]) && --depth === 0) break;
  }
  const squash = (x: string) => x.trim().replace(/\s+/g, " ").replace(/,\s*([}\]])/g, " $1");
  return splitTopLevel(text.slice(start + 1, end), ",")
    .filter((p) => p.trim() !== "")
    .map((p) => {
      const [head, ...rest] = splitTopLevel(p, "=");
      const pattern = squash(splitTopLevel(head, ":")[0]).replace(/\?$/, "");
      return rest.length ? { pattern, value: squash(rest.join("=")) } : { pattern };
    });
}

const sources = new Map<string, string>();

/** The parameters of a declaration as written in its source, when deno doc leaves parts out. */
function defaultsOf(d: Json, params: Json[] | undefined): SourceParameter[] {
  const partial = (p: Json) => ["assign", "object", "array"].includes(p.kind);
  if (!(params ?? []).some(partial)) return [];
  const file = d.location?.filename, byteIndex = d.location?.byteIndex;
  if (typeof file !== "string" || typeof byteIndex !== "number") return [];
  try {
    if (!sources.has(file)) sources.set(file, Deno.readTextFileSync(new URL(file)));
    const found = parametersInSource(sources.get(file)!, byteIndex);
    return found.length === params!.length ? found : [];
  } catch {
    return [];
  }
}

function heritage(keyword: string, types: Json[] | undefined): string {
  return types?.length ? ` ${keyword} ${types.map(typeText).join(", ")}` : "";
}

/** The declaration of an exported symbol as TypeScript source (without bodies). */
export function signatureOf(name: string, d: Json): string {
  const def = d.def ?? {};
  const typeParams = typeParamsText(def.typeParams);
  switch (d.kind) {
    case "function":
      return functionText(
        `${def.isAsync ? "async " : ""}function${def.isGenerator ? "*" : ""} ${name}${typeParams}`,
        def.params,
        defaultsOf(d, def.params),
        `: ${typeText(def.returnType)}`,
      );
    case "interface":
      return `interface ${name}${typeParams}${heritage("extends", def.extends)} ${
        membersText(def, "block")
      }`;
    case "typeAlias":
      return `type ${name}${typeParams} = ${
        def.tsType?.kind === "typeLiteral"
          ? membersText(def.tsType.value, "block")
          : typeText(def.tsType)
      }`;
    case "variable":
      return `${def.kind ?? "const"} ${name}${def.tsType ? `: ${typeText(def.tsType)}` : ""}`;
    case "enum":
      return `enum ${name} { ${(def.members ?? []).map((m: Json) => m.name).join(", ")} }`;
    case "class": {
      const visible = (m: Json) => m.accessibility !== "private" && !m.name?.startsWith("#");
      const lines = [
        ...(def.constructors ?? []).filter(visible).map((c: Json) =>
          functionText("constructor", c.params, defaultsOf(c, c.params), "")
        ),
        ...(def.properties ?? []).filter(visible).map((p: Json) =>
          `${p.isStatic ? "static " : ""}${p.readonly ? "readonly " : ""}${p.name}${
            p.optional ? "?" : ""
          }: ${typeText(p.tsType)}`
        ),
        ...(def.methods ?? []).filter(visible).map((m: Json) => {
          const f = m.functionDef ?? {};
          const prefix = `${m.isStatic ? "static " : ""}${
            m.kind === "getter" ? "get " : m.kind === "setter" ? "set " : ""
          }${f.isAsync ? "async " : ""}${m.name}${typeParamsText(f.typeParams)}`;
          return functionText(
            prefix,
            f.params,
            defaultsOf(m, f.params),
            `: ${typeText(f.returnType)}`,
          );
        }),
      ].map((l: string) => l.split("\n").map((x) => `  ${x}`).join("\n") + ";");
      const head = `${def.isAbstract ? "abstract " : ""}class ${name}${typeParams}${
        def.extends ? ` extends ${def.extends}${typeArgs(def.superTypeParams)}` : ""
      }${heritage("implements", def.implements)}`;
      return lines.length ? `${head} {\n${lines.join("\n")}\n}` : `${head} {}`;
    }
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
