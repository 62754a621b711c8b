/** A project's monthly report standing as a tag: missing (red), late (orange), due soon (blue); nothing when on time. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthReportStatus, ProjectReporting } from './project-types.ts';

const COLORS = { missing: 'red', late: 'orange', open: 'blue' } as const;

function StatusTag({ status }: { status: MonthReportStatus }) {
  const { t } = useTranslation();
  if (status.state === 'on_time') return null;
  return (
    <Tag color={COLORS[status.state]} data-report-state={status.state}>
      {t(`projects.reporting.${status.state}`, { month: status.month, due: status.dueDay })}
    </Tag>
  );
}

export function ReportStatusTags({ reporting }: { reporting: ProjectReporting | undefined }) {
  if (!reporting) return null;
  return (
    <>
      {reporting.closed && <StatusTag status={reporting.closed} />}
      {reporting.open && <StatusTag status={reporting.open} />}
    </>
  );
}
