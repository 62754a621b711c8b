/** Reads a server-sent event stream in tests: each `event:`/`data:` block, in order, awaited one by one. */
export interface StreamEvent {
  event: string;
  data: any;
}

export interface OpenStream {
  status: number;
  contentType: string | null;
  /** The next event of this name (others are skipped), or the stream's end as an error. */
  next(event: string): Promise<StreamEvent>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string>): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const parsed: StreamEvent[] = [];

  async function readBlock(): Promise<StreamEvent> {
    for (;;) {
      const parsedNow = parsed.shift();
      if (parsedNow) return parsedNow;
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n').filter((line) => !line.startsWith(':'));
        if (lines.length === 0) continue;
        const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
        parsed.push({ event, data: data ? JSON.parse(data) : null });
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  }

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    async next(event) {
      for (;;) {
        const block = await readBlock();
        if (block.event === event) return block;
      }
    },
    close: () => controller.abort(),
  };
}
