/** The enterprise's identity, size, liaison and patron, qualification tags and dated facts. */
import { Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetailView } from './enterprise-types.ts';

export function EnterpriseFacts({ detail }: { detail: EnterpriseDetailView }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('enterprise.uscc')}>{detail.uscc}{detail.usccDecoded?.kind.zh ? ` (${detail.usccDecoded.authority.zh ?? ''}/${detail.usccDecoded.kind.zh})` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.industry')}>{detail.industry.map((level) => `${level.code} ${level.zh}`).at(-1)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.size')}>{detail.sizeClass ? t(`enterprise.sizeClass.${detail.sizeClass}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.liaison')}>{detail.liaison?.displayName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.patron')}>{detail.patron?.displayName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.tags')}>
          {detail.tags.map((tag) => <Tag key={`${tag.tag}${tag.validFrom}`}>{t(`enterprise.tag.${tag.tag}`)}{tag.validTo ? ` ≤ ${tag.validTo}` : ''}</Tag>)}
          {detail.invented ? <Tag color="purple">{t('enterprise.invented')}</Tag> : null}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(fact) => `${fact.key}${fact.asOf}`}
        pagination={{ pageSize: 8 }}
        dataSource={detail.facts}
        columns={[
          { title: t('enterprise.fact'), dataIndex: 'key', render: (key: string) => t(`enterprise.factKey.${key}`) },
          { title: t('enterprise.value'), dataIndex: 'value' },
          { title: t('enterprise.asOf'), dataIndex: 'asOf' },
          { title: t('enterprise.source'), dataIndex: 'source' },
        ]}
      />
    </>
  );
}
