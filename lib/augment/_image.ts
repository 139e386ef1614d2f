import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";

/** Shape and resampling options shared by the image transforms. */
export interface ImageOptions {
  /** Image width in pixels. @default 28 */
  width?: number;
  /** Image height in pixels. @default 28 */
  height?: number;
  /**
   * How a pixel between grid points is read: `"bilinear"` weighs the four
   * nearest pixels, `"nearest"` takes the closest one. @default "bilinear"
   */
  interpolation?: "bilinear" | "nearest";
}

/** Resolved {@link ImageOptions}. */
export interface ImageShape {
  width: number;
  height: number;
  interpolation: "bilinear" | "nearest";
}

/** Validates the shape options. */
export function checkShape(options: ImageOptions | undefined, context: string): ImageShape {
  const { width = 28, height = 28, interpolation = "bilinear" } = options ?? {};
  assertInteger(width, "width", context, { min: 1 });
  assertInteger(height, "height", context, { min: 1 });
  assertOneOf(interpolation, ["bilinear", "nearest"], "interpolation", context);
  return { width, height, interpolation };
}

/** Throws unless `images` is a Float32Array holding `count` whole images of `pixels` values. */
export function checkImages(
  images: unknown,
  pixels: number,
  name: string,
  context: string,
): asserts images is Float32Array {
  if (!(images instanceof Float32Array)) {
    raise("type", context, `${name} must be a Float32Array, got ${describe(images)}`);
  }
  if (images.length === 0 || images.length % pixels !== 0) {
    raise(
      "range",
      context,
      `${name} must hold a whole number of images of ${pixels} pixels, got ${images.length} values`,
    );
  }
}

/** Throws unless `image` is one Float32Array image of `pixels` values. */
export function checkImage(
  image: unknown,
  pixels: number,
  context: string,
): asserts image is Float32Array {
  if (!(image instanceof Float32Array)) {
    raise("type", context, `image must be a Float32Array, got ${describe(image)}`);
  }
  if (image.length !== pixels) {
    raise(
      "range",
      context,
      `image must have width × height = ${pixels} values, got ${image.length}`,
    );
  }
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}
