// The dispatch area is imported first on purpose: it imports the case area back, the load order in which an
// eagerly filled follow-up list met a half-loaded dispatch module and lost (or threw on) its entry.
import { AUTO_DISPATCH_KIND, autoDispatchOnIntake } from '../dispatch/index.ts';
import { ratingRequestOnConclusion, RATING_REQUEST_KIND } from '../applications/index.ts';
import { describe, expect, it } from 'vitest';
import { followUpForKind, KIND_PREFIX } from './case-follow-ups.ts';

describe('the follow-up registry', () => {
  it('finds every area’s follow-up by its outbox kind, whichever area was loaded first', () => {
    expect(followUpForKind(`${KIND_PREFIX}${AUTO_DISPATCH_KIND}`)).toBe(autoDispatchOnIntake);
    expect(followUpForKind(RATING_REQUEST_KIND)).toBe(ratingRequestOnConclusion);
    for (const kind of ['rectification_on_bad_rating', 'carry_followers_on_merge', 'webhook_delivery', 'subscriber_message']) {
      expect(followUpForKind(`${KIND_PREFIX}${kind}`)?.kind).toBe(kind);
    }
  });

  it('knows no kind outside the follow-up prefix and no unknown follow-up', () => {
    expect(followUpForKind('webhook_delivery')).toBeUndefined();
    expect(followUpForKind(`${KIND_PREFIX}no_such_follow_up`)).toBeUndefined();
  });
});
