/** /services — the back office's inbox of applications (办件) with both countdowns: handle and conclude. */
import { App, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApplicationActionButton, ApplicationTable, useApplications, type ApplicationStaffView } from '../modules/applications/index.ts';
import { useErrorText } from '../ui/errors.ts';

export function ServiceInboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { items, loading, act, reload } = useApplications();
  const run = (application: ApplicationStaffView, action: string, fields?: Record<string, unknown>) =>
    void act(application, action, fields).catch((error: unknown) => message.error(errorText(error)));
  return (
    <Card title={t('applications.inboxTitle')} extra={<Button onClick={() => void reload()}>{t('applications.refresh')}</Button>}>
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
  );
}
