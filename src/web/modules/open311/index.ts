// The public face of this area: other areas import from here, never from its files.
export * from './open311-submission.tsx';
