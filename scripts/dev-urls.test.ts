/** `npm run dev`'s URLs: they follow the ports, yield to explicit values, and report contradictions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type DevUrlsInput, devUrls } from "./dev-urls";

const input = (changes: Partial<DevUrlsInput> = {}): DevUrlsInput => ({ env: {}, webFiles: {}, apiFiles: {}, webPort: 3000, apiPort: 8000, ...changes });

describe("devUrls", () => {
  it("gives the defaults on the default ports", () => {
    assert.deepEqual(devUrls(input()), {
      values: {
        BETTER_AUTH_URL: "http://localhost:3000",
        NEXT_PUBLIC_API_URL: "http://localhost:8000",
        JWT_ISSUER: "http://localhost:3000",
        JWT_AUDIENCE: "http://localhost:8000",
        CORS_ORIGINS: "http://localhost:3000",
      },
      reports: [],
    });
  });

  it("follows other ports everywhere", () => {
    const { values, reports } = devUrls(input({ webPort: 3100, apiPort: 8100 }));
    assert.equal(values.BETTER_AUTH_URL, "http://localhost:3100");
    assert.equal(values.JWT_ISSUER, "http://localhost:3100");
    assert.equal(values.CORS_ORIGINS, "http://localhost:3100");
    assert.equal(values.NEXT_PUBLIC_API_URL, "http://localhost:8100");
    assert.equal(values.JWT_AUDIENCE, "http://localhost:8100");
    assert.deepEqual(reports, []);
  });

  it("leaves a value from the environment or an env file alone, and the API follows it", () => {
    const { values, reports } = devUrls(input({ env: { BETTER_AUTH_URL: "https://tasks.example.dev" }, webFiles: { NEXT_PUBLIC_API_URL: "https://api.example.dev" } }));
    assert.equal(values.BETTER_AUTH_URL, undefined);
    assert.equal(values.NEXT_PUBLIC_API_URL, undefined);
    assert.equal(values.JWT_ISSUER, "https://tasks.example.dev");
    assert.equal(values.JWT_AUDIENCE, "https://api.example.dev");
    assert.equal(values.CORS_ORIGINS, "https://tasks.example.dev");
    assert.deepEqual(reports, [], "a non-loopback URL may sit in front of any port");
  });

  it("counts a blank value as not set", () => {
    assert.equal(devUrls(input({ webFiles: { BETTER_AUTH_URL: "" }, webPort: 3100 })).values.BETTER_AUTH_URL, "http://localhost:3100");
  });

  it("reports a loopback URL that points at another port, in one line each", () => {
    const { reports } = devUrls(input({ webPort: 3100, apiPort: 8100, webFiles: { BETTER_AUTH_URL: "http://localhost:3000", NEXT_PUBLIC_API_URL: "http://127.0.0.1:8000" } }));
    assert.deepEqual(reports, ["BETTER_AUTH_URL says :3000 but the frontend listens on :3100", "NEXT_PUBLIC_API_URL says :8000 but the API listens on :8100"]);
  });

  it("reports API settings that contradict the frontend", () => {
    const { reports } = devUrls(input({ apiFiles: { JWT_ISSUER: "http://localhost:3000/", JWT_AUDIENCE: "http://localhost:8000", CORS_ORIGINS: "http://localhost:4000, http://localhost:5000" } }));
    assert.deepEqual(reports, [
      "JWT_ISSUER says http://localhost:3000/ but the frontend's BETTER_AUTH_URL is http://localhost:3000, so the API will refuse every token",
      "CORS_ORIGINS says http://localhost:4000, http://localhost:5000 but the frontend is http://localhost:3000, so the browser cannot call the API",
    ]);
  });
});
