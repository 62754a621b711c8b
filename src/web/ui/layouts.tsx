/** The public page frame (citizens' report and tracking pages) and the brand shared with the staff frame (staff-layout.tsx). */
import { Alert, Layout, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/session/index.ts';
import { LangSwitch } from './lang-switch.tsx';
import { MAIN_ID, SkipLink, usePageTitle } from './page-frame.tsx';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Typography.Text strong title={t('app.name')} style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0, flexShrink: 1 }}>
      {t('app.name')}
    </Typography.Text>
  );
}

const PUBLIC_PAGES = [
  { path: '/report', label: 'nav.report' },
  { path: '/track', label: 'nav.track' },
  { path: '/service-track', label: 'nav.serviceTrack' },
] as const;

export function PublicLayout() {
  const { t } = useTranslation();
  const { demo } = useSession();
  const location = useLocation();
  const current = PUBLIC_PAGES.find((page) => page.path === location.pathname);
  usePageTitle(current ? t(current.label) : null);
  // Three plain links, not antd's Menu: the report page is the first a phone loads, and a menu's overflow
  // machinery is weight it does not need.
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, paddingInline: 12 }}>
        <Brand />
        <LangSwitch />
      </Layout.Header>
      {demo && <Alert type="warning" banner role="status" title={t('app.demoBanner')} />}
      <nav aria-label={t('a11y.publicNav')} className="civicloop-public-nav">
        {PUBLIC_PAGES.map((page) => (
          <Link key={page.path} to={page.path} aria-current={page === current ? 'page' : undefined}>{t(page.label)}</Link>
        ))}
      </nav>
      <Layout.Content id={MAIN_ID} tabIndex={-1} style={{ padding: 12, maxWidth: 720, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', padding: 12 }}>
        <Link to="/login">{t('nav.login')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
