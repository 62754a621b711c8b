/** Small helpers for antd widgets that have no native control (Select). */
import type { Locator, Page } from 'playwright-core';

/**
 * Opens the select labelled `label`, searches for `text`, picks the first match and waits until the select
 * shows it. Without the last wait a click that lands while the filtered list re-renders can leave the field
 * empty, and the test fails much later (a form that never submits) instead of here.
 */
export async function pickOption(page: Page, label: string | RegExp, text: string, scope?: Locator): Promise<void> {
  const box = (scope ?? page).getByLabel(label, { exact: typeof label === 'string' ? true : undefined });
  const select = box.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await box.click();
  await box.fill(text);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
  await select.filter({ hasText: text }).waitFor();
}
