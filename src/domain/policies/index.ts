// The public face of this area: other areas import from here, never from its files.
export * from './benefit-formula.ts';
export * from './policy-application.ts';
export * from './policy-match.ts';
export * from './policy-rules.ts';
export * from './reference-policies.ts';
export * from './rule-evaluator.ts';
