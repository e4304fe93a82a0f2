import "server-only";
/** Delivers the app's emails: through SMTP when SMTP_URL is set, otherwise into a local outbox folder. */
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type Email = { to: string; subject: string; text: string };
export type Mailer = (email: Email) => Promise<void>;
type MailerOptions = { smtpUrl?: string; from: string; outboxDir: string; log?: (line: string) => void };

/**
 * The outbox keeps one JSON file per message, named so that a plain listing sorts oldest first;
 * developers open them by hand and the end-to-end tests read them to follow the links inside.
 * Each is written under a temporary name and renamed into place, so a reader never finds half of one.
 */
function outbox(dir: string, from: string, log: (line: string) => void): Mailer {
  return async (email) => {
    await mkdir(dir, { recursive: true });
    const sentAt = new Date().toISOString();
    const file = path.join(dir, `${sentAt.replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}.json`);
    await writeFile(`${file}.partial`, `${JSON.stringify({ from, ...email, sentAt }, null, 2)}\n`);
    await rename(`${file}.partial`, file);
    log(`mail: "${email.subject}" for ${email.to} written to ${file}`);
  };
}

export function createMailer({ smtpUrl, from, outboxDir, log = console.log }: MailerOptions): Mailer {
  if (!smtpUrl) return outbox(outboxDir, from, log);
  const transport = nodemailer.createTransport(smtpUrl);
  return async (email) => {
    await transport.sendMail({ from, ...email });
  };
}
