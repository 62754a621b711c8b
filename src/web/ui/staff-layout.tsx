/** The staff page frame: role-aware menu, scope, notifications, demo banner. Loaded with the first staff page, not on citizens' phones. */
import { Alert, Button, Layout, Menu, Space, Spin } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/case/index.ts';
import { useSession } from '../modules/session/index.ts';
import { Brand } from './layouts.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { UserScope } from './user-scope.tsx';

type NavKey = 'workbench' | 'inbox' | 'grid' | 'search' | 'map' | 'cockpit' | 'admin' | 'supervision' | 'notices'
  | 'portal' | 'enterprises' | 'policies'
  | 'projects' | 'patronage' | 'kpi' | 'window' | 'services' | 'service-indicators';

/** Which pages each role sees in the menu. */
const MENU: Partial<Record<Role, NavKey[]>> = {
  operator: ['workbench', 'window', 'search', 'map', 'cockpit', 'enterprises'],
  shift_lead: ['workbench', 'window', 'search', 'map', 'cockpit', 'enterprises'],
  handler: ['inbox', 'services', 'service-indicators', 'notices', 'search'],
  grid_worker: ['grid'],
  supervisor: ['cockpit', 'supervision', 'service-indicators', 'map', 'search', 'enterprises', 'policies'],
  leader: ['cockpit', 'supervision', 'service-indicators', 'map', 'search', 'projects', 'patronage', 'kpi', 'enterprises', 'policies'],
  admin: ['admin', 'search', 'enterprises', 'policies'],
  enterprise: ['portal'],
  project_officer: ['projects', 'kpi', 'search'],
};

export function StaffLayout() {
  const { t } = useTranslation();
  const { user, demo, loading, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (loading) return <Spin fullscreen />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const mobile = user.role === 'grid_worker';
  const keys = MENU[user.role] ?? ['search'];
  const current = keys.find((key) => location.pathname.startsWith(`/${key}`));
  const signOut = async () => {
    await logout();
    navigate('/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: mobile ? 12 : 24 }}>
        <Brand />
        {!mobile && (
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={current ? [current] : []}
            style={{ flex: 1, minWidth: 0 }}
            items={keys.map((key) => ({ key, label: <Link to={`/${key}`}>{t(`nav.${key}`)}</Link> }))}
          />
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
      <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

