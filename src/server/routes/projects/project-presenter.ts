/** Projects and reports as the API shows them: camelCase, dates as ISO strings. */
import type { MonthReportStatus, ProjectDetail, ProjectView, WeeklyCoordination } from '../../../services/projects/index.ts';
import type { ProjectEventRow, ProjectReportPhotoRow, ProjectReportRow } from '../../../db/schema.ts';

export function presentReport(report: ProjectReportRow, late?: boolean) {
  return {
    id: report.id, month: report.month, amount: report.amount, progressText: report.progress_text,
    overPlanExplanation: report.over_plan_explanation, reportedBy: report.reported_by, reportedAt: report.reported_at.toISOString(),
    ...(late === undefined ? {} : { late }),
  };
}

export function presentReportPhoto(row: ProjectReportPhotoRow) {
  const base = `/api/v1/project-photos/${row.id}`;
  return {
    id: row.id, reportId: row.report_id, projectId: row.project_id, mime: row.mime, sizeBytes: row.size_bytes, width: row.width, height: row.height,
    uploadedBy: row.uploaded_by, createdAt: row.created_at.toISOString(),
    urls: { public: `${base}/public`, thumb: `${base}/thumb`, original: `${base}/original` },
  };
}

function presentMonthStatus(status: MonthReportStatus | null) {
  return status && { month: status.month, dueDay: status.dueDay, closesAt: status.closesAt.toISOString(), state: status.state, reportedAt: status.reportedAt?.toISOString() ?? null };
}

export function presentProject(view: ProjectView) {
  const { row } = view;
  return {
    id: row.id, name: row.name, type: row.type, districtId: row.district_id,
    totalInvestment: row.total_investment, annualInvestment: row.annual_investment,
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    address: row.address, streetId: row.street_id, ownerEnterprise: row.owner_enterprise,
    patron: view.patron ? { id: view.patron.id, displayName: view.patron.displayName } : null,
    departmentId: row.department_id, taskForce: row.task_force, stageCode: row.stage_code,
    plannedStart: row.planned_start, plannedEnd: row.planned_end, parentId: row.parent_id,
    illustrative: row.illustrative, version: row.version, flag: view.flag, planLists: view.planLists,
    investment: view.investment, registration: view.registration,
    nodes: view.nodes.map((node) => ({
      id: node.id, code: node.nodeCode, stageCode: node.stageCode, name: node.name, nameEn: node.nameEn, required: node.required,
      plannedDate: node.plannedDate, actualDate: node.actualDate, flag: node.flag,
    })),
    reports: view.reports.map((report) => presentReport(report, view.lateReportIds.has(report.id))),
    reporting: { closed: presentMonthStatus(view.reporting.closed), open: presentMonthStatus(view.reporting.open) },
  };
}

function presentEvent(event: ProjectEventRow) {
  return {
    id: event.id, at: event.at.toISOString(), actorUserId: event.actor_user_id, actorRole: event.actor_role,
    action: event.action, data: JSON.parse(event.data) as unknown, hash: event.hash,
  };
}

export function presentProjectDetail(detail: ProjectDetail) {
  const project = presentProject(detail);
  const photos = detail.reportPhotos.map(presentReportPhoto);
  return {
    ...project,
    reports: project.reports.map((report) => ({ ...report, photos: photos.filter((photo) => photo.reportId === report.id) })),
    problems: detail.problems.map((problem) => ({
      caseId: problem.caseId, number: problem.number, title: problem.title, state: problem.state, departmentId: problem.departmentId,
      resolveDeadline: problem.resolveDeadline?.toISOString() ?? null, raisedAt: problem.raisedAt.toISOString(),
      open: problem.open, ageDays: problem.ageDays,
    })),
    timeline: detail.timeline.map(presentEvent),
    timelineIntact: detail.timelineIntact,
  };
}

export function presentCoordination(list: WeeklyCoordination) {
  return {
    district: list.district, week: list.week, firstDay: list.firstDay, lastDay: list.lastDay, asOf: list.asOf.toISOString(),
    items: list.items.map((row) => ({
      caseId: row.caseId, number: row.number, title: row.title, state: row.state, projectId: row.projectId, projectName: row.projectName,
      patron: row.patron, department: row.department, raisedAt: row.raisedAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null,
      resolveDeadline: row.resolveDeadline?.toISOString() ?? null, ageDays: row.ageDays, overdue: row.overdue,
      newThisWeek: row.newThisWeek, closedThisWeek: row.closedThisWeek,
    })),
  };
}
