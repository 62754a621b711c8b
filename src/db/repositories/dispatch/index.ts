// The public face of this area: other areas import from here, never from its files.
export * from './dispatch-feedback-repository.ts';
export * from './dispatch-label-repository.ts';
export * from './dispatch-model-repository.ts';
