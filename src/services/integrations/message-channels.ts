/**
 * How a message reaches a subscriber: one adapter interface per channel. E-mail goes over SMTP
 * (nodemailer) when CIVICLOOP_SMTP_URL is set; SMS and WeChat template messages have no vendor SDK
 * here — their default adapter only logs, and a deployment registers its vendor's adapter.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MessageChannel } from '../../db/schema.ts';
import type { IntegrationSettings } from '../service-deps.ts';

export interface OutgoingMessage {
  channel: MessageChannel;
  address: string;
  subject: string;
  body: string;
  /** For the List-Unsubscribe header of e-mail. */
  unsubscribeUrl?: string | undefined;
}

export interface MessageAdapter {
  /** Sends or throws; a throw makes the outbox try again later. */
  send(message: OutgoingMessage, settings: IntegrationSettings): Promise<void>;
}

/** Writes the message as one JSON line instead of sending it (quiet under tests). */
export const loggingAdapter: MessageAdapter = {
  async send(message) {
    if (process.env.NODE_ENV !== 'test') process.stdout.write(`${JSON.stringify({ msg: 'message not sent (logging adapter)', channel: message.channel, to: message.address, subject: message.subject })}\n`);
  },
};

const transports = new Map<string, Transporter>();

/** E-mail over SMTP; without an SMTP URL, logged like the other channels. */
export const smtpAdapter: MessageAdapter = {
  async send(message, settings) {
    if (!settings.smtpUrl) return loggingAdapter.send(message, settings);
    let transport = transports.get(settings.smtpUrl);
    if (!transport) {
      transport = nodemailer.createTransport(settings.smtpUrl);
      transports.set(settings.smtpUrl, transport);
    }
    await transport.sendMail({
      from: settings.mailFrom, to: message.address, subject: message.subject, text: message.body,
      headers: message.unsubscribeUrl ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>` } : {},
    });
  },
};

const adapters: Record<MessageChannel, MessageAdapter> = { email: smtpAdapter, sms: loggingAdapter, wechat: loggingAdapter };

/** Puts a vendor's adapter in place of the default (e.g. an SMS gateway). */
export function setMessageAdapter(channel: MessageChannel, adapter: MessageAdapter): void {
  adapters[channel] = adapter;
}

export function messageAdapterFor(channel: MessageChannel): MessageAdapter {
  return adapters[channel];
}
