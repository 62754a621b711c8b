/** Showing errors: the server's own message in the UI's language, and zod issues as form field errors. */
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';

/** The text to show for any thrown value. */
export function errorText(error: unknown, english: boolean, t: TFunction): string {
  if (error instanceof ApiError) return error.localized(english);
  return t('error.unknown');
}

/** A function that turns an error into text in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => errorText(error, isEnglish(i18n.language), t), [t, i18n.language]);
}

/** Shows an error as a toast through App.useApp(). */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback((error: unknown) => void message.error(text(error)), [message, text]);
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/** Maps zod issues onto antd form fields, with messages from i18n. */
export function issuesToFields(error: z.ZodError, t: TFunction): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const name = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const key = name.join('.');
    const params = (issue as { params?: { code?: string } }).params;
    let text: string;
    if (params?.code === 'html_not_allowed') text = t('common.noHtml');
    else if (params?.code === 'days_or_until') text = t('validation.days_or_until');
    else if (issue.code === 'too_big') text = t('common.tooLong');
    else if (issue.code === 'too_small' && (issue as { minimum?: unknown }).minimum === 1) text = t('common.required');
    else if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) text = t('common.required');
    else text = t('common.invalid');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** Trims strings and drops empty ones, so optional fields left blank are simply absent. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  return out as Partial<T>;
}

/** antd onValuesChange handler that clears the errors of the fields just edited (nested paths too). */
export function clearErrorsOnChange(form: { setFields(fields: FieldError[]): void }) {
  return (changed: Record<string, unknown>) => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
      } else paths.push(path);
    };
    walk(changed, []);
    form.setFields(paths.map((name) => ({ name, errors: [] })));
  };
}
