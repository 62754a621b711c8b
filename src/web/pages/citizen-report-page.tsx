/** /report — a resident reports a problem without logging in and receives number + tracking code. */
import { Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REPORTABLE_KINDS } from '../../domain/case/index.ts';
import type { CaseDetailView } from '../api/types.ts';
import { ReportForm } from '../modules/case/index.ts';
import { Panel } from '../ui/page-frame.tsx';
import type { Outcome } from './citizen-report-outcome.tsx';

// The answer after sending (antd's Result) loads when there is one: not part of what renders the form.
const ReportOutcome = lazy(() => import('./citizen-report-outcome.tsx').then((m) => ({ default: m.ReportOutcome })));

export function CitizenReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // A grid's QR code poster links here with ?grid=<15-digit code> (扫码反映).
  const grid = /^\d{15}$/.test(params.get('grid') ?? '') ? (params.get('grid') as string) : undefined;
  const [reported, setReported] = useState<Outcome | null>(null);

  if (reported) {
    return (
      <Suspense fallback={null}>
        <ReportOutcome outcome={reported} onAgain={() => setReported(null)} />
      </Suspense>
    );
  }

  return (
    <Panel title={t('citizen.reportTitle')}>
      <Typography.Paragraph type="secondary">{t('citizen.reportIntro')}</Typography.Paragraph>
      <ReportForm
        kinds={REPORTABLE_KINDS.anonymous} gridCode={grid} withContact withMapPin={!grid}
        onReported={(detail: CaseDetailView) => setReported({ kind: 'reported', number: detail.number, trackingCode: detail.trackingCode ?? null })}
        onFollowed={(answer) => setReported({ kind: 'followed', number: answer.number, trackingCode: answer.trackingCode })}
      />
    </Panel>
  );
}
