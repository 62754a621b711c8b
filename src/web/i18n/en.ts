/** English: the same ids as zh-cn.ts. */
import type { Messages } from './zh-cn.ts';

export const en: Messages = {
  app: { name: 'District Governance Loop', short: 'civicloop', demoBanner: 'Demo mode: data and grid boundaries are synthetic demo data; do not enter real personal information.', loading: 'Loading…' },
  lang: { zh: '中文', en: 'English', label: 'Language' },
  nav: {
    workbench: 'Intake & dispatch', inbox: 'Department inbox', map: 'Grid map', cockpit: 'Cockpit', admin: 'Administration', grid: 'Grid patrol', search: 'Case search', report: 'Report a problem', track: 'Track a case', logout: 'Log out', login: 'Staff login',
    supervision: 'Supervision', notices: 'Notices to answer',
  },
  login: {
    title: 'Staff login', username: 'Username', password: 'Password', submit: 'Log in', demoHint: 'Demo users: operator-220106, handler-220106, grid_worker-220106 …, password demo1234',
    citizenLink: 'Report a problem as a resident (no login)',
  },
  user: { scope: 'Scope', role: 'Role', district: 'District', department: 'Department', grid: 'Grid', street: 'Street', allScope: 'All' },
  role: {
    citizen: 'Citizen', enterprise: 'Enterprise', grid_worker: 'Grid worker', operator: 'Operator', shift_lead: 'Shift lead', handler: 'Handler',
    supervisor: 'Supervisor', leader: 'Leader', project_officer: 'Project officer', admin: 'Administrator', anonymous: 'Anonymous', system: 'System',
  },
  state: {
    reported: 'Reported', filed: 'Filed', dispatched: 'Dispatched', signed: 'In progress', suspended: 'Suspended', resolved: 'To check', closed: 'Closed', declined: 'Declined', merged: 'Merged',
  },
  action: {
    verify: 'Verify', file: 'File', decline: 'Decline', self_handle: 'Self-handle', dispatch: 'Dispatch', sign: 'Sign', return: 'Return', request_extension: 'Request extension',
    approve_extension: 'Approve extension', reject_extension: 'Reject extension', suspend: 'Suspend', resume: 'Resume', resolve: 'Resolve', check_pass: 'Check: pass', check_fail: 'Check: fail',
    merge: 'Merge', supervise: 'Supervise', rate: 'Rate', reopen: 'Reopen', report: 'Report', create: 'Create',
    attach: 'Photo added', relocate: 'Relocated', warn_amber: 'Amber warning', warn_red: 'Red warning', appeal: 'Rating appealed', appeal_decided: 'Appeal decided',
    notice_answered: 'Notice answered', notice_escalated: 'Notice escalated', open_rectification: 'Rectification started', rectification_opened: 'Rectification case opened',
  },
  actionHint: { suspendRequest: 'Sends a suspension request for the operator to approve' },
  kind: {
    event: 'Event', component: 'Component', citizen_request: 'Citizen request', enterprise_demand: 'Enterprise demand', safety_hazard: 'Safety hazard', dispute: 'Dispute',
    project_problem: 'Project problem', policy_application: 'Policy application', rectification: 'Rectification',
  },
  source: { patrol: 'Patrol', hotline: '12345 hotline', open311: 'Open311', web: 'Web', enterprise_portal: 'Enterprise portal', video: 'Video', leader_assigned: 'Leader assigned', inspection: 'Inspection' },
  rating: { very_satisfied: 'Very satisfied', satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', dissatisfied: 'Dissatisfied', very_dissatisfied: 'Very dissatisfied' },
  priority: { urgent: 'Urgent', normal: 'Normal' },
  unit: {
    working_hours: '{{count}} working hours', working_hours_one: '{{count}} working hour', working_days: '{{count}} working days', working_days_one: '{{count}} working day',
    clock_hours: '{{count}} hours', clock_hours_one: '{{count}} hour',
  },
  field: {
    number: 'Case number', title: 'Title', description: 'Description', category: 'Category', kind: 'Kind', state: 'State', department: 'Department', deadline: 'Deadline',
    grid: 'Grid', street: 'Street', address: 'Address', reporter: 'Reporter', phone: 'Phone', name: 'Name', createdAt: 'Reported at', reason: 'Reason', note: 'Note',
    days: 'Extra days', intoCase: 'Merge into case number', level: 'Rating', comment: 'Comment', trackingCode: 'Tracking code', district: 'District', priority: 'Priority',
    location: 'Location', keyword: 'Keyword', overdue: 'Overdue only', source: 'Source', photo: 'Photo', version: 'Version',
  },
  limits: { title: 'Time limits of this category', dispatch: 'Dispatch', sign: 'Sign', resolve: 'Resolve' },
  deadline: { overdue: 'Overdue by {{time}}', remaining: '{{time}} left', none: 'No deadline', amber: 'Amber warning', red: 'Red warning', day: '{{count}}d', hour: '{{count}}h', minute: '{{count}}m' },
  common: {
    submit: 'Submit', cancel: 'Cancel', confirm: 'OK', refresh: 'Refresh', detail: 'Details', search: 'Search', reset: 'Reset', exportCsv: 'Export CSV', total: '{{count}} in total',
    empty: 'Nothing here', saved: 'Done', required: 'Required', invalid: 'Invalid format', tooLong: 'Too long', noHtml: 'HTML is not allowed', close: 'Close', all: 'All', back: 'Back',
    select: 'Select', actions: 'Available actions', noActions: 'No action is available now', timeline: 'Timeline', colon: ': ', yes: 'Yes', no: 'No', openCount: '{{count}}',
  },
  workbench: { title: 'Intake & dispatch workbench', queue: 'Queue', reported: 'Reported', filed: 'To dispatch', pendingRequests: 'Pending requests', resolved: 'To check', pendingExtension: 'Extension requested until {{until}}', pendingSuspension: 'Suspension requested' },
  inbox: { title: 'Department inbox', intro: 'Cases of your department, by deadline', nothingToDo: 'No cases to handle' },
  grid: { title: 'Grid patrol', report: 'Patrol report', mine: 'Cases in my grid', locate: 'Use my location', located: 'Located: {{latitude}}, {{longitude}}', locateFailed: 'Location unavailable; please enter an address', toCheck: 'To check', toVerify: 'To verify', reported: 'Reported: {{number}}' },
  citizen: {
    reportTitle: 'Report a problem', reportIntro: 'No login needed. Keep the case number and tracking code to follow and rate your case.', trackTitle: 'Track a case', reportedTitle: 'Report received',
    reportedBody: 'Please keep:', numberLabel: 'Case number', codeLabel: 'Tracking code', goTrack: 'Track progress', rateTitle: 'Rate the result', rated: 'Rated: {{level}}', thanks: 'Thank you for your rating',
    anotherReport: 'Report another problem', whereLabel: 'District of the problem',
  },
  search: { title: 'Case search', exportHint: 'Exports the current filter' },
  map: {
    title: 'Grid map', open: 'Open cases', overdue: 'Overdue cases', legend: 'Coloured by grid', top: 'Grids with the most cases',
    noGeometry: 'No grid boundaries yet (an administrator can import grid GeoJSON)', synthetic: 'Demo grid boundaries are synthetic, not real grids.',
  },
  cockpit: {
    title: 'Cockpit', period: 'Month', byStreet: 'By street', byDepartment: 'By department', filed: 'Filed', closed: 'Closed', overdue: 'Overdue', closeRate: 'Close rate',
    onTimeRate: 'On-time close rate', satisfaction: 'Satisfaction', ranking: 'Ranking (overall score)', score: 'Score', lists: 'Red and black lists', redList: 'Red list', blackList: 'Black list',
    table: 'Indicators', unit: 'Unit', grade: 'Grade',
  },
  admin: {
    title: 'Administration', users: 'Users', categories: 'Categories & limits', calendar: 'Working calendar', apiKeys: 'API keys', addUser: 'Add a user', code: 'Code', edit: 'Edit',
    editLimits: 'Edit time limits', year: 'Year', yearUnknown: 'No official calendar for this year yet; add its holidays', date: 'Date', workingDay: 'Working day', working: 'Working', off: 'Off',
    dayName: 'Name', source: 'Source', keyName: 'Name', keyOnce: 'Copy this key now; it is shown only once', revokedAt: 'Revoked at', revoke: 'Revoke', revokeConfirm: 'Revoke this key?',
  },
  supervision: {
    title: 'Supervision board', lateTitle: 'Overdue and warned cases today', lateUnits: 'Units with late cases', noneLate: 'No overdue or warned cases', toSearch: 'Open case search',
    unitCount: '{{name}}: {{overdue}} overdue, {{red}} red, {{amber}} amber', warning: 'Warning', overdue: 'Overdue', operation: 'Actions',
    issueTitle: 'Issue a supervision notice', targetType: 'Notice on', onCase: 'A case', onUnit: 'A unit', content: 'Notice text', respondWithin: 'Answer within (working days)',
    respondWithinHint: 'The unit must answer within this time; unanswered notices are escalated automatically', issue: 'Issue notice', issued: 'Notice issued', caseNotFound: 'No case with this number',
    notices: 'Supervision notices', target: 'Target', unitNotice: 'Unit notice', issuedAt: 'Issued', respondBy: 'Answer by', response: 'Answer', late: 'Late',
    status: { open: 'Awaiting answer', answered: 'Answered', escalated: 'Escalated' },
    respond: 'Answer', respondTitle: 'Answer the notice', handlerTitle: 'Supervision notices', handlerIntro: 'Notices the supervisors issued to your unit; answer them before the deadline',
    appeals: 'Rating appeals', rated: 'Appealed rating', caseRating: 'Case rating (case #{{id}})', serviceRating: 'Service rating #{{id}}', filedAt: 'Filed',
    appealStatus: { pending: 'Pending', upheld: 'Upheld', rejected: 'Rejected', all: 'All' },
    uphold: 'Uphold', reject: 'Reject', upholdConfirm: 'Uphold the appeal? The rating is removed from the indicators', rejectConfirm: 'Reject the appeal?',
  },
  bulletin: { title: 'Monthly bulletin', month: 'Bulletin month', docx: 'Download Word (.docx)', xlsx: 'Download Excel (.xlsx)', hint: "The district's evaluation bulletin for the month (indicators, rankings, red and black lists, overdue and rectification cases)" },
  notify: { title: 'Notifications', none: 'No unread notifications', read: 'Mark read' },
  validation: { days_or_until: 'Enter the number of days' },
  photo: { add: 'Take / add photo', title: 'Photos', uploadFailed: 'The case was submitted, but the photos failed to upload: {{message}}', stage: { report: 'Reported', resolve: 'After handling', self_handle: 'Self-handled', check: 'Check' } },
  error: { network: 'Network error; try again later', unknown: 'Something went wrong' },
};
