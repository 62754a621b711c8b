/** i18next with zh-CN first and English switchable; the choice is remembered in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-cn.ts';
import { en } from './en.ts';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'civicloop.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') {
    window.localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** Starts i18next once, before the first render. */
export function setupI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: initialLang(),
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** Switches the language and remembers it. */
export function switchLang(lang: Lang): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/** True when the UI shows English (server messages then use messageEn). */
export function isEnglish(language: string): boolean {
  return language.startsWith('en');
}
