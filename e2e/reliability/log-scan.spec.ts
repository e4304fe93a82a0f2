/** The log check itself: it must notice a leaked secret, JWT, bearer header or session cookie. */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findLeaks, logFiles } from "../log-scan";

test("the log check finds each kind of leak and passes clean logs", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "log-scan-"));
  const lines = [
    "INFO: GET /api/tasks 200",
    "debug: key s3cr3t-value-0123456789",
    "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLWEifQ.sig",
    "headers: Authorization: Bearer abcdefgh12345",
    "cookie: better-auth.session_token=abcdefgh.signature",
  ];
  writeFileSync(path.join(dir, "server.log"), lines.join("\n"));
  const leaks = findLeaks(logFiles(dir), ["s3cr3t-value-0123456789"]);
  expect(leaks.map((leak) => Number(leak.split(":")[1]))).toEqual([2, 3, 4, 5]);
});
