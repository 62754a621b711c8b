/** Diagnostic: how long importing the server modules takes under tsx (part of cold start). `tsx bench/import-time.ts` */
const start = performance.now();
await import('../src/server/main.ts');
console.log(`import src/server/main.ts: ${Math.round(performance.now() - start)} ms`);
