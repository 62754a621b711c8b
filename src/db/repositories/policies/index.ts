// The public face of this area: other areas import from here, never from its files.
export * from './application-repository.ts';
export * from './bulletin-figures-repository.ts';
export * from './grant-repository.ts';
export * from './policy-repository.ts';
