/**
 * The server's log format: one readable line per entry on a terminal (`npm start`), one JSON object per
 * line elsewhere (a service manager or a log collector reads those), unless CIVICLOOP_LOG_FORMAT says which.
 */
import pretty from 'pino-pretty';
import type { FastifyServerOptions } from 'fastify';
import type { AppConfig } from '../config.ts';

export function loggerOptions(config: AppConfig): NonNullable<FastifyServerOptions['logger']> {
  const format = config.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (format === 'json') return { level: config.logLevel };
  const stream = pretty({
    sync: true,
    singleLine: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId',
  });
  return { level: config.logLevel, stream };
}
