/** /portal — the enterprise portal: my policies with explanations, 免申即享 confirmations, my demands. */
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { EnterpriseOverview, type EnterpriseView } from '../modules/enterprises/index.ts';
import { useLoaded } from '../modules/reference/index.ts';

export function EnterprisePortalPage() {
  const { t } = useTranslation();
  const mine = useLoaded(() => apiGet<{ items: EnterpriseView[] }>('/api/v1/enterprises'));
  if (!mine) return <Spin />;
  const [enterprise] = mine.items;
  if (!enterprise) return <Alert type="warning" showIcon title={t('enterprise.notBound')} />;
  return <EnterpriseOverview enterpriseId={enterprise.id} asEnterprise />;
}
