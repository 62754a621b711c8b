/** Small helpers for antd widgets that have no native control (Select). */
import type { Locator, Page } from 'playwright-core';

/** Opens the select labelled `label`, searches for `text` and picks the first match. */
export async function pickOption(page: Page, label: string | RegExp, text: string, scope?: Locator): Promise<void> {
  const box = (scope ?? page).getByLabel(label, { exact: typeof label === 'string' ? true : undefined });
  await box.click();
  await box.fill(text);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
}
