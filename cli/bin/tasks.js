#!/usr/bin/env node
// Runs the TypeScript sources as they are (with tsx), so the command works straight after `npm install`
// with no build step, and shares the web app's API client and filters by importing them.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
