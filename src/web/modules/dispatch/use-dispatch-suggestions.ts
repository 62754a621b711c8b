/**
 * Suggestions for the text being typed: asked for 400 ms after the last keystroke, only the newest answer kept
 * (an older, slower answer never overwrites a newer one). Failures leave the list empty: choosing by hand
 * always works.
 */
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../../api/client.ts';

export interface DispatchSuggestionView {
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  kind: string;
  departmentId: number | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  confidence: number;
}

export interface DispatchSuggestResponse {
  suggestions: DispatchSuggestionView[];
  model: { districtCode: string; version: number; trainedAt: string; seedOnly: boolean };
  districtFrom: string;
}

export interface SuggestionQuery {
  text: string;
  districtCode?: string | undefined;
  location?: { lat: number; lng: number } | undefined;
}

const DEBOUNCE_MS = 400;
/** Fewer characters say nothing about the problem yet. */
const MIN_TEXT_CHARS = 2;

export function useDispatchSuggestions(query: SuggestionQuery): DispatchSuggestResponse | null {
  const [answer, setAnswer] = useState<DispatchSuggestResponse | null>(null);
  const sequence = useRef(0);
  const { text, districtCode } = query;
  const lat = query.location?.lat;
  const lng = query.location?.lng;
  useEffect(() => {
    const trimmed = text.trim();
    const asked = ++sequence.current;
    if (trimmed.length < MIN_TEXT_CHARS) {
      setAnswer(null);
      return;
    }
    const timer = setTimeout(() => {
      const body: Record<string, unknown> = { text: trimmed.slice(0, 10_000) };
      if (districtCode) body.districtCode = districtCode;
      if (lat !== undefined && lng !== undefined) body.location = { lat, lng };
      apiPost<DispatchSuggestResponse>('/api/v1/dispatch/suggest', body).then(
        (response) => { if (asked === sequence.current) setAnswer(response); },
        () => { if (asked === sequence.current) setAnswer(null); },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, districtCode, lat, lng]);
  return answer;
}
