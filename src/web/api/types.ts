/** The response shapes the web UI reads, all declared in src/shared, where the server's presenters are typed with them. */
export type { LoginView, MeView, OwnSessionView, UserView } from '../../shared/session-views.ts';

export type { CaseDetailView, CaseListResponse, CaseView, PendingRequestView, TimelineEvent } from '../../shared/case-views.ts';

export type { CategoryView, DepartmentView, OrgTree, TimeLimitView } from '../../shared/reference-views.ts';
