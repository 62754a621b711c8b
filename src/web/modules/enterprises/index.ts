// The public face of this area: other areas import from here, never from its files.
export * from './demand-panel.tsx';
export * from './enterprise-facts.tsx';
export * from './enterprise-overview.tsx';
export * from './enterprise-types.ts';
export * from './grant-list.tsx';
export * from './match-explanation.tsx';
export * from './policy-applications.tsx';
export * from './policy-match-list.tsx';
export * from './use-enterprise.ts';
