import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The raw message with quoted-printable soft breaks and escapes undone. */
  text: string;
}

/**
 * Undoes quoted-printable: soft line breaks and =XX escapes (nodemailer's default for text), the
 * escapes being UTF-8 bytes (“ is =E2=80=9C), so the bytes are decoded as UTF-8 at the end.
 */
const unquote = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

/**
 * A real SMTP server (the `smtp-server` package) on a loopback port, keeping what it receives.
 * `url` is what SMTP_URL takes.
 */
export async function startMailbox() {
  const received: ReceivedMail[] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push({ to, text: unquote(Buffer.concat(chunks).toString("utf8")) });
        for (const wake of waiting.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  /** The next mail to `to` whose text matches, waiting up to `ms` for it. */
  async function mailTo(to: string, matching: RegExp, ms = 20_000): Promise<ReceivedMail> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = received.find((m) => m.to.includes(to) && matching.test(m.text));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} matching ${matching} arrived`);
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailTo,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
