/** The app shell: antd providers in the UI's language, the session, and the routes. */
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Spin } from 'antd';
import { antdLocaleFor, isEnglish } from './i18n/setup.ts';
import { SessionProvider, homePathFor, useSession } from './modules/session/index.ts';
import { PublicLayout } from './ui/layouts.tsx';
import { ErrorBoundary } from './ui/error-boundary.tsx';
import { CitizenReportPage } from './pages/citizen-report-page.tsx';

// Only the citizen's report page is in the first bundle (a phone on a slow network); every other page,
// and the staff frame with its menu, loads when it is opened.
const StaffLayout = lazy(() => import('./ui/staff-layout.tsx').then((m) => ({ default: m.StaffLayout })));
const LoginPage = lazy(() => import('./pages/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const CitizenTrackPage = lazy(() => import('./pages/citizen-track-page.tsx').then((m) => ({ default: m.CitizenTrackPage })));
const ServiceTrackPage = lazy(() => import('./pages/service-track-page.tsx').then((m) => ({ default: m.ServiceTrackPage })));
const WorkbenchPage = lazy(() => import('./pages/workbench-page.tsx').then((m) => ({ default: m.WorkbenchPage })));
const InboxPage = lazy(() => import('./pages/inbox-page.tsx').then((m) => ({ default: m.InboxPage })));
const GridPage = lazy(() => import('./pages/grid-page.tsx').then((m) => ({ default: m.GridPage })));
const MapPage = lazy(() => import('./pages/map-page.tsx').then((m) => ({ default: m.MapPage })));
const CockpitPage = lazy(() => import('./pages/cockpit-page.tsx').then((m) => ({ default: m.CockpitPage })));
const AdminPage = lazy(() => import('./pages/admin-page.tsx').then((m) => ({ default: m.AdminPage })));
const SupervisionPage = lazy(() => import('./pages/supervision-page.tsx').then((m) => ({ default: m.SupervisionPage })));
const NoticesPage = lazy(() => import('./pages/notices-page.tsx').then((m) => ({ default: m.NoticesPage })));
const ProjectsPage = lazy(() => import('./pages/projects-page.tsx').then((m) => ({ default: m.ProjectsPage })));
const KpiPage = lazy(() => import('./pages/kpi-page.tsx').then((m) => ({ default: m.KpiPage })));
const SearchPage = lazy(() => import('./pages/search-page.tsx').then((m) => ({ default: m.SearchPage })));
const EnterprisePortalPage = lazy(() => import('./pages/enterprise-portal-page.tsx').then((m) => ({ default: m.EnterprisePortalPage })));
const EnterprisesPage = lazy(() => import('./pages/enterprises-page.tsx').then((m) => ({ default: m.EnterprisesPage })));
const WindowPage = lazy(() => import('./pages/window-page.tsx').then((m) => ({ default: m.WindowPage })));
const ServiceInboxPage = lazy(() => import('./pages/service-inbox-page.tsx').then((m) => ({ default: m.ServiceInboxPage })));
const ServiceIndicatorsPage = lazy(() => import('./pages/service-indicators-page.tsx').then((m) => ({ default: m.ServiceIndicatorsPage })));
const PoliciesPage = lazy(() => import('./pages/policies-page.tsx').then((m) => ({ default: m.PoliciesPage })));

/**
 * The brand colour, and antd's light greys and signal colours darkened to a 4.5:1 contrast on white (WCAG AA,
 * checked by axe in test/e2e/accessibility.test.ts): links, secondary text, placeholders, badges and status texts.
 */
const THEME = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    colorInfo: '#1f5fbf',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
  },
};

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Spin fullscreen />;
  return <Navigate to={user ? homePathFor(user.role) : '/login'} replace />;
}

export function App() {
  const { i18n } = useTranslation();
  dayjs.locale(isEnglish(i18n.language) ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={antdLocaleFor(i18n.language)} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <ErrorBoundary>
            <Suspense fallback={<Spin fullscreen />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/login" element={<LoginPage />} />
                <Route element={<PublicLayout />}>
                  <Route path="/report" element={<CitizenReportPage />} />
                  <Route path="/track" element={<CitizenTrackPage />} />
                  <Route path="/service-track" element={<ServiceTrackPage />} />
                </Route>
                <Route element={<StaffLayout />}>
                  <Route path="/workbench" element={<WorkbenchPage />} />
                  <Route path="/inbox" element={<InboxPage />} />
                  <Route path="/grid" element={<GridPage />} />
                  <Route path="/search" element={<SearchPage />} />
                  <Route path="/map" element={<MapPage />} />
                  <Route path="/cockpit" element={<CockpitPage />} />
                  <Route path="/admin" element={<AdminPage />} />
                  <Route path="/supervision" element={<SupervisionPage />} />
                  <Route path="/notices" element={<NoticesPage />} />
                  <Route path="/portal" element={<EnterprisePortalPage />} />
                  <Route path="/enterprises" element={<EnterprisesPage />} />
                  <Route path="/policies" element={<PoliciesPage />} />
                  <Route path="/projects" element={<ProjectsPage />} />
                  <Route path="/patronage" element={<ProjectsPage mine />} />
                  <Route path="/kpi" element={<KpiPage />} />
                  <Route path="/window" element={<WindowPage />} />
                  <Route path="/services" element={<ServiceInboxPage />} />
                  <Route path="/service-indicators" element={<ServiceIndicatorsPage />} />
                </Route>
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
