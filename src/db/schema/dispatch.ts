/** Kysely's view of the tables of dispatch suggestion models and Chinese search terms (snake_case, as stored). */
import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './columns.ts';

/** A trained suggestion model of one district; the highest version is the one in use. */
export interface DispatchModelsTable {
  id: Generated<number>;
  district_id: number;
  version: number;
  trained_at: Timestamp;
  trained_on: Json<{ seedReports: number; cases: number; corrections: number }>;
  model: Json<unknown>;
}

/** The top suggestion an operator was shown when reporting a case; differing from the final choice = a correction. */
export interface DispatchSuggestionFeedbackTable {
  case_id: number;
  district_id: number;
  suggested_category_code: string;
  suggested_department_id: number | null;
  confidence: number;
  model_version: number | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

/** An admin's auto-dispatch threshold for one category; no row = never auto-dispatched. */
export interface DispatchAutoRulesTable {
  district_id: number;
  category_code: string;
  min_confidence: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export type DispatchModelRow = Selectable<DispatchModelsTable>;

/** A case's character bigrams for Chinese search (migration 0018), kept by a trigger on cases. */
export interface CaseSearchTermsTable {
  case_id: number;
  terms: string[];
}

export interface DispatchTables {
  dispatch_models: DispatchModelsTable;
  dispatch_suggestion_feedback: DispatchSuggestionFeedbackTable;
  dispatch_auto_rules: DispatchAutoRulesTable;
  case_search_terms: CaseSearchTermsTable;
}
