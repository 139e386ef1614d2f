import assert from "node:assert/strict";
import { writeFolderSuites } from "../../tools/_suites.ts";

Deno.test("writeFolderSuites() writes one file per folder importing its test files, sorted", async () => {
  const dir = await Deno.makeTempDir();
  const cwd = Deno.cwd();
  try {
    Deno.chdir(dir);
    for (const f of ["tests/b/z_test.ts", "tests/b/sub/a_test.ts", "tests/a/x_test.ts"]) {
      await Deno.mkdir(f.slice(0, f.lastIndexOf("/")), { recursive: true });
      await Deno.writeTextFile(f, "");
    }
    await Deno.writeTextFile("tests/top_test.ts", "");
    await Deno.writeTextFile("tests/a/helper.ts", ""); // not a test file
    await Deno.mkdir("out/suites", { recursive: true });
    await Deno.writeTextFile("out/suites/stale_test.ts", "");
    const files = await writeFolderSuites("tests", "out/suites");
    assert.deepEqual(files, [
      "out/suites/a_test.ts",
      "out/suites/b_test.ts",
      "out/suites/_root_test.ts",
    ]);
    assert.equal(
      await Deno.readTextFile("out/suites/a_test.ts"),
      'import "../../tests/a/x_test.ts";\n',
    );
    assert.equal(
      await Deno.readTextFile("out/suites/b_test.ts"),
      'import "../../tests/b/sub/a_test.ts";\nimport "../../tests/b/z_test.ts";\n',
    );
    assert.equal(
      await Deno.readTextFile("out/suites/_root_test.ts"),
      'import "../../tests/top_test.ts";\n',
    );
    // What was there before is gone.
    await assert.rejects(Deno.stat("out/suites/stale_test.ts"), Deno.errors.NotFound);
  } finally {
    Deno.chdir(cwd);
    await Deno.remove(dir, { recursive: true });
  }
});
