/**
 * What every page has for people using a keyboard or a screen reader (issue 18, accessibility): a link that
 * skips to the main content, the page's name as the document title (set by the layouts), one h1 per page
 * (the page's visible title, or PageHeading where it shows none), and the focus ring (src/web/ui/a11y.css).
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The id of each layout's <main>, the skip link's target. */
export const MAIN_ID = 'main';

/** The first thing a Tab reaches: jumps over the header and menu to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return <a className="civicloop-skip-link" href={`#${MAIN_ID}`}>{t('a11y.skipToContent')}</a>;
}

/** Sets the document title to "<page> · <app name>", or the app name alone. */
export function usePageTitle(page: string | null): void {
  const { t } = useTranslation();
  const title = page ? t('a11y.pageTitle', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The h1 of a page that shows no title of its own (visually hidden: the menu already shows the page's name). */
export function PageHeading({ children }: { children: string }) {
  return <h1 className="civicloop-visually-hidden">{children}</h1>;
}

/** A page's title shown as a Card's title: the card keeps its look, the title is the page's h1. */
export function CardHeading({ children }: { children: string }) {
  return <h1 className="civicloop-card-heading">{children}</h1>;
}

/**
 * A card with the page's h1 as its title, for the first page a phone loads: it looks like antd's Card, which
 * brings its tabs, dropdown, menu and skeleton along (about 10 KB compressed, docs/performance.md).
 */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="civicloop-panel">
      <div className="civicloop-panel-head"><h1 className="civicloop-card-heading">{title}</h1></div>
      <div className="civicloop-panel-body">{children}</div>
    </section>
  );
}
