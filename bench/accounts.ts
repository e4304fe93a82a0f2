/** Signs a person up on the running frontend over plain HTTP and fetches their JWT, as the app's own client does. */

export type Account = { userId: string; token: () => Promise<string>; cookie: string };

let counter = 0;

export async function signUp(webUrl: string, label: string): Promise<Account> {
  counter += 1;
  const email = `bench-${label}-${Date.now()}-${counter}@example.test`;
  const response = await fetch(`${webUrl}/api/auth/sign-up/email`, {
    method: "POST",
    // Better Auth refuses a state-changing request whose Origin it does not trust.
    headers: { "Content-Type": "application/json", Origin: webUrl },
    body: JSON.stringify({ name: `Bench ${label}`, email, password: "correct horse battery staple" }),
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const { user } = (await response.json()) as { user: { id: string } };
  // A fresh token per measurement: a long full run outlives one 15-minute token.
  const token = async () => {
    const answer = await fetch(`${webUrl}/api/auth/token`, { headers: { Cookie: cookie } });
    if (!answer.ok) throw new Error(`/api/auth/token answered ${answer.status}`);
    return ((await answer.json()) as { token: string }).token;
  };
  return { userId: user.id, token, cookie };
}
