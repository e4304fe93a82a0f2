import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

const sendMail = vi.fn(async () => ({}));
const createTransport = vi.fn(() => ({ sendMail }));
vi.mock("nodemailer", () => ({ default: { createTransport } }));
// The real file system, with writeFile open to a test that needs to act halfway through a write.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, writeFile: vi.fn(actual.writeFile) };
});
const realFs = await vi.importActual<typeof import("node:fs/promises")>("node:fs/promises");

const { createMailer } = await import("./mailer");

const email = { to: "ada@example.test", subject: "Reset your password", text: "Open https://tasks.test/reset" };

describe("createMailer without SMTP_URL", () => {
  it("writes each message as a JSON file in the outbox and logs where", async () => {
    const outboxDir = path.join(await mkdtemp(path.join(os.tmpdir(), "outbox-")), "nested");
    const log = vi.fn();
    const send = createMailer({ from: "Tasks <no-reply@tasks.test>", outboxDir, log });

    await send(email);
    await send({ ...email, subject: "Second" });

    const files = (await readdir(outboxDir)).sort();
    expect(files).toHaveLength(2);
    const first = JSON.parse(await readFile(path.join(outboxDir, files[0]!), "utf8"));
    expect(first).toMatchObject({ from: "Tasks <no-reply@tasks.test>", ...email });
    expect(Date.parse(first.sentAt)).not.toBeNaN();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`"Reset your password" for ada@example.test written to ${outboxDir}`));
    expect(createTransport).not.toHaveBeenCalled();
  });

  it("never shows a reader of the outbox half a message", async () => {
    const outboxDir = await mkdtemp(path.join(os.tmpdir(), "outbox-"));
    const send = createMailer({ from: "Tasks <no-reply@tasks.test>", outboxDir, log: vi.fn() });
    let seenMidWrite: string[] = [];
    vi.mocked(writeFile).mockImplementationOnce(async (file, data) => {
      await realFs.writeFile(file, String(data).slice(0, 10));
      seenMidWrite = (await readdir(outboxDir)).filter((name) => name.endsWith(".json"));
      await realFs.writeFile(file, data);
    });

    await send(email);

    expect(seenMidWrite).toEqual([]);
    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.json$/);
    expect(JSON.parse(await readFile(path.join(outboxDir, files[0]!), "utf8"))).toMatchObject(email);
  });
});

describe("createMailer with SMTP_URL", () => {
  it("hands the message to an SMTP transport and writes nothing locally", async () => {
    const log = vi.fn();
    const send = createMailer({ smtpUrl: "smtp://user:pass@mail.test:587", from: "Tasks <no-reply@tasks.test>", outboxDir: "/nonexistent", log });

    await send(email);

    expect(createTransport).toHaveBeenCalledWith("smtp://user:pass@mail.test:587");
    expect(sendMail).toHaveBeenCalledWith({ from: "Tasks <no-reply@tasks.test>", ...email });
    expect(log).not.toHaveBeenCalled();
  });
});
