import type { ImageShape } from "./_image.ts";
import type { ImageTransform } from "./transform.ts";

/** The resampling behind every geometric transform (parameters already validated). */
export function warp(
  image: Float32Array,
  t: Required<ImageTransform>,
  { width, height, interpolation }: ImageShape,
): Float32Array {
  const out = new Float32Array(width * height);
  const cx = (width - 1) / 2, cy = (height - 1) / 2;
  const phi = (t.degrees * Math.PI) / 180;
  const cos = Math.cos(phi) / t.scale, sin = Math.sin(phi) / t.scale;
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
  for (let qy = 0; qy < height; qy++) {
    for (let qx = 0; qx < width; qx++) {
      const ux = qx - cx - t.shiftX, uy = qy - cy - t.shiftY;
      const px = snap(cx + cos * ux - sin * uy), py = snap(cy + sin * ux + cos * uy);
      let v: number;
      if (interpolation === "nearest") {
        v = at(Math.round(px), Math.round(py));
      } else {
        const x0 = Math.floor(px), y0 = Math.floor(py), fx = px - x0, fy = py - y0;
        v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
          fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      }
      out[qy * width + qx] = v;
    }
  }
  return out;
}

function snap(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-9 ? r : v;
}
