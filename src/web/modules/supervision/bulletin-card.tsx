/** 月通报 download card: pick a month, download the district's bulletin as Word or Excel. */
import { Button, Card, DatePicker, Space, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadOrgTree, orgNames, useLoaded } from '../reference/index.ts';
import { useSession } from '../session/index.ts';

/** The bulletin URL of a district and month (YYYY-MM) in one format. */
export function bulletinUrl(districtCode: string, month: string, format: 'docx' | 'xlsx'): string {
  return `/api/v1/bulletins/${districtCode}/${month}.${format}`;
}

/** A card with a month picker and two download links for the signed-in user's district. */
export function BulletinCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  // The last complete month is what a 月通报 usually reports.
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const key = month.format('YYYY-MM');
  const link = (format: 'docx' | 'xlsx') => (districtCode ? bulletinUrl(districtCode, key, format) : undefined);
  return (
    <Card title={t('bulletin.title')} size="small">
      <Space wrap>
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          disabledDate={(day) => day.isAfter(dayjs(), 'month')}
          onChange={(value) => value && setMonth(value)}
          aria-label={t('bulletin.month')}
        />
        <Button icon={<FileWordOutlined />} href={link('docx')} download disabled={!districtCode}>
          {t('bulletin.docx')}
        </Button>
        <Button icon={<FileExcelOutlined />} href={link('xlsx')} download disabled={!districtCode}>
          {t('bulletin.xlsx')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('bulletin.hint')}</Typography.Paragraph>
    </Card>
  );
}
