/** Builds the frontend once for every fault test file (or reuses the build, with REUSE_BUILD=1). */
import { ensureBuilt } from "./cluster";

export default function globalSetup() {
  ensureBuilt();
}
