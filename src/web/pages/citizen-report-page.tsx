/** /report — a resident reports a problem without logging in and receives number + tracking code. */
import { Button, Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REPORTABLE_KINDS } from '../../domain/case/index.ts';
import type { CaseDetailView } from '../api/types.ts';
import { ReportForm } from '../modules/case/index.ts';

/** What the result shows: a new report, or a case followed instead of reported again. */
interface Outcome { kind: 'reported' | 'followed'; number: string; trackingCode: string | null }

export function CitizenReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // A grid's QR code poster links here with ?grid=<15-digit code> (扫码反映).
  const grid = /^\d{15}$/.test(params.get('grid') ?? '') ? (params.get('grid') as string) : undefined;
  const [reported, setReported] = useState<Outcome | null>(null);

  if (reported) {
    const code = reported.trackingCode ?? '';
    const followed = reported.kind === 'followed';
    return (
      <Card>
        <Result
          status="success"
          title={t(followed ? 'citizen.followedTitle' : 'citizen.reportedTitle')}
          subTitle={t(followed ? 'citizen.followedBody' : 'citizen.reportedBody')}
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
          {code && (
            <Typography.Paragraph>
              {t('citizen.codeLabel')}{t('common.colon')}<Typography.Text strong copyable data-testid="reported-code">{code}</Typography.Text>
            </Typography.Paragraph>
          )}
        </Result>
      </Card>
    );
  }

  return (
    <Card title={t('citizen.reportTitle')}>
      <Typography.Paragraph type="secondary">{t('citizen.reportIntro')}</Typography.Paragraph>
      <ReportForm
        kinds={REPORTABLE_KINDS.anonymous} gridCode={grid} withContact withMapPin={!grid}
        onReported={(detail: CaseDetailView) => setReported({ kind: 'reported', number: detail.number, trackingCode: detail.trackingCode ?? null })}
        onFollowed={(answer) => setReported({ kind: 'followed', number: answer.number, trackingCode: answer.trackingCode })}
      />
    </Card>
  );
}
