/**
 * The vector loops word2vec spends its time in, over one shared `Float32Array`: a dot product,
 * the fused update `e += g·u; u += g·h`, and `d += a·s`. Two implementations with one
 * interface: WebAssembly with 128-bit SIMD (four floats per instruction; a module of about 300
 * bytes assembled below, no toolchain needed) where the runtime supports it, and plain
 * JavaScript otherwise. Offsets and
 * lengths are in floats; lengths are multiples of 4 (rows are padded).
 *
 * @module
 */

/** Vector kernels over a shared float memory. */
export interface _Kernel {
  /** Which implementation runs. */
  kind: "wasm" | "js";
  /** The memory, as floats. */
  f32: Float32Array;
  /** $\sum_{j<n} f_{a+j} f_{b+j}$. */
  dot(a: number, b: number, n: number): number;
  /** For $j < n$: $e_j \mathrel{+}= g\,u_j$, then $u_j \mathrel{+}= g\,h_j$ (u read before its update). */
  axpy2(h: number, u: number, e: number, g: number, n: number): void;
  /** For $j < n$: $d_j \mathrel{+}= a\,s_j$. */
  axpy(d: number, s: number, a: number, n: number): void;
}

// dot(a, b, n4) → f32: acc (v128, local 3) += load(a)·load(b), four floats a step; sum of lanes.
const DOT_BODY = [
  0x01,
  0x01,
  0x7b, // locals: 1 × v128
  0x03,
  0x40, // loop
  0x20,
  0x03,
  0x20,
  0x00,
  0xfd,
  0x00,
  0x04,
  0x00,
  0x20,
  0x01,
  0xfd,
  0x00,
  0x04,
  0x00,
  0xfd,
  0xe6,
  0x01,
  0xfd,
  0xe4,
  0x01,
  0x21,
  0x03, // acc = acc + load(a)·load(b)
  0x20,
  0x00,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x00, // a += 16
  0x20,
  0x01,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x01, // b += 16
  0x20,
  0x02,
  0x41,
  0x01,
  0x6b,
  0x22,
  0x02,
  0x0d,
  0x00, // if (--n4) continue
  0x0b, // end loop
  0x20,
  0x03,
  0xfd,
  0x1f,
  0x00,
  0x20,
  0x03,
  0xfd,
  0x1f,
  0x01,
  0x92, // lane 0 + lane 1
  0x20,
  0x03,
  0xfd,
  0x1f,
  0x02,
  0x20,
  0x03,
  0xfd,
  0x1f,
  0x03,
  0x92,
  0x92, // + (lane 2 + lane 3)
  0x0b, // end
];

// axpy2(h, u, e, g, n4): gv = splat(g) (local 5); uv = load(u) (local 6); e += gv·uv; u = uv + gv·h.
const AXPY2_BODY = [
  0x01,
  0x02,
  0x7b, // locals: 2 × v128
  0x20,
  0x03,
  0xfd,
  0x13,
  0x21,
  0x05, // gv = f32x4.splat(g)
  0x03,
  0x40, // loop
  0x20,
  0x01,
  0xfd,
  0x00,
  0x04,
  0x00,
  0x21,
  0x06, // uv = load(u)
  0x20,
  0x02,
  0x20,
  0x02,
  0xfd,
  0x00,
  0x04,
  0x00,
  0x20,
  0x05,
  0x20,
  0x06,
  0xfd,
  0xe6,
  0x01,
  0xfd,
  0xe4,
  0x01,
  0xfd,
  0x0b,
  0x04,
  0x00, // store(e, load(e) + gv·uv)
  0x20,
  0x01,
  0x20,
  0x06,
  0x20,
  0x05,
  0x20,
  0x00,
  0xfd,
  0x00,
  0x04,
  0x00,
  0xfd,
  0xe6,
  0x01,
  0xfd,
  0xe4,
  0x01,
  0xfd,
  0x0b,
  0x04,
  0x00, // store(u, uv + gv·load(h))
  0x20,
  0x00,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x00, // h += 16
  0x20,
  0x01,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x01, // u += 16
  0x20,
  0x02,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x02, // e += 16
  0x20,
  0x04,
  0x41,
  0x01,
  0x6b,
  0x22,
  0x04,
  0x0d,
  0x00, // if (--n4) continue
  0x0b,
  0x0b, // end loop, end
];

/** Unsigned LEB128, the binary format's integer encoding. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? byte : byte | 0x80);
  } while (n !== 0);
  return out;
}

// axpy(d, s, a, n4): av = splat(a) (local 4); d += av·s.
const AXPY_BODY = [
  0x01,
  0x01,
  0x7b, // locals: 1 × v128
  0x20,
  0x02,
  0xfd,
  0x13,
  0x21,
  0x04, // av = f32x4.splat(a)
  0x03,
  0x40, // loop
  0x20,
  0x00,
  0x20,
  0x00,
  0xfd,
  0x00,
  0x04,
  0x00,
  0x20,
  0x04,
  0x20,
  0x01,
  0xfd,
  0x00,
  0x04,
  0x00,
  0xfd,
  0xe6,
  0x01,
  0xfd,
  0xe4,
  0x01,
  0xfd,
  0x0b,
  0x04,
  0x00, // store(d, load(d) + av·load(s))
  0x20,
  0x00,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x00, // d += 16
  0x20,
  0x01,
  0x41,
  0x10,
  0x6a,
  0x21,
  0x01, // s += 16
  0x20,
  0x03,
  0x41,
  0x01,
  0x6b,
  0x22,
  0x03,
  0x0d,
  0x00, // if (--n4) continue
  0x0b,
  0x0b, // end loop, end
];

/** A section: id, size, content. */
function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

/**
 * `(module (import "env" "mem" (memory 1)) (func (export "dot") …) (func (export "axpy2") …))`
 * in the WebAssembly binary format.
 */
function assemble(): Uint8Array<ArrayBuffer> {
  const name = (s: string) => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // magic, version 1
    ...section(1, [
      0x03, // three function types
      ...[0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7d], // (i32 i32 i32) → f32
      ...[0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7d, 0x7f, 0x00], // (i32 i32 i32 f32 i32) → ()
      ...[0x60, 0x04, 0x7f, 0x7f, 0x7d, 0x7f, 0x00], // (i32 i32 f32 i32) → ()
    ]),
    ...section(2, [0x01, ...name("env"), ...name("mem"), 0x02, 0x00, 0x01]), // memory, min 1 page
    ...section(3, [0x03, 0x00, 0x01, 0x02]), // function i has type i
    ...section(7, [
      0x03,
      ...[...name("dot"), 0x00, 0x00],
      ...[...name("axpy2"), 0x00, 0x01],
      ...[...name("axpy"), 0x00, 0x02],
    ]),
    ...section(10, [
      0x03,
      ...leb(DOT_BODY.length),
      ...DOT_BODY,
      ...leb(AXPY2_BODY.length),
      ...AXPY2_BODY,
      ...leb(AXPY_BODY.length),
      ...AXPY_BODY,
    ]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = assemble();
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null; // no WebAssembly SIMD in this runtime
    }
  }
  return compiled;
}

/**
 * Allocates `floats` zeroed floats and returns kernels over them: WebAssembly SIMD when
 * available (or when `kind` is `"wasm"`, which throws if it is not), else JavaScript.
 */
export function _createKernel(floats: number, kind?: "wasm" | "js"): _Kernel {
  const module = kind === "js" ? null : wasmModule();
  if (kind === "wasm" && module === null) {
    throw new Error("Cannot create the word2vec kernel: WebAssembly SIMD is not available");
  }
  if (module === null) {
    const f = new Float32Array(floats);
    return {
      kind: "js",
      f32: f,
      dot(a, b, n) {
        let s = 0;
        for (let j = 0; j < n; j++) s += f[a + j] * f[b + j];
        return s;
      },
      axpy2(h, u, e, g, n) {
        for (let j = 0; j < n; j++) {
          f[e + j] += g * f[u + j];
          f[u + j] += g * f[h + j];
        }
      },
      axpy(d, s, a, n) {
        for (let j = 0; j < n; j++) f[d + j] += a * f[s + j];
      },
    };
  }
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((floats * 4) / 65536)) });
  const ex = new WebAssembly.Instance(module, { env: { mem: memory } }).exports as {
    dot(a: number, b: number, n4: number): number;
    axpy2(h: number, u: number, e: number, g: number, n4: number): void;
    axpy(d: number, s: number, a: number, n4: number): void;
  };
  return {
    kind: "wasm",
    f32: new Float32Array(memory.buffer, 0, floats),
    dot: (a, b, n) => ex.dot(a << 2, b << 2, n >> 2),
    axpy2: (h, u, e, g, n) => ex.axpy2(h << 2, u << 2, e << 2, g, n >> 2),
    axpy: (d, s, a, n) => ex.axpy(d << 2, s << 2, a, n >> 2),
  };
}
