/** A real HTTP server on loopback that serves what media_url tests need: a photo, a huge body, text, a redirect loop. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MediaServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function startMediaServer(photo: Buffer): Promise<MediaServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/photo.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(photo);
    if (path === '/huge.png') {
      // No content-length: the size limit must hold while reading.
      response.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(1024 * 1024, 1);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && response.write(chunk)) sent += 1;
        if (sent >= 40) response.end();
        else response.once('drain', () => { sent += 1; pump(); });
      };
      response.on('close', () => { sent = 40; });
      return pump();
    }
    if (path === '/page.html') return response.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a photo</html>');
    if (path === '/loop-a') return response.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return response.writeHead(302, { location: '/loop-a' }).end();
    return response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
