/**
 * The bell in the staff header (issue 17 item 6): unread notifications (warnings, 督办 notices, missing project
 * reports), each rendered from its message key and parameters in the reader's language. A click on one marks it
 * read and opens its case in the case drawer; 全部已读 marks them all. No polling: the list reloads when a case the
 * user may see changes on the live feed (warnings and notices on a case are case events), when the bell is
 * opened, and when the tab comes back into focus.
 */
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';
import { CaseDrawer, formatTime, useLiveCases } from '../modules/case/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useShowError } from './errors.ts';

export interface NotificationView {
  id: number;
  kind: string;
  caseId: number | null;
  caseNumber: string | null;
  messageKey: string;
  params: Record<string, string>;
  createdAt: string;
  readAt: string | null;
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const showError = useShowError();
  const { user } = useSession();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  const [items, setItems] = useState<NotificationView[]>([]);
  const [open, setOpen] = useState(false);
  const [caseId, setCaseId] = useState<number | null>(null);

  const reload = useCallback(() => {
    apiGet<{ items: NotificationView[] }>('/api/v1/notifications').then((body) => setItems(body.items), () => undefined);
  }, []);
  useEffect(() => {
    reload();
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);
  useLiveCases(reload);

  const unread = items.filter((item) => !item.readAt);
  const text = (item: NotificationView) => (i18n.exists(item.messageKey) ? t(item.messageKey, item.params) : t('notifyBell.fallback'));

  const openItem = async (item: NotificationView) => {
    setOpen(false);
    if (item.caseId !== null) setCaseId(item.caseId);
    // marked read on the server first, so the count shown is the server's
    await apiPost(`/api/v1/notifications/${item.id}/read`).catch(showError);
    reload();
  };
  const readAll = async () => {
    await apiPost('/api/v1/notifications/read-all').catch(showError);
    reload();
  };

  const content = (
    <div style={{ width: 340, maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      {unread.length === 0 ? (
        <Empty description={t('notify.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={unread}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Typography.Link
                    onClick={() => void openItem(item)}
                    aria-label={item.caseNumber ? `${text(item)} · ${t('notifyBell.openCase', { number: item.caseNumber })}` : undefined}
                  >
                    {text(item)}
                  </Typography.Link>
                }
                description={<Typography.Text type="secondary">{formatTime(item.createdAt, english)}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  const title = (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <span>{t('notify.title')}</span>
      <Button size="small" type="link" disabled={unread.length === 0} onClick={() => void readAll()}>{t('notifyBell.readAll')}</Button>
    </Space>
  );
  return (
    <>
      <Popover
        content={content}
        title={title}
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={(next) => { setOpen(next); if (next) reload(); }}
      >
        <Badge count={unread.length} size="small" offset={[-4, 4]} data-testid="notification-count">
          <Button icon={<BellOutlined />} aria-label={`${t('notify.title')}${unread.length ? ` · ${t('notifyBell.unread', { count: unread.length })}` : ''}`} />
        </Badge>
      </Popover>
      <CaseDrawer caseId={caseId} districtCode={districtCode} onClose={() => setCaseId(null)} onChanged={() => reload()} />
    </>
  );
}
