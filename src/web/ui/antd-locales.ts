/** antd's zh_CN and en_US locales; the CommonJS default export is unwrapped for either interop. */
import zhCNModule from 'antd/locale/zh_CN.js';
import enUSModule from 'antd/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';

const unwrap = (value: unknown): Locale => ((value as { default?: Locale }).default ?? (value as Locale));

export const antdZhCN = unwrap(zhCNModule);
export const antdEnUS = unwrap(enUSModule);
