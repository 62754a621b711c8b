// The public face of this area: other areas import from here, never from its files.
export * from './dispatch-model.ts';
export * from './naive-bayes.ts';
export * from './place-names.ts';
export * from './seed-corpus.ts';
export * from './seed-phrasings.ts';
export * from './text-features.ts';
