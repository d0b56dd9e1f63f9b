import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // `vscode` only exists inside the editor: tests get a small fake of the parts the extension uses.
    alias: { vscode: fileURLToPath(new URL("./test/fake-vscode.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
