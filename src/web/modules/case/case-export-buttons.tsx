/**
 * Export of the list on screen (issue 17): the same filter and order, every row, as .xlsx or CSV, built by
 * the server (GET /api/v1/cases/export) and downloaded by the browser with the session cookie.
 */
import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/setup.ts';

export function CaseExportButtons({ query }: { query: Record<string, string | number | boolean | undefined> }) {
  const { t, i18n } = useTranslation();
  const href = (format: 'xlsx' | 'csv') => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && key !== 'page' && key !== 'pageSize' && key !== 'cursor') params.set(key, String(value));
    }
    params.set('format', format);
    params.set('lang', isEnglish(i18n.language) ? 'en' : 'zh');
    return `/api/v1/cases/export?${params.toString()}`;
  };
  return (
    <Space size={8}>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} download title={t('search.exportHint')}>{t('common.exportXlsx')}</Button>
      <Button icon={<DownloadOutlined />} href={href('csv')} download title={t('search.exportHint')}>{t('common.exportCsv')}</Button>
    </Space>
  );
}
