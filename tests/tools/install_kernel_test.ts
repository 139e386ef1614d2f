import assert from "node:assert/strict";
import { join } from "node:path";
import { runTool } from "./_run_tool.ts";

Deno.test("install_kernel.ts writes the deno-workbook kernelspec into JUPYTER_DATA_DIR", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "install_kernel_test_" });
  try {
    const { code, stdout } = await runTool("install_kernel.ts", [], {
      JUPYTER_DATA_DIR: dataDir,
    });
    assert.equal(code, 0);
    const file = join(dataDir, "kernels", "deno-workbook", "kernel.json");
    assert.deepEqual(JSON.parse(await Deno.readTextFile(file)), {
      argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno (workbook)",
      language: "typescript",
      interrupt_mode: "message",
      metadata: {},
    });
    assert.match(stdout, new RegExp(`in ${file}\n`));
    assert.match(stdout, /Select Kernel → Jupyter Kernel… → Deno \(workbook\)/);
    assert.match(stdout, /Kernel → Change Kernel… → Deno \(workbook\)/);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
