/**
 * Sending one subscriber message, as an outbox follow-up: the channel's adapter sends it and the row is
 * marked sent in the drain's transaction; a failure is retried with the outbox's backoff, and after the
 * last attempt the message is marked failed.
 */
import type { FollowUp } from '../case/index.ts';
import { findMessage, markMessage } from '../../db/repositories/integrations/index.ts';
import { messageAdapterFor } from './message-channels.ts';

export const SUBSCRIBER_MESSAGE_KIND = 'follow_up:subscriber_message';
const MAX_MESSAGE_ATTEMPTS = 6;

export const sendSubscriberMessage: FollowUp<{ messageId: number }> = {
  kind: 'subscriber_message',
  plan: () => null,
  async run({ trx, deps, payload }) {
    const message = await findMessage(trx, payload.messageId);
    if (!message || message.status !== 'pending') return;
    const unsubscribeUrl = /退订 \/ Unsubscribe: (\S+)/.exec(message.body)?.[1];
    await messageAdapterFor(message.channel).send(
      { channel: message.channel, address: message.address, subject: message.subject, body: message.body, unsubscribeUrl }, deps.settings.integrations,
    );
    await markMessage(trx, message.id, 'sent', deps.clock());
  },
  async onFailure({ deps, payload, failures }) {
    const giveUp = failures >= MAX_MESSAGE_ATTEMPTS;
    if (giveUp) await markMessage(deps.db, payload.messageId, 'failed', deps.clock());
    return { retryInMs: Math.min(1000 * 2 ** failures, 600_000), giveUp };
  },
};
