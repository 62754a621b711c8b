/** A text with every occurrence of the searched term marked (case-insensitive), as the search found it. */
import type { ReactNode } from 'react';

/**
 * Splits `text` around `term` (regex characters taken literally).
 * @returns the parts, the matching ones in <mark>
 */
export function HighlightText({ text, term }: { text: string; term?: string | undefined }): ReactNode {
  const needle = term?.trim();
  if (!needle) return text;
  const pattern = new RegExp(`(${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'giu');
  const parts = text.split(pattern);
  return parts.map((part, index) =>
    index % 2 === 1 ? <mark key={index} data-testid="search-hit">{part}</mark> : part,
  );
}
