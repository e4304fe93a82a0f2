import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  // Build output (every dist dir the e2e and bench runs use) and generated code are not ours to lint.
  globalIgnores([".next/**", ".next-*/**", "out/**", "next-env.d.ts", "lib/generated/**"]),
]);
