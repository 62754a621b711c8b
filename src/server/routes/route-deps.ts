import type { DatabaseHandle } from '../../db/connect.ts';
import type { ServiceDeps } from '../../services/service-deps.ts';
import type { AppConfig } from '../../config.ts';

/** What route plugins receive: services, the database handle (for health) and settings. */
export interface RouteDeps {
  services: ServiceDeps;
  handle: DatabaseHandle;
  config: AppConfig;
  version: string;
}
