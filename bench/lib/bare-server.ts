/** The cold-start ceiling: a bare Fastify answering the health path, started the same way (tsx). */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/v1/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
