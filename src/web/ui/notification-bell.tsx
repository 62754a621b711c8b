/** The bell in the staff header: unread notifications (warnings, 督办 notices), refreshed every minute. */
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';
import { formatTime } from '../modules/case/index.ts';

interface NotificationView { id: number; kind: string; title: string; body: string | null; createdAt: string; readAt: string | null }

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const [items, setItems] = useState<NotificationView[]>([]);

  const reload = useCallback(() => {
    apiGet<{ items: NotificationView[] }>('/api/v1/notifications').then((body) => setItems(body.items), () => undefined);
  }, []);
  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);

  const unread = items.filter((item) => !item.readAt);
  const markRead = async (id: number) => {
    await apiPost(`/api/v1/notifications/${id}/read`).catch(() => undefined);
    reload();
  };

  const content = (
    <div style={{ width: 320, maxHeight: 400, overflow: 'auto' }}>
      {unread.length === 0 ? (
        <Empty description={t('notify.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={unread}
          renderItem={(item) => (
            <List.Item actions={[<Button key="read" size="small" type="link" onClick={() => void markRead(item.id)}>{t('notify.read')}</Button>]}>
              <List.Item.Meta
                title={item.title}
                description={
                  <>
                    {item.body && <div>{item.body}</div>}
                    <Typography.Text type="secondary">{formatTime(item.createdAt, english)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover content={content} title={t('notify.title')} trigger="click" placement="bottomRight">
      <Badge count={unread.length} size="small" offset={[-4, 4]}>
        <Button icon={<BellOutlined />} aria-label={t('notify.title')} />
      </Badge>
    </Popover>
  );
}
