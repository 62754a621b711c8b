/** /service-indicators — 政务服务 indicators and ranking per department and per window, by month. */
import { useTranslation } from 'react-i18next';
import { ApplicationIndicators } from '../modules/applications/index.ts';
import { PageHeading } from '../ui/page-frame.tsx';

export function ServiceIndicatorsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('nav.service-indicators')}</PageHeading>
      <ApplicationIndicators />
    </>
  );
}
