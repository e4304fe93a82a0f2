import type { Metadata } from "next";
import { DeviceApproval } from "@/components/device/device-approval";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in a device · Tasks" };

type Props = { searchParams: Promise<{ user_code?: string | string[] }> };

export default async function DevicePage({ searchParams }: Props) {
  const { user_code } = await searchParams;
  const code = typeof user_code === "string" ? user_code.slice(0, 32) : "";
  // Signed-out visitors come back here, code included, once they have signed in.
  await requireSession(code ? `/device?user_code=${encodeURIComponent(code)}` : "/device");
  return (
    <main className="container account">
      <h1>Sign in a device</h1>
      <p className="muted">
        A terminal running the Tasks command-line app (<code>tasks login</code>) showed you a code. Confirm it here to let that terminal use your tasks.
      </p>
      <DeviceApproval initialCode={code} />
    </main>
  );
}
