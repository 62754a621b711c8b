/**
 * 一事一评: every 办结 asks the applicant for a rating through an adapter (SMS, the portal, 吉事办 …);
 * the demo's adapter only logs. The request is an outbox follow-up, sent after the conclusion commits,
 * exactly once, and recorded on the timeline. An application still unrated after the district's
 * `ratingDefaultDays` natural days gets its `ratingDefaultLevel` (Guangdong: 7 days ⇒ 基本满意).
 */
import { appendEvents, findCase } from '../../db/repositories/case/index.ts';
import { findApplicationByCase, listUnratedConcluded, updateApplication } from '../../db/repositories/applications/index.ts';
import { listDistricts } from '../../db/repositories/org/index.ts';
import { parseDistrictSettings, periodOf } from '../../domain/org/index.ts';
import { performCaseAction, type FollowUp } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { repeatEvery, type RepeatingWork } from '../repeat-every.ts';

export interface RatingRequest {
  number: string;
  phone: string;
  applicantName: string;
  itemName: string;
  districtId: number;
}

/** Where rating requests go; a deployment plugs in its SMS gateway or the provincial 好差评 system. */
export interface RatingRequestSender {
  /** A name for the timeline ('log', 'sms', …). */
  channel: string;
  send(request: RatingRequest): Promise<void>;
}

/** The demo's sender: one line per request on the server's output. */
export const loggingRatingRequests: RatingRequestSender = {
  channel: 'log',
  async send(request) {
    process.stdout.write(`[一事一评] 请 ${request.applicantName} 对办件 ${request.number}（${request.itemName}）进行评价 → ${request.phone}\n`);
  },
};

export const RATING_REQUEST_KIND = 'follow_up:application_rating_request';

/** Sent after the conclusion commits; `rating_requested_at` marks it done. */
export const ratingRequestOnConclusion: FollowUp<{ caseId: number }> = {
  kind: RATING_REQUEST_KIND.slice('follow_up:'.length),
  plan: () => null, // planned by the application's own action, not by case actions
  async run({ trx, deps, payload }) {
    const application = await findApplicationByCase(trx, payload.caseId);
    const row = await findCase(trx, payload.caseId);
    if (!application || !row || application.rating_requested_at) return;
    const sender = deps.ratingRequests ?? loggingRatingRequests;
    await sender.send({
      number: application.number, phone: application.applicant_phone, applicantName: application.applicant_name,
      itemName: row.title.split(' · ')[0] ?? row.title, districtId: application.district_id,
    });
    const now = deps.clock();
    await updateApplication(trx, application.case_id, { rating_requested_at: now });
    await appendEvents(trx, row.district_id, [{
      caseId: row.id, districtId: row.district_id, at: now, actorUserId: null, actorRole: 'system', action: 'rating_requested',
      fromState: row.state, toState: row.state, note: null, data: { channel: sender.channel },
    }]);
  },
};

/**
 * Gives the district's default rating to every application concluded more than `ratingDefaultDays`
 * natural days ago and still unrated, through the case `rate` action (so the rating counts like any other).
 * @returns how many were rated
 */
export async function applyDefaultRatings(deps: ServiceDeps): Promise<number> {
  const now = deps.clock();
  let rated = 0;
  for (const district of await listDistricts(deps.db)) {
    const settings = parseDistrictSettings({ settings: district.settings, workingHours: district.working_hours }, periodOf(now));
    const cutoff = new Date(now.getTime() - settings.ratingDefaultDays * 86_400_000);
    for (const { case_id: caseId } of await listUnratedConcluded(deps.db, district.id, cutoff)) {
      const row = await findCase(deps.db, caseId);
      if (!row || row.rating) continue;
      await performCaseAction(deps, { userId: null, role: 'operator', districtId: district.id, streetId: null, departmentId: null, gridId: null }, {
        caseId, action: 'rate', version: row.version,
        fields: { level: settings.ratingDefaultLevel, comment: `${settings.ratingDefaultDays}日内未评价，系统默认评价` },
      });
      rated += 1;
    }
  }
  return rated;
}

/** Runs `applyDefaultRatings` every `intervalMs` inside the server (beside the warning sweep). */
export function startDefaultRatingLoop(deps: ServiceDeps, intervalMs: number, onError: (error: unknown) => void): RepeatingWork {
  return repeatEvery(() => applyDefaultRatings(deps), intervalMs, onError);
}
