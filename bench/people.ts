/** The people the benchmarks sign up: new each time, over HTTP, as the app's own client does. */
import { type Account, signedUpAccount } from "../e2e/accounts.ts";

let people = 0;

/** A new person on `webUrl`; `label` names the measurement in the address. */
export function signUp(webUrl: string, label: string): Promise<Account> {
  people += 1;
  const email = `bench-${label}-${Date.now()}-${people}@example.test`;
  return signedUpAccount(webUrl, { email, password: "correct horse battery staple", name: `Bench ${label}` });
}
