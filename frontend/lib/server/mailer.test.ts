import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

const sendMail = vi.fn(async () => ({}));
const createTransport = vi.fn(() => ({ sendMail }));
vi.mock("nodemailer", () => ({ default: { createTransport } }));

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
