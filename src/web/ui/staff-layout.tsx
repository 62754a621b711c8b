/** The staff page frame: role-aware menu, scope, notifications, demo banner. Loaded with the first staff page, not on citizens' phones. */
import { Alert, App, Button, Layout, Menu, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/case/index.ts';
import { mayEver, type AccessAction } from '../../domain/access/index.ts';
import { homePathFor, useSession } from '../modules/session/index.ts';
import { Brand } from './layouts.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { UserScope } from './user-scope.tsx';
import { MAIN_ID, SkipLink, usePageTitle } from './page-frame.tsx';

type NavKey = 'workbench' | 'inbox' | 'grid' | 'search' | 'map' | 'cockpit' | 'admin' | 'supervision' | 'notices'
  | 'portal' | 'enterprises' | 'policies'
  | 'projects' | 'patronage' | 'kpi' | 'window' | 'services' | 'service-indicators';

/**
 * What each page needs from the access table (src/domain/access): a role sees a page in its menu when it may
 * ever take every action listed, so the menu and the server cannot disagree. Pages a role works from share
 * actions with neighbours (the window and the handler's 办件 both receive applications); the second action
 * says whose desk it is.
 */
const PAGE_NEEDS: Record<NavKey, readonly AccessAction[]> = {
  workbench: ['case.act.dispatch'],
  window: ['application.receive', 'case.act.dispatch'],
  inbox: ['case.act.sign'],
  services: ['application.receive', 'case.act.sign'],
  'service-indicators': ['application.indicators'],
  notices: ['supervision.notice.respond'],
  grid: ['case.act.verify'],
  cockpit: ['supervision.read'],
  supervision: ['supervision.notice.issue'],
  search: ['case.list', 'case.saved_filters'],
  map: ['case.map'],
  projects: ['project.problem.raise'],
  patronage: ['project.problem.raise', 'case.act.supervise'],
  kpi: ['project.problem.raise'],
  admin: ['admin.users'],
  enterprises: ['enterprise.manage'],
  policies: ['policy_application.list'],
  portal: ['grant.confirm'],
};

const PAGE_ORDER = Object.keys(PAGE_NEEDS) as NavKey[];

/** The pages a role sees in the menu: its home page first, then the others it may use. */
function menuFor(role: Role): NavKey[] {
  const pages = PAGE_ORDER.filter((page) => PAGE_NEEDS[page].every((action) => mayEver(role, action)));
  const home = homePathFor(role).slice(1);
  return pages.includes(home as NavKey) ? [home as NavKey, ...pages.filter((page) => page !== home)] : pages;
}

const ALL_PAGES = new Set<string>(PAGE_ORDER);

/** The menu key a path opens, when it is a staff page at all. */
function pageOf(pathname: string): NavKey | null {
  const first = pathname.split('/')[1] ?? '';
  return ALL_PAGES.has(first) ? (first as NavKey) : null;
}

/**
 * A staff page outside the role's menu (a typed or old link): back to the role's home, saying why. The server
 * refuses the data anyway; this spares the user a page of 403s.
 */
function GuardRedirect({ page, home }: { page: NavKey; home: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    // a fixed key: React's development double effect shows the message once
    void message.warning({ key: 'route-guard', content: t('nav.notAllowed', { page: t(`nav.${page}`) }) });
  }, [message, page, t]);
  return <Navigate to={home} replace />;
}

export function StaffLayout() {
  const { t } = useTranslation();
  const { user, demo, loading, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const titled = pageOf(location.pathname);
  usePageTitle(titled ? t(`nav.${titled}`) : null);
  if (loading) return <Spin fullscreen />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const mobile = user.role === 'grid_worker';
  const keys = menuFor(user.role);
  const current = keys.find((key) => location.pathname.startsWith(`/${key}`));
  const requested = pageOf(location.pathname);
  if (requested && !keys.includes(requested)) return <GuardRedirect page={requested} home={homePathFor(user.role)} />;
  const signOut = async () => {
    await logout();
    navigate('/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: mobile ? 12 : 24 }}>
        <Brand />
        {!mobile && (
          <nav aria-label={t('a11y.staffNav')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={current ? [current] : []}
            style={{ flex: 1, minWidth: 0 }}
            // The menu's items take the keyboard focus (arrow keys, Enter), so the links in them are not
            // tab stops: antd hides the items that fold into "…" with aria-hidden, and a focusable link
            // inside an aria-hidden item is a serious axe violation. A click on a link navigates by itself
            // (and prevents the default); Enter on an item navigates here.
            onClick={({ key, domEvent }) => { if (!domEvent.defaultPrevented) navigate(`/${key}`); }}
            items={keys.map((key) => ({ key, label: <Link to={`/${key}`} tabIndex={-1} data-path={`/${key}`}>{t(`nav.${key}`)}</Link> }))}
          />
          </nav>
        )}
        <Space style={{ marginLeft: 'auto', flexShrink: 0 }}>
          <NotificationBell />
          <LangSwitch />
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label={t('nav.logout')}>
            {mobile ? null : t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      {demo && <Alert type="warning" banner title={t('app.demoBanner')} />}
      <div style={{ padding: mobile ? '8px 12px' : '8px 24px', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <UserScope user={user} compact={mobile} />
      </div>
      <Layout.Content id={MAIN_ID} tabIndex={-1} style={{ padding: mobile ? 12 : 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

