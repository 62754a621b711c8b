/** /admin — users, categories and time limits, the working calendar, Open311 API keys, grids, district settings, webhooks. */
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GridImportAdmin } from '../modules/admin/index.ts';
import { DistrictSettingsAdmin } from '../modules/admin/index.ts';
import { ApiKeysAdmin } from '../modules/admin/index.ts';
import { CalendarAdmin } from '../modules/admin/index.ts';
import { CategoriesAdmin } from '../modules/admin/index.ts';
import { UsersAdmin } from '../modules/admin/index.ts';
import { LifecycleAdmin } from '../modules/projects/index.ts';
import { WebhooksAdmin } from '../modules/integrations/index.ts';

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('admin.title')}</Typography.Title>
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'users', label: t('admin.users'), children: <UsersAdmin /> },
            { key: 'categories', label: t('admin.categories'), children: <CategoriesAdmin /> },
            { key: 'calendar', label: t('admin.calendar'), children: <CalendarAdmin /> },
            { key: 'apikeys', label: t('admin.apiKeys'), children: <ApiKeysAdmin /> },
            { key: 'grids', label: t('admin.grids'), children: <GridImportAdmin /> },
            { key: 'district-settings', label: t('districtSettings.title'), children: <DistrictSettingsAdmin /> },
            { key: 'project-lifecycle', label: t('lifecycleAdmin.title'), children: <LifecycleAdmin /> },
            { key: 'webhooks', label: t('webhooks.tab'), children: <WebhooksAdmin /> },
          ]}
        />
      </Card>
    </>
  );
}
