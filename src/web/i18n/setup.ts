/**
 * i18next with zh-CN first and English switchable; the choice is remembered in localStorage. The Chinese
 * catalog is in the first bundle; the English one (with antd's English texts) loads when it is chosen, so a
 * phone does not download the language it does not show (issue 18, page weight).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from 'antd/es/locale/index.js';
import { zhCN } from './zh-cn.ts';
import { antdZhCN } from '../ui/antd-locales.ts';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'civicloop.lang';
let antdEnUS: Locale | null = null;

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') {
    window.localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** Loads a language's catalog once (only English is loaded on demand). */
async function loadLang(lang: Lang): Promise<void> {
  if (lang !== 'en' || i18n.hasResourceBundle('en', 'translation')) return;
  const bundle = await import('./en-bundle.ts');
  antdEnUS = bundle.antdEnUS;
  i18n.addResourceBundle('en', 'translation', bundle.en);
}

/** Starts i18next once, with the first language's catalog, before the first render. */
export async function setupI18n(): Promise<typeof i18n> {
  const lng = initialLang();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lng === 'en') {
    await loadLang('en');
    await i18n.changeLanguage('en');
  }
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** Switches the language (loading its catalog first) and remembers it. */
export function switchLang(lang: Lang): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  void loadLang(lang).then(() => {
    document.documentElement.lang = lang;
    return i18n.changeLanguage(lang);
  });
}

/** True when the UI shows English (server messages then use messageEn). */
export function isEnglish(language: string): boolean {
  return language.startsWith('en');
}

/** antd's texts for the language shown (English once its catalog is loaded). */
export function antdLocaleFor(language: string): Locale {
  return isEnglish(language) && antdEnUS ? antdEnUS : antdZhCN;
}
