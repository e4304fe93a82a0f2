import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next resolves it to an empty module on the server; the unit tests are on the server's side too.
      "server-only": path.join(path.dirname(require.resolve("server-only")), "empty.js"),
    },
  },
  test: { include: ["**/*.test.ts"], exclude: ["node_modules/**", ".next*/**"] },
});
