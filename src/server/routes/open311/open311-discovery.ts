/** The Open311 service discovery document and which timeline actions the public sees. */

/** Sortable and in the past; bump when the endpoint's behaviour changes. */
export const OPEN311_CHANGESET = '2026-11-23T00:00:00+08:00';

/** Timeline actions published as servicerequestupdates (internal steps and clients' own updates are not). */
export const PUBLIC_ACTIONS = [
  'report', 'verify', 'file', 'decline', 'dispatch', 'sign', 'return', 'resolve', 'check_pass', 'check_fail', 'self_handle',
  'merge', 'approve_suspension', 'resume', 'reopen', 'relocate', 'approve_extension',
] as const;

/**
 * Two endpoint entries (GeoReport v2 and the FixMyStreet extension, same URL), so XML clients
 * that turn a single child into a scalar still see a list.
 */
export function discoveryDocument(baseUrl: string) {
  const formats = ['text/xml', 'application/json'];
  return {
    changeset: OPEN311_CHANGESET,
    contact: '区指挥中心（城市治理闭环平台）/ District command centre (civicloop); see docs/open311.md',
    key_service: '向系统管理员申请 API 密钥（civicloop apikey create）/ Ask the system administrator for an API key (civicloop apikey create)',
    endpoints: [
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: baseUrl, changeset: OPEN311_CHANGESET, type: 'production', formats },
      {
        specification: 'https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Proposed-differences-to-Open311',
        url: baseUrl, changeset: OPEN311_CHANGESET, type: 'production', formats,
      },
    ],
  };
}
