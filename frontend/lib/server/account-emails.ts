import "server-only";
/** The wording of the emails Better Auth asks the app to send: password reset and address verification. */
import type { Email } from "./mailer";

type Recipient = { email: string; name: string };

function linkEmail(user: Recipient, subject: string, why: string, url: string, after: string): Email {
  return { to: user.email, subject, text: [`Hi ${user.name || "there"},`, "", why, "", url, "", after].join("\n") };
}

export const passwordResetEmail = (user: Recipient, url: string) =>
  linkEmail(
    user,
    "Reset your Tasks password",
    "Someone (hopefully you) asked to reset the password of your Tasks account. Open this link to choose a new one:",
    url,
    "The link works once and expires in one hour. If you didn't ask for it, ignore this email: your password stays as it is.",
  );

export const verificationEmail = (user: Recipient, url: string) =>
  linkEmail(
    user,
    "Confirm your email for Tasks",
    "Open this link to confirm your email address and finish setting up your Tasks account:",
    url,
    "The link expires in one hour. If you didn't sign up for Tasks, ignore this email.",
  );
