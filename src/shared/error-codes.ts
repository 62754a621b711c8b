/**
 * The error catalog: every machine-readable code the API returns, its HTTP status and its
 * message in Chinese and English. Codes are stable once shipped; docs/errors.md lists them all.
 */
export interface ErrorDefinition {
  status: number;
  zh: string;
  en: string;
}

export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Authentication is required' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  CSRF_TOKEN_INVALID: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'CSRF check failed; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  CASE_INVALID_TRANSITION: { status: 409, zh: '工单当前状态不允许此操作', en: 'This action is not allowed in the case’s current state' },
  CASE_VERSION_CONFLICT: { status: 409, zh: '工单已被他人修改，请刷新后重试', en: 'The case was changed by someone else; reload and try again' },
  CASE_CATEGORY_UNKNOWN: { status: 400, zh: '案件类别不存在', en: 'Unknown case category' },
  CASE_CATEGORY_KIND_MISMATCH: { status: 400, zh: '案件类别与工单类型不一致', en: 'The category does not belong to this case kind' },
  CASE_LOCATION_REQUIRED: { status: 400, zh: '请提供网格编码、位置或所属区', en: 'Give a grid code, a location or a district' },
  CASE_SELF_HANDLE_NOT_ALLOWED: { status: 409, zh: '该类别不允许网格员自行处置', en: 'Grid workers may not self-handle this category' },
  CASE_NO_PENDING_REQUEST: { status: 409, zh: '没有待审批的申请', en: 'There is no pending request to decide' },
  CASE_REQUEST_PENDING: { status: 409, zh: '已有待审批的申请，请等待审批后再提交', en: 'A request is already pending; wait for its decision first' },
  CASE_EXTENSION_TOO_LATE: { status: 409, zh: '处置时限已过，不能再申请延期', en: 'The resolve deadline has passed; an extension can no longer be requested' },
  CASE_MERGE_TARGET_INVALID: { status: 409, zh: '不能合并到该工单', en: 'The case cannot be merged into that case' },
  CASE_REOPEN_WINDOW_PASSED: { status: 409, zh: '已超过可重新打开的期限', en: 'The window for reopening has passed' },
  CASE_ALREADY_RATED: { status: 409, zh: '该工单已评价', en: 'The case has already been rated' },
  CASE_EXTENSION_INVALID: { status: 400, zh: '延期时间无效', en: 'The extension is not valid' },
  CASE_DEPARTMENT_UNKNOWN: { status: 400, zh: '处置部门不存在或不属于本区', en: 'Unknown department, or not in this district' },
  ORG_CODE_INVALID: { status: 400, zh: '区划或网格编码无效', en: 'Invalid division or grid code' },
  GRID_UNKNOWN: { status: 400, zh: '网格不存在', en: 'Unknown grid' },
  DISTRICT_UNKNOWN: { status: 400, zh: '行政区不存在', en: 'Unknown district' },
  USER_EXISTS: { status: 409, zh: '用户名已存在', en: 'The username is taken' },
  PERIOD_INVALID: { status: 400, zh: '统计周期格式无效', en: 'Invalid period' },
  UNIT_UNKNOWN: { status: 400, zh: '考核单位不存在', en: 'Unknown unit' },
  NOTICE_TARGET_INVALID: { status: 400, zh: '督办对象无效', en: 'The notice needs an open case or a unit of this district' },
  NOTICE_ALREADY_ANSWERED: { status: 409, zh: '该督办已回复', en: 'The notice has already been answered' },
  APPEAL_NOT_ALLOWED: { status: 409, zh: '该评价不能申诉', en: 'This rating cannot be appealed' },
  APPEAL_ALREADY_DECIDED: { status: 409, zh: '该申诉已处理', en: 'The appeal has already been decided' },
  GRID_NOT_FOUND_FOR_POINT: { status: 400, zh: '该位置不在任何网格内', en: 'The location is not inside any grid' },
  GRID_IMPORT_INVALID: { status: 400, zh: '网格文件有误，未导入任何内容', en: 'The grid file has problems; nothing was imported' },
  API_KEY_INVALID: { status: 403, zh: 'API 密钥缺失、无效或已吊销', en: 'The API key is missing, invalid or revoked' },
  OPEN311_SERVICE_UNKNOWN: { status: 404, zh: '服务类别不存在', en: 'Unknown service code' },
  OPEN311_JURISDICTION_UNKNOWN: { status: 404, zh: '辖区不存在', en: 'Unknown jurisdiction_id' },
  OPEN311_TOKEN_UNKNOWN: { status: 404, zh: '令牌不存在', en: 'Unknown token' },
  OPEN311_DATE_RANGE_TOO_LONG: { status: 400, zh: '查询时间范围不能超过 90 天', en: 'The date range may not span more than 90 days' },
  OPEN311_ATTRIBUTE_INVALID: { status: 400, zh: '类别附加问题的回答无效', en: 'An answer to the service attributes is missing or not valid' },
  OPEN311_UPDATE_DUPLICATE: { status: 400, zh: '该更新已接收过', en: 'This update_id has already been received' },
  ATTACHMENT_MISSING: { status: 400, zh: '请选择要上传的照片', en: 'No photo was uploaded' },
  ATTACHMENT_TYPE_UNSUPPORTED: { status: 415, zh: '仅支持 JPEG、PNG、WebP 格式的照片', en: 'Only JPEG, PNG and WebP photos are accepted' },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '照片过大或数量过多', en: 'The photo is too large, or there are too many' },
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Unknown project' },
  PROJECT_OTHER_DISTRICT: { status: 403, zh: '该项目属于其他区，无权查看或操作', en: 'The project belongs to another district' },
  PROJECT_INVESTMENT_INVALID: { status: 400, zh: '投资额须为非负数', en: 'Investment must be a number of 0 or more' },
  PROJECT_REPORT_DUPLICATE: { status: 409, zh: '该月已填报月报', en: 'A report for this month has already been filed' },
  PROJECT_REPORT_FUTURE_MONTH: { status: 400, zh: '不能填报未来月份', en: 'A report cannot be filed for a future month' },
  PROJECT_INVESTMENT_OVER_PLAN: { status: 400, zh: '累计投资超过计划总投资，请填写说明', en: 'Cumulative investment exceeds the planned total; give an explanation' },
  PROJECT_NODE_DATES_OUT_OF_ORDER: { status: 400, zh: '节点日期顺序有误：后一阶段的节点早于前一阶段', en: 'Node dates are out of order: a later stage comes before an earlier one' },
  PROJECT_NODE_UNKNOWN: { status: 404, zh: '项目节点不存在', en: 'Unknown project node' },
  PROJECT_NODE_DATE_IN_FUTURE: { status: 400, zh: '实际完成日期不能晚于今天', en: 'An actual date cannot be in the future' },
  PROJECT_STAGE_NODES_MISSING: { status: 409, zh: '前序阶段仍有必需节点未完成，不能推进阶段', en: 'Required nodes of earlier stages are not done; the stage cannot advance' },
  PROJECT_STAGE_UNKNOWN: { status: 400, zh: '项目阶段不存在', en: 'Unknown project stage' },
  PROJECT_PATRON_INVALID: { status: 400, zh: '包保领导须为本区的领导用户', en: 'The patron must be a leader of this district' },
  PROJECT_VERSION_CONFLICT: { status: 409, zh: '项目已被他人修改，请刷新后重试', en: 'The project was changed by someone else; reload and try again' },
  TARGET_INVALID: { status: 400, zh: '目标或实际值无效', en: 'The target or actual value is not valid' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messageEn: string;
  details?: unknown;
}

/**
 * Builds the response body for a code.
 * @example toErrorBody('NOT_FOUND') // { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' }
 */
export function toErrorBody(code: ErrorCode, details?: unknown): ErrorBody {
  const entry = ERROR_CATALOG[code];
  return details === undefined
    ? { code, message: entry.zh, messageEn: entry.en }
    : { code, message: entry.zh, messageEn: entry.en, details };
}
