/** The English catalog and antd's English texts: one chunk, loaded when English is chosen (setup.ts). */
import enUSModule from 'antd/locale/en_US.js';
import { unwrapLocale } from '../ui/antd-locales.ts';

export { en } from './en.ts';
export const antdEnUS = unwrapLocale(enUSModule);
