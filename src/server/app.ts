/**
 * Builds the HTTP application (no listen): plugins, the error handler, API routes and the web UI.
 * Tests build it with their own database and clock; main.ts listens.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createServiceDeps } from '../services/create-service-deps.ts';
import type { ServiceDeps } from '../services/service-deps.ts';
import { answerFrameworkError, registerErrorHandler } from './plugins/error-handler.ts';
import { attachmentStoreKind, createAttachmentStorage } from '../services/case/index.ts';
import { authPlugin } from './plugins/auth.ts';
import { rateLimitCounters } from './plugins/rate-limit-counters.ts';
import { wellFormedTextPlugin } from './plugins/well-formed-text.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { authRoutes } from './routes/auth/index.ts';
import { orgRoutes } from './routes/org/index.ts';
import { caseRoutes } from './routes/case/index.ts';
import { trackingRoutes } from './routes/tracking/index.ts';
import { calendarRoutes } from './routes/calendar/index.ts';
import { userRoutes } from './routes/admin/index.ts';
import { gridRoutes, mapRoutes } from './routes/geo/index.ts';
import { apiKeyRoutes } from './routes/admin/index.ts';
import { open311Routes } from './routes/open311/index.ts';
import { attachmentRoutes } from './routes/case/index.ts';
import { duplicateRoutes, savedFilterRoutes } from './routes/case/index.ts';
import { liveRoutes } from './routes/case/index.ts';
import { indicatorRoutes } from './routes/supervision/index.ts';
import { supervisionRoutes } from './routes/supervision/index.ts';
import { bulletinRoutes } from './routes/supervision/index.ts';
import { enterpriseRoutes } from './routes/enterprises/index.ts';
import { policyRoutes } from './routes/policies/index.ts';
import { projectRoutes, reportPhotoRoutes, targetRoutes } from './routes/projects/index.ts';
import { dispatchRoutes } from './routes/dispatch/index.ts';
import { subscriptionRoutes, webhookRoutes } from './routes/integrations/index.ts';
import { applicationRoutes } from './routes/applications/index.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { webStatic } from './web-static.ts';
import { OneLineRequestLog } from './plugins/request-log.ts';
import { loggerOptions } from './logger-options.ts';

export interface AppDeps {
  handle: DatabaseHandle;
  config: AppConfig;
  version: string;
  clock?: () => Date;
  logger?: boolean;
  /** The built web UI to serve at / (dist/web); omitted, only the API is served. */
  webDir?: string;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: ServiceDeps;
}

/** JSON bodies stay small; photos arrive as multipart on their own routes with their own limits. */
const JSON_BODY_LIMIT = 256 * 1024;

export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(deps.config),
    logController: new OneLineRequestLog(),
    bodyLimit: JSON_BODY_LIMIT,
    // Host and X-Forwarded-* only from the configured proxies (CIVICLOOP_TRUST_PROXY); anyone else's are ignored.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const services: ServiceDeps = createServiceDeps(deps.handle.db, deps.config, deps.clock);
  const storage = createAttachmentStorage({ kind: attachmentStoreKind(deps.config.attachmentStore, deps.handle.kind), db: deps.handle.db, dataDir: deps.config.dataDir, s3: deps.config.s3 });
  // Answers do not wait for the after-commit pass (issue 10); closing does, so no pass outlives the database.
  app.addHook('onClose', async () => { await services.afterCommit.settled(); });
  const routeDeps: RouteDeps = { services, handle: deps.handle, config: deps.config, version: deps.version, storage };

  await app.register(securityHeadersPlugin, { secureCookies: deps.config.secureCookies, tileUrl: deps.config.map.tileUrl });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler', ...rateLimitCounters(app, { redisUrl: deps.config.redisUrl, db: deps.handle.db }) });
  await app.register(swagger, {
    openapi: {
      info: { title: 'civicloop API', description: '城市治理闭环平台 / District governance closed-loop platform', version: deps.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authPlugin, { services });
  await app.register(wellFormedTextPlugin);

  await app.register(healthRoutes, routeDeps);
  await app.register(authRoutes, routeDeps);
  await app.register(orgRoutes, routeDeps);
  await app.register(caseRoutes, routeDeps);
  await app.register(trackingRoutes, routeDeps);
  await app.register(calendarRoutes, routeDeps);
  await app.register(userRoutes, routeDeps);
  await app.register(gridRoutes, routeDeps);
  await app.register(mapRoutes, routeDeps);
  await app.register(apiKeyRoutes, routeDeps);
  await app.register(open311Routes, routeDeps);
  await app.register(attachmentRoutes, routeDeps);
  await app.register(duplicateRoutes, routeDeps);
  await app.register(savedFilterRoutes, routeDeps);
  await app.register(liveRoutes, routeDeps);
  await app.register(indicatorRoutes, routeDeps);
  await app.register(supervisionRoutes, routeDeps);
  await app.register(bulletinRoutes, routeDeps);
  await app.register(enterpriseRoutes, routeDeps);
  await app.register(policyRoutes, routeDeps);
  await app.register(applicationRoutes, routeDeps);
  await app.register(projectRoutes, routeDeps);
  await app.register(reportPhotoRoutes, routeDeps);
  await app.register(targetRoutes, routeDeps);
  await app.register(dispatchRoutes, routeDeps);
  await app.register(webhookRoutes, routeDeps);
  await app.register(subscriptionRoutes, routeDeps);
  // Last, so its catch-all for the single-page app never shadows an API route.
  if (deps.webDir) await app.register(webStatic, { dir: deps.webDir });
  return { app, services };
}
