/** /admin — users, categories and time limits, the working calendar, Open311 API keys. */
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GridImportAdmin } from '../modules/admin/grid-import-admin.tsx';
import { ApiKeysAdmin } from '../modules/admin/api-keys-admin.tsx';
import { CalendarAdmin } from '../modules/admin/calendar-admin.tsx';
import { CategoriesAdmin } from '../modules/admin/categories-admin.tsx';
import { UsersAdmin } from '../modules/admin/users-admin.tsx';

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'users', label: t('admin.users'), children: <UsersAdmin /> },
            { key: 'categories', label: t('admin.categories'), children: <CategoriesAdmin /> },
            { key: 'calendar', label: t('admin.calendar'), children: <CalendarAdmin /> },
            { key: 'apikeys', label: t('admin.apiKeys'), children: <ApiKeysAdmin /> },
            { key: 'grids', label: t('admin.grids'), children: <GridImportAdmin /> },
          ]}
        />
      </Card>
    </>
  );
}
