/** The public page frame (citizens' report and tracking pages) and the brand shared with the staff frame (staff-layout.tsx). */
import { Alert, Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/session/index.ts';
import { LangSwitch } from './lang-switch.tsx';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Typography.Text strong title={t('app.name')} style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0, flexShrink: 1 }}>
      {t('app.name')}
    </Typography.Text>
  );
}

export function PublicLayout() {
  const { t } = useTranslation();
  const { demo } = useSession();
  const location = useLocation();
  const items = [
    { key: '/report', label: <Link to="/report">{t('nav.report')}</Link> },
    { key: '/track', label: <Link to="/track">{t('nav.track')}</Link> },
    { key: '/service-track', label: <Link to="/service-track">{t('nav.serviceTrack')}</Link> },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, paddingInline: 12 }}>
        <Brand />
        <LangSwitch />
      </Layout.Header>
      {demo && <Alert type="warning" banner role="status" title={t('app.demoBanner')} />}
      <Menu mode="horizontal" selectedKeys={[location.pathname]} items={items} style={{ justifyContent: 'center' }} />
      <Layout.Content style={{ padding: 12, maxWidth: 720, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', padding: 12 }}>
        <Link to="/login">{t('nav.login')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
