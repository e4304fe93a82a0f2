/**
 * `node mint.mjs <better-auth package> <base URL> <audience> <secret>`: runs that Better Auth release
 * in process (memory adapter), signs a user up, and prints, for each signing mode, the JWT that
 * `/api/auth/token` issued, the JWKS (jwks mode), and the user's and session's ids, as JSON.
 *
 * The jwt plugin is configured as the README tells adopters to: `sid` from definePayload, the API's
 * URL as audience, and in shared-secret mode HS256 through the plugin's `sign` hook.
 */
import { SignJWT } from "jose";

const [pkg, baseURL, audience, secret] = process.argv.slice(2);
const { betterAuth } = await import(pkg);
const { jwt } = await import(`${pkg}/plugins`);
const { memoryAdapter } = await import(`${pkg}/adapters/memory`);

function jwtPlugin(mode) {
  const claims = {
    issuer: baseURL,
    audience,
    expirationTime: "15m",
    definePayload: ({ user, session }) => ({ email: user.email, name: user.name, sid: session.id }),
  };
  if (mode === "jwks") return jwt({ jwks: { keyPairConfig: { alg: "EdDSA", crv: "Ed25519" } }, jwt: claims });
  const key = new TextEncoder().encode(secret);
  return jwt({
    jwks: { remoteUrl: `${baseURL}/api/auth/jwks`, keyPairConfig: { alg: "EdDSA" } },
    jwt: { ...claims, sign: (payload) => new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(key) },
  });
}

const minted = {};
for (const mode of ["shared-secret", "jwks"]) {
  const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const auth = betterAuth({ secret, baseURL, database: memoryAdapter(db), emailAndPassword: { enabled: true }, plugins: [jwtPlugin(mode)] });
  const call = async (path, init = {}) => {
    const response = await auth.handler(new Request(`${baseURL}/api/auth${path}`, { ...init, headers: { origin: baseURL, "content-type": "application/json", ...init.headers } }));
    if (!response.ok) throw new Error(`${pkg} ${mode}: ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  const signUp = await call("/sign-up/email", { method: "POST", body: JSON.stringify({ email: `${mode}@example.test`, password: "correct horse battery staple", name: "Matrix" }) });
  const cookie = signUp.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const { user } = await signUp.json();
  const { token } = await (await call("/token", { headers: { cookie } })).json();
  const jwks = mode === "jwks" ? await (await call("/jwks")).json() : null;
  minted[mode] = { token, jwks, userId: user.id, sessionId: db.session[0].id };
}
console.log(JSON.stringify(minted));
