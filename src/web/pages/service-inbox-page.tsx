/** /services — the back office's inbox of applications (办件) with both countdowns (handle and conclude), and the department's ratings and rectifications. */
import { App, Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApplicationActionButton, ApplicationRatings, ApplicationTable, useApplications, type ApplicationStaffView } from '../modules/applications/index.ts';
import { useErrorText } from '../ui/errors.ts';
import { CardHeading } from '../ui/page-frame.tsx';

export function ServiceInboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { items, loading, act, reload } = useApplications();
  const run = (application: ApplicationStaffView, action: string, fields?: Record<string, unknown>) =>
    void act(application, action, fields).catch((error: unknown) => message.error(errorText(error)));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
    <Card title={<CardHeading>{t('applications.inboxTitle')}</CardHeading>} extra={<Button onClick={() => void reload()}>{t('applications.refresh')}</Button>}>
      <ApplicationTable
        items={items}
        loading={loading}
        actionsFor={(application) => (
          <>
            {application.status === 'received' ? <ApplicationActionButton action="accept" onClick={() => run(application, 'accept')} /> : null}
            {application.status === 'accepted' ? <ApplicationActionButton action="start_processing" onClick={() => run(application, 'start_processing')} /> : null}
            {/* received: the 首席事务代表 approves at the window, 受理 and 办结 in one step */}
            {['received', 'accepted', 'processing'].includes(application.status) ? (
              <ApplicationActionButton action="conclude" onClick={() => run(application, 'conclude', { outcome: 'approved' })} />
            ) : null}
            {application.status === 'special_procedure' ? <ApplicationActionButton action="end_special" onClick={() => run(application, 'end_special')} /> : null}
          </>
        )}
      />
    </Card>
    <ApplicationRatings items={items} loading={loading} />
    </Space>
  );
}
