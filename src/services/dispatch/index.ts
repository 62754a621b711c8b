// The public face of this area: other areas import from here, never from its files.
export * from './dispatch-feedback.ts';
export * from './dispatch-suggest.ts';
export * from './dispatch-training.ts';
export * from './jieba-segmenter.ts';
export * from './auto-dispatch-request.ts';
export * from './auto-dispatch.ts';
