/**
 * The case as its reporter sees it: one type for the service that builds it and the page that shows it
 * (the page reads it as `Wire<CitizenCaseView>`, dates as ISO strings).
 */
import type { RatingLevel } from '../case/index.ts';
import type { CitizenStage, CitizenStep } from './citizen-progress.ts';

/** Plain stages, no grid codes, no staff actions. */
export interface CitizenCaseView {
  id: number;
  number: string;
  version: number;
  title: string | null;
  description: string | null;
  categoryName: string;
  categoryNameEn: string;
  address: string | null;
  streetName: string | null;
  reportedAt: Date;
  stage: CitizenStage;
  /** When the handling unit has to be done (the resolve deadline), while it is being handled. */
  promisedBy: Date | null;
  steps: { step: CitizenStep; at: Date }[];
  /** The report this one was merged into (same problem); it is followed with the same tracking code. */
  mergedInto: { number: string } | null;
  rating: { level: RatingLevel; ratedAt: Date | null } | null;
  /** After a 差评: the rectification the unit owes, and by when. */
  rectification: { number: string; deadline: Date | null; done: boolean } | null;
  canRate: boolean;
}

