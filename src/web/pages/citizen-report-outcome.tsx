/** The citizen's answer after a report (or after following a nearby case instead): number, tracking code, next steps. */
import { Button, Card, Result, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CardHeading } from '../ui/page-frame.tsx';

/** What the result shows: a new report, or a case followed instead of reported again. */
export interface Outcome { kind: 'reported' | 'followed'; number: string; trackingCode: string | null }

export function ReportOutcome({ outcome, onAgain }: { outcome: Outcome; onAgain(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const code = outcome.trackingCode ?? '';
  const followed = outcome.kind === 'followed';
  return (
    <Card>
      <Result
        status="success"
        title={<CardHeading>{t(followed ? 'citizen.followedTitle' : 'citizen.reportedTitle')}</CardHeading>}
        subTitle={t(followed ? 'citizen.followedBody' : 'citizen.reportedBody')}
        extra={[
          // The code rides in the fragment, which never reaches a server or its logs.
          <Button key="track" type="primary" size="large" onClick={() => navigate(`/track#number=${encodeURIComponent(outcome.number)}&code=${encodeURIComponent(code)}`)}>
            {t('citizen.goTrack')}
          </Button>,
          <Button key="again" size="large" onClick={onAgain}>{t('citizen.anotherReport')}</Button>,
        ]}
      >
        <Typography.Paragraph>
          {t('citizen.numberLabel')}{t('common.colon')}<Typography.Text strong copyable data-testid="reported-number">{outcome.number}</Typography.Text>
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
