/**
 * Turns linked timeline events into webhook deliveries and subscriber messages (issue 16): per district,
 * under a lock on its cursor, the events after the cursor in chain order are read, each matching webhook
 * and subscription gets one row and one outbox entry, and the cursor moves — all in one transaction, so a
 * crash repeats a batch whole or not at all, and the unique (webhook|subscription, event) keys keep a repeat
 * from sending twice. The drain then sends them (webhook-delivery.ts, subscriber-messages.ts).
 */
import { enqueueOutbox } from '../../db/repositories/case/index.ts';
import {
  carryCaseSubscriptions, districtsWithNewEvents, findMergedInto, hasActiveSubscriptions, insertDelivery, insertMessage, listActiveSubscriptions, listActiveWebhooks, listEventsAfter,
  lockCursor, moveCursor, setDeliveryOutbox, type FannedEvent,
} from '../../db/repositories/integrations/index.ts';
import {
  SUBSCRIBER_ACTIONS, subscriberMessage, subscriptionCovers, wantsEvent, webhookEventKind, type SubscriptionScope,
} from '../../domain/integrations/index.ts';
import type { Transaction } from 'kysely';
import type { Database, SubscriptionRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { WEBHOOK_DELIVERY_KIND } from './webhook-delivery.ts';
import { SUBSCRIBER_MESSAGE_KIND } from './subscriber-messages.ts';
import { newDeliveryId } from './webhook-admin.ts';
import { unsubscribeSignature } from './signatures.ts';

/** Events handled per district and transaction. */
const BATCH = 200;

/** China Standard Time, minutes precision, for message texts. */
function localTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What partners receive: the event and the case's public facts; never the reporter. */
function webhookPayload(event: FannedEvent) {
  return {
    event: webhookEventKind(event.action),
    eventId: Number(event.id),
    occurredAt: event.at.toISOString(),
    case: {
      number: event.number, kind: event.kind, state: event.to_state, fromState: event.from_state, categoryCode: event.category_code,
      category: `${event.minor_name} / ${event.minor_name_en}`, districtCode: event.district_code, source: event.source, lat: event.lat, lng: event.lng,
    },
  };
}

export function unsubscribeUrl(deps: ServiceDeps, subscriptionId: number): string {
  const { publicUrl, linkSecret } = deps.settings.integrations;
  return `${publicUrl}/api/v1/subscriptions/${subscriptionId}/unsubscribe?sig=${unsubscribeSignature(linkSecret, subscriptionId)}`;
}

async function fanOutDistrict(deps: ServiceDeps, districtId: number, headSeq: number): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const after = await lockCursor(trx, districtId);
    const webhooks = await listActiveWebhooks(trx);
    // Nobody listens: skip to the head. Webhooks and subscriptions made later ignore older events anyway.
    if (webhooks.length === 0 && !(await hasActiveSubscriptions(trx))) {
      if (headSeq > after) await moveCursor(trx, districtId, headSeq);
      return false;
    }
    const events = await listEventsAfter(trx, districtId, after, BATCH);
    if (events.length === 0) return false;
    const now = deps.clock();
    const subscriptions = await listActiveSubscriptions(trx, [...new Set(events.map((e) => e.case_id))]);
    for (const event of events) {
      const kind = webhookEventKind(event.action);
      for (const webhook of webhooks) {
        // A webhook hears what happens after it was registered, not the history before it.
        if (!wantsEvent(webhook.event_kinds, kind) || event.at < webhook.created_at) continue;
        const id = await insertDelivery(trx, { id: newDeliveryId(), webhookId: webhook.id, eventId: Number(event.id), eventKind: kind, payload: webhookPayload(event), now });
        if (id) await setDeliveryOutbox(trx, id, await enqueueOutbox(trx, WEBHOOK_DELIVERY_KIND, { deliveryId: id }));
      }
      if (SUBSCRIBER_ACTIONS.includes(event.action)) await messageSubscribers(deps, trx, event, subscriptions, now);
      if (event.action === 'merge') await carryOnMerge(trx, event, now);
    }
    await moveCursor(trx, districtId, Number(events.at(-1)!.chain_seq));
    return events.length === BATCH;
  });
}

async function messageSubscribers(
  deps: ServiceDeps, trx: Transaction<Database>, event: FannedEvent, subscriptions: SubscriptionRow[], now: Date,
): Promise<void> {
  const facts = { caseId: event.case_id, kind: event.kind, streetId: event.street_id, gridId: event.grid_id, lat: event.lat, lng: event.lng, categoryCode: event.category_code };
  for (const subscription of subscriptions) {
    if (subscription.created_at > event.at || !subscriptionCovers(subscription as SubscriptionScope, facts)) continue;
    const text = subscriberMessage(
      { action: event.action, number: event.number, title: event.title, at: localTime(event.at) },
      { caseUrl: `${deps.settings.integrations.publicUrl}/track?number=${encodeURIComponent(event.number)}`, unsubscribeUrl: unsubscribeUrl(deps, Number(subscription.id)) },
    );
    const id = await insertMessage(trx, {
      subscriptionId: Number(subscription.id), eventId: Number(event.id), channel: subscription.channel, address: subscription.address, ...text, now,
    });
    if (id !== null) await enqueueOutbox(trx, SUBSCRIBER_MESSAGE_KIND, { messageId: id });
  }
}

/** The merge event is on the duplicate; its subscribers follow the kept case from here on. */
async function carryOnMerge(trx: Transaction<Database>, event: FannedEvent, now: Date): Promise<void> {
  const keptCaseId = await findMergedInto(trx, event.case_id);
  if (keptCaseId !== null) await carryCaseSubscriptions(trx, event.case_id, keptCaseId, now);
}

/** Fans out every district's new linked events. @returns how many districts had some */
export async function fanOutCaseEvents(deps: ServiceDeps): Promise<number> {
  const districts = await districtsWithNewEvents(deps.db);
  for (const { districtId, headSeq } of districts) {
    while (await fanOutDistrict(deps, districtId, headSeq)) { /* a full batch: there may be more */ }
  }
  return districts.length;
}

/** True while some linked event has not been fanned out. */
export async function hasEventsToFanOut(deps: ServiceDeps): Promise<boolean> {
  return (await districtsWithNewEvents(deps.db)).length > 0;
}
