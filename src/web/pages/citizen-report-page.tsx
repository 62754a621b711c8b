/** /report — a resident reports a problem without logging in and receives number + tracking code. */
import { Button, Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REPORTABLE_KINDS } from '../../domain/case/index.ts';
import type { CaseDetailView } from '../api/types.ts';
import { ReportForm } from '../modules/case/index.ts';

export function CitizenReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // A grid's QR code poster links here with ?grid=<15-digit code> (扫码反映).
  const grid = /^\d{15}$/.test(params.get('grid') ?? '') ? (params.get('grid') as string) : undefined;
  const [reported, setReported] = useState<CaseDetailView | null>(null);

  if (reported) {
    const code = reported.trackingCode ?? '';
    return (
      <Card>
        <Result
          status="success"
          title={t('citizen.reportedTitle')}
          subTitle={t('citizen.reportedBody')}
          extra={[
            // The code rides in the fragment, which never reaches a server or its logs.
            <Button key="track" type="primary" size="large" onClick={() => navigate(`/track#number=${encodeURIComponent(reported.number)}&code=${encodeURIComponent(code)}`)}>
              {t('citizen.goTrack')}
            </Button>,
            <Button key="again" size="large" onClick={() => setReported(null)}>{t('citizen.anotherReport')}</Button>,
          ]}
        >
          <Typography.Paragraph>
            {t('citizen.numberLabel')}{t('common.colon')}<Typography.Text strong copyable data-testid="reported-number">{reported.number}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('citizen.codeLabel')}{t('common.colon')}<Typography.Text strong copyable data-testid="reported-code">{code}</Typography.Text>
          </Typography.Paragraph>
        </Result>
      </Card>
    );
  }

  return (
    <Card title={t('citizen.reportTitle')}>
      <Typography.Paragraph type="secondary">{t('citizen.reportIntro')}</Typography.Paragraph>
      <ReportForm kinds={REPORTABLE_KINDS.anonymous} gridCode={grid} withContact onReported={setReported} />
    </Card>
  );
}
