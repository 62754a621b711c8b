// The public face of this area: other areas import from here, never from its files.
export * from './webhooks-admin.tsx';
export * from './subscribe-form.tsx';
