/**
 * The bench server's resident memory while a scenario runs (issue 10: "RSS stays under 300 MB during the
 * indicator run and the intake load"). The server reports its own RSS on /__bench/memory: the child we
 * spawn is tsx's launcher, not the Node process that serves, so its pid would measure the wrong process.
 */
export interface MemorySummary {
  samples: number;
  maxRssMb: number;
  meanRssMb: number;
}

/** The ceiling issue 10 sets for the server's RSS. */
export const RSS_CEILING_MB = 300;

/**
 * Polls the server's RSS every `intervalMs` until the returned stop() is called.
 * @returns stop(), which resolves to the peak and mean of the samples taken
 */
export function startMemorySampler(port: number, intervalMs = 250): () => Promise<MemorySummary> {
  const samples: number[] = [];
  let running = true;
  const read = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/__bench/memory`);
    const body = (await response.json()) as { rss: number };
    samples.push(body.rss / (1024 * 1024));
  };
  const loop = (async () => {
    while (running) {
      await read();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await read(); // the state the scenario ended in
    const max = Math.max(...samples);
    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    return { samples: samples.length, maxRssMb: Math.round(max), meanRssMb: Math.round(mean) };
  };
}
