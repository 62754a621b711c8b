/** /grid — the grid worker's phone page: patrol report, and the grid's cases to verify or check on site. */
import { Alert, Badge, Button, Card, Empty, List, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTABLE_KINDS } from '../../domain/case/index.ts';
import type { CaseView } from '../api/types.ts';
import { isEnglish } from '../i18n/setup.ts';
import { CaseDrawer } from '../modules/case/index.ts';
import { categoryLabel, formatTime } from '../modules/case/index.ts';
import { ReportForm } from '../modules/case/index.ts';
import { StateTag } from '../modules/case/index.ts';
import { useCaseList } from '../modules/case/index.ts';
import { loadOrgTree, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useErrorText } from '../ui/errors.ts';

const FILTER = { state: 'resolved,reported,filed,dispatched,signed,suspended', page: 1, pageSize: 100 };
const ORDER: Record<string, number> = { resolved: 0, reported: 1 };

export function GridPage() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { user } = useSession();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const grid = tree?.districts
    .flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids)))
    .find((g) => g.id === user?.gridId);
  const [tab, setTab] = useState('mine');
  const [notice, setNotice] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useCaseList(FILTER);
  const items = [...list.items].sort((a, b) => (ORDER[a.state] ?? 2) - (ORDER[b.state] ?? 2));
  const todo = items.filter((item) => item.state === 'resolved' || item.state === 'reported').length;

  // The state tag already says 待核查 for resolved cases; reported ones also need an on-site verification.
  const hint = (item: CaseView) => (item.state === 'reported' ? t('grid.toVerify') : null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {notice && <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(null)} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        size="large"
        centered
        items={[
          {
            key: 'mine',
            label: <Badge count={todo} offset={[10, 0]}>{t('grid.mine')}</Badge>,
            children: (
              <>
                {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
                <List
                  loading={list.loading}
                  dataSource={items}
                  locale={{ emptyText: <Empty description={t('common.empty')} /> }}
                  renderItem={(item) => (
                    <Card size="small" style={{ marginBottom: 8 }} key={item.id}>
                      <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                        <Space wrap>
                          <Typography.Text strong>{item.number}</Typography.Text>
                          <StateTag state={item.state} />
                          {hint(item) && <Typography.Text type="warning">{hint(item)}</Typography.Text>}
                        </Space>
                        <Typography.Text>{categoryLabel(item, english)}</Typography.Text>
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{item.description}</Typography.Paragraph>
                        <Typography.Text type="secondary">{formatTime(item.createdAt, english)}</Typography.Text>
                        <Button block size="large" onClick={() => setOpenId(item.id)} aria-label={`${t('common.detail')} ${item.number}`}>
                          {t('common.detail')}
                        </Button>
                      </Space>
                    </Card>
                  )}
                />
              </>
            ),
          },
          {
            key: 'report',
            label: t('grid.report'),
            children: (
              <Card size="small">
                <ReportForm
                  kinds={REPORTABLE_KINDS.grid_worker}
                  gridCode={grid?.code}
                  gridLabel={grid ? `${grid.name} (${grid.code})` : undefined}
                  withContact={false}
                  onReported={(detail) => {
                    setNotice(t('grid.reported', { number: detail.number }));
                    setTab('mine');
                    list.reload();
                  }}
                />
              </Card>
            ),
          },
        ]}
      />
      <CaseDrawer caseId={openId} width="100%" onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Space>
  );
}
