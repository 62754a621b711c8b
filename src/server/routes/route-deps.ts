import type { DatabaseHandle } from '../../db/connect.ts';
import type { ServiceDeps } from '../../services/service-deps.ts';
import type { AppConfig } from '../../config.ts';
import type { FileStorage } from '../../services/case/index.ts';

/** What route plugins receive: services, the database handle (for health) and settings. */
export interface RouteDeps {
  services: ServiceDeps;
  handle: DatabaseHandle;
  config: AppConfig;
  version: string;
  /** Where photos are kept (one store for the process, CIVICLOOP_ATTACHMENT_STORE). */
  storage: FileStorage;
}
