// The public face of this area: other areas import from here, never from its files.
export * from './event-fanout.ts';
export * from './message-channels.ts';
export * from './signatures.ts';
export * from './subscriber-messages.ts';
export * from './subscriptions.ts';
export * from './webhook-admin.ts';
export * from './webhook-delivery.ts';
export * from './webhook-targets.ts';
