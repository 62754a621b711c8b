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

/**
 * Opens the staff menu's item `name`, also when antd has folded it into the "…" overflow of a narrow
 * header (a role with many pages, such as the leader's). antd measures the overflow after the first
 * paint, so an item can fold away between a look and a click: the click is retried, not waited for.
 */
export async function openMenuItem(page: Page, name: string, timeoutMs = 60_000): Promise<void> {
  const menu = page.locator('.ant-menu-horizontal').first();
  await menu.waitFor({ timeout: timeoutMs });
  const direct = menu.getByRole('menuitem', { name, exact: true });
  const rest = menu.locator('.ant-menu-overflow-item-rest:not(.ant-menu-overflow-item-rest-hidden), .ant-menu-overflow-item-rest[aria-hidden="false"]').first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await direct.isVisible()) {
        await direct.click({ timeout: 2000 });
        return;
      }
      if (await rest.isVisible()) {
        await rest.hover({ timeout: 2000 });
        await page.locator('.ant-menu-submenu-popup').getByRole('menuitem', { name, exact: true }).click({ timeout: 2000 });
        return;
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`menu item ${name} not found`);
    await menu.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
}

/** Chooses a month in the cockpit's month picker (typed into it, as a keyboard user does), in Shanghai time. */
export async function chooseMonth(page: Page, at: Date): Promise<void> {
  const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(at);
  // the cockpit's own picker comes first (the bulletin card below has one too)
  const input = page.getByLabel('月份').first();
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await page.getByTestId('cockpit-period').getByText(month, { exact: false }).waitFor();
}
