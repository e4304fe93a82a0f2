import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generateApiTypes, TYPES_FILE } from "../../scripts/api-types";

it("matches the backend's current OpenAPI schema (run `npm run gen:api` if not)", async () => {
  expect(readFileSync(TYPES_FILE, "utf8")).toBe(await generateApiTypes());
}, 30_000);
