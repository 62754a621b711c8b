/**
 * Whether a webhook URL may be registered: http(s), no credentials, not this server, and (unless
 * configured for a partner inside the government network) not a loopback or private address.
 */
import { DomainError } from '../../domain/errors.ts';
import { webhookUrlProblem } from '../../domain/integrations/index.ts';
import { isPrivateHost } from '../open311/index.ts';
import type { IntegrationSettings } from '../service-deps.ts';

const MESSAGES = {
  not_http: 'only http(s) URLs',
  credentials: 'no user name or password in the URL; the signature authenticates us',
  self: 'the URL points at this server itself',
  private: 'the URL points at a loopback or private address',
} as const;

/** @throws DomainError WEBHOOK_URL_REFUSED */
export async function checkWebhookTarget(url: string, settings: IntegrationSettings): Promise<void> {
  const problem = webhookUrlProblem(url, [settings.publicUrl]);
  if (problem) throw new DomainError('WEBHOOK_URL_REFUSED', [{ path: 'url', code: problem, message: MESSAGES[problem] }]);
  if (!settings.webhookPrivateTargets && (await isPrivateHost(new URL(url).hostname))) {
    throw new DomainError('WEBHOOK_URL_REFUSED', [{ path: 'url', code: 'private', message: MESSAGES.private }]);
  }
}
