/**
 * Offline-message e-mails (S5) through nodemailer: plain text only, the
 * visitor's words in the body and nowhere else.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { OfflineMessage } from '@parley/core';

/** How to reach the mail server. */
export interface SmtpOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`. */
  readonly url?: string;
  /** nodemailer SMTP options, instead of (or on top of) `url`. */
  readonly transport?: SMTPTransport.Options;
  /** The sender; default `Parley <parley@localhost>`. */
  readonly from?: string;
}

/** Sends one e-mail. */
export type SendMail = (mail: { to: readonly string[]; subject: string; text: string; replyTo?: string }) => Promise<void>;

/** A mailer and how to close it. */
export interface Mailer {
  readonly send: SendMail;
  close(): void;
}

/** Creates a {@link Mailer} over SMTP. */
export function createMailer(options: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport({
    ...(options.url && { url: options.url }),
    ...options.transport,
  } as SMTPTransport.Options);
  const from = options.from ?? 'Parley <parley@localhost>';
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: [...mail.to],
        subject: mail.subject,
        text: mail.text,
        ...(mail.replyTo && { replyTo: mail.replyTo }),
      });
    },
    close: () => transport.close(),
  };
}

/** Control characters out (tabs and line breaks kept), so nothing in a value can fake structure. */
const plain = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '');
/** One line: for the subject, where a line break would start a new header. */
const oneLine = (text: string) => plain(text).replace(/\s+/g, ' ').trim().slice(0, 200);

const EMAIL = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

/** The e-mail for an offline message. The visitor's e-mail becomes Reply-To only when it is one plain address. */
export function offlineMail(siteName: string, message: OfflineMessage): { subject: string; text: string; replyTo?: string } {
  const lines = Object.entries(message.fields).map(([name, value]) => {
    const label = oneLine(message.labels?.[name] ?? name);
    const text = plain(value);
    return text.includes('\n') ? `${label}:\n${text.replace(/^/gm, '  ')}` : `${label}: ${text}`;
  });
  const text = [
    `A visitor left a message on ${oneLine(siteName)}.`,
    '',
    ...lines,
    '',
    `Visitor: ${message.visitorId}`,
    `Received: ${new Date(message.createdAt).toISOString()}`,
    `Message id: ${message.id}`,
    '',
  ].join('\n');
  const email = message.fields.email?.trim();
  return {
    subject: `New message on ${oneLine(siteName)}`,
    text,
    ...(email && email.length <= 254 && EMAIL.test(email) && { replyTo: email }),
  };
}
