"""Sends one email: through SMTP when SMTP_URL is set, else as a JSON file in the local outbox.

The outbox is the frontend's (frontend/lib/server/mailer.ts): one file per message, named by the
time it was written so a plain listing sorts oldest first.
"""

import json
import os
import secrets
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    text: str
    # The same for every attempt at one reminder, so a repeated delivery is recognisable.
    dedup_key: str


class Mailer:
    def __init__(self, *, smtp_url: str, sender: str, outbox_dir: Path) -> None:
        self.smtp_url = smtp_url
        self.sender = sender
        self.outbox_dir = outbox_dir
        # Written into each message, so the delivery figures can say which process sent what.
        self.instance = f"{os.uname().nodename}:{os.getpid()}"

    def message_id(self, email: Email) -> str:
        domain = parseaddr(self.sender)[1].rpartition("@")[2] or "localhost"
        return f"<{email.dedup_key}@{domain}>"

    def send(self, email: Email) -> None:
        if self.smtp_url:
            self.send_smtp(email)
        else:
            self.write_outbox(email)

    def write_outbox(self, email: Email) -> None:
        self.outbox_dir.mkdir(parents=True, exist_ok=True)
        sent_at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        name = f"{sent_at.replace(':', '-').replace('.', '-')}-{secrets.token_hex(3)}.json"
        message = {
            "from": self.sender,
            "to": email.to,
            "subject": email.subject,
            "text": email.text,
            "messageId": self.message_id(email),
            "dedupKey": email.dedup_key,
            "sentBy": self.instance,
            "sentAt": sent_at,
        }
        # Written under a temporary name and renamed: a reader never sees half a message.
        temporary = self.outbox_dir / f".{name}.tmp"
        temporary.write_text(json.dumps(message, indent=2) + "\n")
        temporary.rename(self.outbox_dir / name)

    def send_smtp(self, email: Email) -> None:
        url = urlsplit(self.smtp_url)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, email.to, email.subject
        message["Message-ID"] = self.message_id(email)
        message["X-Reminder-Key"] = email.dedup_key
        message.set_content(email.text)
        context = ssl.create_default_context()
        if url.scheme == "smtps":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                url.hostname or "localhost", url.port or 465, context=context, timeout=30
            )
        else:
            connection = smtplib.SMTP(url.hostname or "localhost", url.port or 587, timeout=30)
        with connection:
            connection.ehlo()
            if url.scheme != "smtps" and connection.has_extn("starttls"):
                connection.starttls(context=context)
            if url.username:
                connection.login(unquote(url.username), unquote(url.password or ""))
            connection.send_message(message)
