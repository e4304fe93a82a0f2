/** `npm run gen:api`: rewrites lib/generated/api.ts from the backend's current OpenAPI document. */
import { writeFileSync } from "node:fs";
import { generateApiTypes, TYPES_FILE } from "./api-types";

writeFileSync(TYPES_FILE, await generateApiTypes());
console.log(`wrote ${TYPES_FILE}`);
