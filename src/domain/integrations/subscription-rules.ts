/**
 * Subscriptions (as FixMyStreet's alerts): which timeline steps subscribers hear about, which cases an
 * area or category subscription covers, the message they get, and signed unsubscribe links. Pure.
 */
import { pointInPolygon, ringProblems, type PolygonCoords } from '../geo/index.ts';

/** Public steps and their note for a member of the public (internal steps are not sent). */
export const SUBSCRIBER_NOTES: Readonly<Record<string, string>> = {
  report: '已收到 / Received',
  file: '已立案 / Accepted',
  decline: '不予立案 / Not accepted',
  dispatch: '已派遣 / Sent to the responsible unit',
  resolve: '已处置，待核查 / Handled, awaiting on-site check',
  check_pass: '核查通过，已结案 / Checked and closed',
  self_handle: '网格员已现场处置 / Fixed on the spot',
  merge: '重复件已合并 / Merged as a duplicate',
  approve_suspension: '暂缓办理 / On hold',
  resume: '恢复办理 / Resumed',
  reopen: '重新办理 / Reopened',
};
export const SUBSCRIBER_ACTIONS: readonly string[] = Object.keys(SUBSCRIBER_NOTES);

/** Area and category subscriptions cover street problems only; 12345-style requests stay private. */
export const AREA_VISIBLE_KINDS: readonly string[] = ['event', 'component'];

export interface SubscriptionScope {
  target: 'case' | 'street' | 'grid' | 'polygon' | 'category';
  case_id: number | null;
  street_id: number | null;
  grid_id: number | null;
  polygon: number[][][] | null;
  category_code: string | null;
}

export interface EventFacts {
  caseId: number;
  kind: string;
  streetId: number | null;
  gridId: number | null;
  lat: number | null;
  lng: number | null;
  categoryCode: string;
}

/**
 * Whether a subscription covers a case's event.
 * @example subscriptionCovers({ target: 'grid', grid_id: 7, case_id: null, street_id: null, polygon: null, category_code: null }, { caseId: 1, kind: 'event', streetId: 2, gridId: 7, lat: null, lng: null, categoryCode: 'E0104' }) // => true
 */
export function subscriptionCovers(scope: SubscriptionScope, facts: EventFacts): boolean {
  if (scope.target === 'case') return scope.case_id === facts.caseId;
  if (!AREA_VISIBLE_KINDS.includes(facts.kind)) return false;
  if (scope.target === 'street') return scope.street_id !== null && scope.street_id === facts.streetId;
  if (scope.target === 'grid') return scope.grid_id !== null && scope.grid_id === facts.gridId;
  if (scope.target === 'category') return scope.category_code === facts.categoryCode;
  if (facts.lat === null || facts.lng === null || !scope.polygon) return false;
  return pointInPolygon([facts.lng, facts.lat], scope.polygon as PolygonCoords) !== 'outside';
}

/**
 * What is wrong with a drawn polygon ([lng, lat] rings, the first the outline): the geo rules,
 * e.g. RING_SELF_INTERSECTS for a bow tie.
 */
export function polygonProblems(polygon: number[][][]): string[] {
  if (polygon.length === 0 || polygon.length > 10) return ['RING_COUNT'];
  const problems = polygon.flatMap((ring) => {
    if (ring.length > 1000 || ring.some((p) => p.length !== 2 || !p.every(Number.isFinite) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)) return ['RING_POSITION_INVALID'];
    return ringProblems(ring as [number, number][]);
  });
  return [...new Set(problems)];
}

/** The message for one event: a subject and a plain-text body, zh-CN first. */
export function subscriberMessage(event: { action: string; number: string; title: string; at: string }, links: { caseUrl: string; unsubscribeUrl: string }) {
  const note = SUBSCRIBER_NOTES[event.action] ?? '';
  const [zh, en] = note.split(' / ');
  return {
    subject: `工单 ${event.number}：${zh} / Case ${event.number}: ${en}`,
    body: [
      `${event.title}`,
      `${zh}（${event.at}）`,
      `${en} (${event.at})`,
      '',
      `查看 / View: ${links.caseUrl}`,
      `退订 / Unsubscribe: ${links.unsubscribeUrl}`,
    ].join('\n'),
  };
}
