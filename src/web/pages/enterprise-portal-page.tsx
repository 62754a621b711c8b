/** /portal — the enterprise portal: my policies with explanations, 免申即享 confirmations, my demands. */
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { EnterpriseOverview, type EnterpriseView } from '../modules/enterprises/index.ts';
import { useLoaded } from '../modules/reference/index.ts';
import { PageHeading } from '../ui/page-frame.tsx';

export function EnterprisePortalPage() {
  const { t } = useTranslation();
  const mine = useLoaded(() => apiGet<{ items: EnterpriseView[] }>('/api/v1/enterprises'));
  const heading = <PageHeading>{t('nav.portal')}</PageHeading>;
  if (!mine) return <>{heading}<Spin /></>;
  const [enterprise] = mine.items;
  if (!enterprise) return <>{heading}<Alert type="warning" showIcon title={t('enterprise.notBound')} /></>;
  return <>{heading}<EnterpriseOverview enterpriseId={enterprise.id} asEnterprise /></>;
}
