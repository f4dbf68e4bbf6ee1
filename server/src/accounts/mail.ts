import nodemailer, { type Transporter } from "nodemailer";
import { errorText, type Logger } from "../runtime/logger.ts";

/**
 * Mail to people, through SMTP_URL when it is set (nodemailer). Without it nothing is sent:
 * `enabled` is false, password reset by email is not offered, and invitations are links the
 * inviter copies. A failed send is logged (without the link, which is a secret) and reported
 * as not sent; it never fails the request that caused it.
 */
export interface Mailer {
  readonly enabled: boolean;
  sendPasswordReset(to: string, name: string, link: string): Promise<boolean>;
  sendSignInNotice(to: string, name: string, from: SignInFrom): Promise<boolean>;
  /** Sends an invitation; false when there is no SMTP (the inviter copies the link instead). */
  sendInvitation(to: string, link: string, inviter: string, workspace: string): Promise<boolean>;
  /** A notification digest (notifications/digests.ts words it), with its unsubscribe link. */
  sendDigest(to: string, subject: string, text: string, unsubscribeUrl: string): Promise<boolean>;
  close(): void;
}

export interface SignInFrom {
  when: Date;
  address: string | undefined;
  userAgent: string | undefined;
}

interface Mail {
  to: string;
  subject: string;
  text: string;
  /** RFC 2369/8058: mail clients show their own "Unsubscribe" for it. */
  list?: { unsubscribe: { url: string; comment: string } };
}

const passwordReset = (to: string, name: string, link: string): Mail => ({
  to,
  subject: "Reset your Logic Canvas password",
  text: [
    `Hello ${name},`,
    "",
    "Someone asked to reset the password of your Logic Canvas account. To choose a new one, open:",
    "",
    link,
    "",
    "The link works once and for one hour. If you did not ask for this, ignore this mail:",
    "your password stays as it is.",
  ].join("\n"),
});

const signInNotice = (to: string, name: string, from: SignInFrom): Mail => ({
  to,
  subject: "New sign-in to your Logic Canvas account",
  text: [
    `Hello ${name},`,
    "",
    `Your account was signed in on ${from.when.toUTCString()}`,
    `from ${from.address ?? "an unknown address"} (${from.userAgent ?? "unknown browser"}).`,
    "",
    "If this was not you, change your password and end that session on your Account page.",
  ].join("\n"),
});

const invitation = (to: string, link: string, inviter: string, workspace: string): Mail => ({
  to,
  subject: `${inviter} invited you to ${workspace} on Logic Canvas`,
  text: [
    `${inviter} invited you to join ${workspace} on Logic Canvas.`,
    "",
    "To accept or decline, open:",
    "",
    link,
  ].join("\n"),
});

export function createMailer(smtpUrl: string | undefined, from: string, logger: Logger): Mailer {
  const transport: Transporter | undefined = smtpUrl
    ? nodemailer.createTransport(smtpUrl)
    : undefined;
  const send = async (mail: Mail, kind: string): Promise<boolean> => {
    if (!transport) return false;
    try {
      await transport.sendMail({ from, ...mail });
      return true;
    } catch (error) {
      logger.warn("mail-failed", { kind, error: errorText(error) });
      return false;
    }
  };
  return {
    enabled: transport !== undefined,
    sendPasswordReset: (to, name, link) => send(passwordReset(to, name, link), "reset"),
    sendSignInNotice: (to, name, at) => send(signInNotice(to, name, at), "sign-in"),
    sendInvitation: (to, link, inviter, workspace) =>
      send(invitation(to, link, inviter, workspace), "invitation"),
    sendDigest: (to, subject, text, url) =>
      send({ to, subject, text, list: { unsubscribe: { url, comment: "Unsubscribe" } } }, "digest"),
    close: () => transport?.close(),
  };
}
