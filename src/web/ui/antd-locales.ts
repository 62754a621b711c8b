/** antd's zh_CN locale (en_US is in src/web/i18n/en-bundle.ts, loaded with English); the CommonJS default export is unwrapped for either interop. */
import zhCNModule from 'antd/locale/zh_CN.js';
import type { Locale } from 'antd/es/locale/index.js';

export const unwrapLocale = (value: unknown): Locale => ((value as { default?: Locale }).default ?? (value as Locale));

export const antdZhCN = unwrapLocale(zhCNModule);
