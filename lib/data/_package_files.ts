/**
 * Internal: files of installed npm packages, found from this module's own URL
 * (`<project>/node_modules/<package>/…`), so that loading works whatever the
 * working directory is (the notebook folder in the kernel, the project root in
 * tests).
 *
 * @module
 */

const NODE_MODULES = new URL("../../node_modules/", import.meta.url);

/** The URL of `file` inside the installed package `pkg`. */
export function packageUrl(pkg: string, file: string): URL {
  return new URL(`${pkg}/${file}`, NODE_MODULES);
}

/** The project-relative path of a package file, for messages. */
export function packagePath(pkg: string, file: string): string {
  return `node_modules/${pkg}/${file}`;
}

/**
 * Reads a package file as text; a missing file raises `Deno.errors.NotFound`
 * with a message that names the dataset, the file and the fix.
 */
export function readPackageText(pkg: string, file: string, context: string): string {
  try {
    return Deno.readTextFileSync(packageUrl(pkg, file));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Deno.errors.NotFound(
        `Cannot ${context}: no file ${packagePath(pkg, file)} (is the npm package ${pkg} ` +
          "installed? run `deno install` in the project root)",
        { cause: error },
      );
    }
    throw error;
  }
}

/** Reads and parses a JSON file of a package. */
export function readPackageJson<T>(pkg: string, file: string, context: string): T {
  return JSON.parse(readPackageText(pkg, file, context)) as T;
}

/** The installed version of `pkg`, or `"not installed"`. */
export function packageVersion(pkg: string): string {
  try {
    const meta = JSON.parse(Deno.readTextFileSync(packageUrl(pkg, "package.json")));
    return String(meta.version);
  } catch {
    return "not installed";
  }
}

/** Names of the files in a package folder, sorted. */
export function listPackageFolder(pkg: string, folder: string, context: string): string[] {
  try {
    return [...Deno.readDirSync(packageUrl(pkg, folder))].map((e) => e.name).sort();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Deno.errors.NotFound(
        `Cannot ${context}: no folder ${packagePath(pkg, folder)} (is the npm package ${pkg} ` +
          "installed? run `deno install` in the project root)",
        { cause: error },
      );
    }
    throw error;
  }
}
