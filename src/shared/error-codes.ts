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
  CASE_REPORTED_AT_INVALID: { status: 400, zh: '上报时间无效（不能晚于当前时间，也不能早于七天前）', en: 'The report time is not valid (not in the future, not more than seven days ago)' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, zh: '幂等键格式错误（8–100 个字母、数字、- 或 _）', en: 'The Idempotency-Key is malformed (8–100 letters, digits, - or _)' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '该幂等键已用于另一个请求', en: 'This Idempotency-Key was already used for another request' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, zh: '相同幂等键的请求仍在处理，请稍后重试', en: 'A request with this Idempotency-Key is still being processed; retry shortly' },
  CASE_NO_PENDING_REQUEST: { status: 409, zh: '没有待审批的申请', en: 'There is no pending request to decide' },
  CASE_REQUEST_PENDING: { status: 409, zh: '已有待审批的申请，请等待审批后再提交', en: 'A request is already pending; wait for its decision first' },
  CASE_EXTENSION_TOO_LATE: { status: 409, zh: '处置时限已过，不能再申请延期', en: 'The resolve deadline has passed; an extension can no longer be requested' },
  SAVED_FILTER_NAME_TAKEN: { status: 409, zh: '已有同名的筛选条件，请换一个名称或先删除原有的', en: 'A saved filter of this name exists; choose another name or delete it first' },
  SAVED_FILTER_LIMIT: { status: 409, zh: '每个页面最多保存 20 个筛选条件，请先删除不用的', en: 'At most 20 saved filters per page; delete one you no longer use' },
  CASE_NOT_FOLLOWABLE: { status: 409, zh: '该工单已办结或已合并，无法关注', en: 'This case is finished or merged and cannot be followed' },
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
  EXPORT_TOO_LARGE: { status: 422, zh: '导出行数超过上限，请缩小筛选范围', en: 'Too many rows to export; narrow the filter' },
  CALENDAR_NOTICE_UNRECOGNISED: { status: 400, zh: '无法识别为国务院办公厅节假日安排通知，日历未改动', en: 'The text is not a State Council holiday notice; the calendar was not changed' },
  CALENDAR_NOTICE_LINE_INVALID: { status: 400, zh: '通知中有一行无法识别，日历未改动', en: 'A line of the notice cannot be read; the calendar was not changed' },
  CALENDAR_NOTICE_DAY_CONFLICT: { status: 400, zh: '通知中同一天既放假又上班，日历未改动', en: 'The notice makes one day both a day off and a working day; the calendar was not changed' },
  CALENDAR_YEAR_OFFICIAL: { status: 409, zh: '该年度已有正式节假日安排，请核对差异后确认替换', en: 'This year already has an official schedule; check the differences and confirm to replace it' },
  DISTRICT_SETTINGS_HOURS_INVALID: { status: 400, zh: '工作时间段须为 HH:MM，按时间先后排列、互不重叠且在一天之内', en: 'Working periods must be HH:MM, in order, not overlapping and within one day' },
  DISTRICT_SETTINGS_WEIGHTS_SUM: { status: 400, zh: '指标权重之和须为 100', en: 'The indicator weights must sum to 100' },
  USCC_INVALID: { status: 400, zh: '统一社会信用代码无效', en: 'The unified social credit code (USCC) is not valid' },
  ENTERPRISE_USCC_TAKEN: { status: 409, zh: '该统一社会信用代码已登记', en: 'An enterprise with this USCC is already registered' },
  INDUSTRY_CODE_UNKNOWN: { status: 400, zh: '行业代码不在 GB/T 4754-2017 代码表中', en: 'The industry code is not in the GB/T 4754-2017 table' },
  ENTERPRISE_FACT_UNKNOWN: { status: 400, zh: '企业指标或资质名称不存在', en: 'Unknown enterprise fact or qualification' },
  ENTERPRISE_FACT_NEGATIVE: { status: 400, zh: '企业指标不能为负数', en: 'An enterprise fact cannot be negative' },
  ENTERPRISE_FACT_IN_FUTURE: { status: 400, zh: '企业指标的日期不能晚于今天', en: 'An enterprise fact cannot be dated in the future' },
  ENTERPRISE_IMPORT_INVALID: { status: 400, zh: '导入文件有误，未导入任何企业', en: 'The import file has problems; no enterprise was imported' },
  ENTERPRISE_NOT_BOUND: { status: 403, zh: '该账号未绑定企业', en: 'This account is not bound to an enterprise' },
  POLICY_RULE_INVALID: { status: 400, zh: '政策规则有误（引用了不存在的指标或格式不正确）', en: 'The policy rules are not valid (unknown fact or malformed rule)' },
  POLICY_CODE_TAKEN: { status: 409, zh: '政策编号已存在', en: 'A policy with this code already exists' },
  POLICY_NOT_AUTO_GRANT: { status: 409, zh: '该政策不是免申即享政策', en: 'This policy is not an auto-grant (免申即享) policy' },
  POLICY_NOT_IN_FORCE: { status: 409, zh: '政策在该日期不在有效期内', en: 'The policy is not in force on that date' },
  GRANT_ITEM_NOT_PENDING: { status: 409, zh: '该兑现事项已确认或已放弃', en: 'This grant has already been confirmed or declined' },
  GRANT_ITEM_NOT_CONFIRMED: { status: 409, zh: '企业尚未确认，不能拨付', en: 'The enterprise has not confirmed this grant; it cannot be paid' },
  GRANT_ALREADY_PAID: { status: 409, zh: '该兑现事项已拨付，不能重复拨付', en: 'This grant has already been paid; it is never paid twice' },
  POLICY_NOT_APPLICATION: { status: 409, zh: '该政策为免申即享政策，无需申报', en: 'This policy is granted without application (免申即享); it cannot be applied for' },
  POLICY_APPLICATION_NOT_ELIGIBLE: { status: 409, zh: '按现有数据，企业不符合该政策条件，不能申报', en: 'On the data held, the enterprise does not meet this policy; it cannot apply' },
  POLICY_APPLICATION_DUPLICATE: { status: 409, zh: '该企业已申报过该政策（同一版本），不能重复申报', en: 'The enterprise has already applied for this policy version' },
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Unknown project' },
  PROJECT_OTHER_DISTRICT: { status: 403, zh: '该项目属于其他区，无权查看或操作', en: 'The project belongs to another district' },
  PROJECT_INVESTMENT_INVALID: { status: 400, zh: '投资额须为非负数', en: 'Investment must be a number of 0 or more' },
  PROJECT_REPORT_DUPLICATE: { status: 409, zh: '该月已填报月报', en: 'A report for this month has already been filed' },
  PROJECT_REPORT_NOT_FOUND: { status: 404, zh: '该项目没有这份月报', en: 'The project has no such monthly report' },
  PROJECT_REPORT_FUTURE_MONTH: { status: 400, zh: '不能填报未来月份', en: 'A report cannot be filed for a future month' },
  PROJECT_INVESTMENT_OVER_PLAN: { status: 400, zh: '累计投资超过计划总投资，请填写说明', en: 'Cumulative investment exceeds the planned total; give an explanation' },
  PROJECT_NODE_DATES_OUT_OF_ORDER: { status: 400, zh: '节点日期顺序有误：后一阶段的节点早于前一阶段', en: 'Node dates are out of order: a later stage comes before an earlier one' },
  PROJECT_NODE_UNKNOWN: { status: 404, zh: '项目节点不存在', en: 'Unknown project node' },
  PROJECT_NODE_DATE_IN_FUTURE: { status: 400, zh: '实际完成日期不能晚于今天', en: 'An actual date cannot be in the future' },
  PROJECT_STAGE_NODES_MISSING: { status: 409, zh: '前序阶段仍有必需节点未完成，不能推进阶段', en: 'Required nodes of earlier stages are not done; the stage cannot advance' },
  PROJECT_STAGE_UNKNOWN: { status: 400, zh: '项目阶段不存在', en: 'Unknown project stage' },
  PROJECT_PATRON_INVALID: { status: 400, zh: '包保领导须为本区的领导用户', en: 'The patron must be a leader of this district' },
  PROJECT_IMPORT_INVALID: { status: 400, zh: '项目清单有误，未导入任何项目；请按行修正后重新导入', en: 'The project list has errors and nothing was imported; fix the rows listed and import again' },
  PROJECT_VERSION_CONFLICT: { status: 409, zh: '项目已被他人修改，请刷新后重试', en: 'The project was changed by someone else; reload and try again' },
  PROJECT_LIFECYCLE_EDIT_REFUSED: { status: 409, zh: '该修改会破坏已有项目的节点记录（阶段须保持不变；已填日期的节点不能删除或移到其他阶段；已越过该阶段的项目缺此节点时不能设为必需），未作任何修改', en: 'The change would break existing projects\' node history (stages stay as they are; a dated node is not removed or moved to another stage; a node is not made required while projects past its stage lack it); nothing was changed' },
  TARGET_INVALID: { status: 400, zh: '目标或实际值无效', en: 'The target or actual value is not valid' },
  DISPATCH_DISTRICT_UNRESOLVED: { status: 400, zh: '无法确定所属行政区：请提供区划代码或区内的位置', en: 'No district could be determined: give a district code or a location inside one' },
  DISPATCH_FEEDBACK_CATEGORY_UNKNOWN: { status: 400, zh: '建议的事项类别不存在', en: 'The suggested category does not exist' },
  WEBHOOK_URL_REFUSED: { status: 400, zh: 'Webhook 地址不可用：须为 http(s)，且不能指向本系统或内网地址', en: 'The webhook URL is refused: it must be http(s) and not point at this server or a private address' },
  WEBHOOK_DELIVERY_NOT_DEAD: { status: 409, zh: '只有已转入死信列表的投递可以重发', en: 'Only a delivery on the dead-letter list can be replayed' },
  SUBSCRIPTION_POLYGON_INVALID: { status: 400, zh: '订阅区域的多边形无效（例如边线自相交）', en: 'The subscription polygon is not valid (e.g. it intersects itself)' },
  SUBSCRIPTION_LINK_INVALID: { status: 400, zh: '退订链接无效或已被篡改', en: 'The unsubscribe link is not valid or was altered' },
  SERVICE_ITEM_UNKNOWN: { status: 400, zh: '政务服务事项不存在', en: 'Unknown service item' },
  SERVICE_ITEM_IMPORT_INVALID: { status: 400, zh: '事项清单文件无法导入，请按行修改后重试', en: 'The service item list cannot be imported; fix the rows listed and try again' },
  APPLICATION_ITEM_OTHER_DEPARTMENT: { status: 403, zh: '该事项属于其他部门，不能在本部门办理', en: 'The service item belongs to another department' },
  APPLICATION_SUPPLEMENT_ALREADY_REQUESTED: { status: 409, zh: '已发出过补正通知，一次告知须列明全部补正内容，不能再次补正', en: 'A supplement request was already sent; one notice must list everything missing' },
  APPLICATION_NOTHING_MISSING: { status: 400, zh: '材料齐全，无需补正', en: 'No material is missing; nothing to request' },
  APPLICATION_MATERIALS_MISSING: { status: 409, zh: '材料不齐，且该事项不允许容缺受理，请先补正', en: 'Materials are missing and the item allows no tolerance; request a supplement first' },
  APPLICATION_PAUSED: { status: 409, zh: '办件处于补正或特别程序中，不能办结', en: 'The application is paused (supplement or special procedure) and cannot be concluded' },
  APPLICATION_NOT_ON_THE_SPOT: { status: 409, zh: '只有即办件可在窗口当场办结', en: 'Only on-the-spot items can be concluded at the window' },
  APPLICATION_TOLERANCE_NOT_ALLOWED: { status: 409, zh: '该事项不允许容缺受理，不能容缺通过', en: 'The item allows no tolerance; it cannot be approved with tolerance' },
  APPLICATION_ALREADY_RATED: { status: 409, zh: '该办件已评价，一事一评', en: 'The application has already been rated (one rating per application)' },
  APPLICATION_NOT_CONCLUDED: { status: 409, zh: '办件尚未办结，暂不能评价', en: 'The application is not concluded yet and cannot be rated' },
  APPLICATION_VOUCHER_UNAVAILABLE: { status: 409, zh: '办件尚未到达该环节，不能出具此凭证', en: 'The application has not reached this step; the voucher cannot be issued' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  WRITE_CONFLICT: { status: 503, zh: '系统繁忙，请稍后重试', en: 'The system is busy; try again shortly' },
  TRACKING_NOT_FOUND: { status: 404, zh: '未找到该工单，请核对工单编号和查询码', en: 'No case matches this number and tracking code; check both' },
  TEXT_NOT_WELL_FORMED: { status: 400, zh: '文本含有无法保存的字符（空字符或不成对的代理字符）', en: 'The text contains characters that cannot be stored (U+0000 or an unpaired surrogate)' },
  AUTH_LOCKED: { status: 429, zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
  PASSWORD_TOO_WEAK: { status: 400, zh: '密码太弱：至少 10 个字符，且不能是常见密码或与用户名相近', en: 'The password is too weak: at least 10 characters, not a common password and not close to the username' },
  MULTIPART_MALFORMED: { status: 400, zh: '上传内容格式有误', en: 'The multipart body is malformed' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '管理员已重置您的密码，请先修改密码', en: 'An administrator reset your password; change it before doing anything else' },
  USER_UNKNOWN: { status: 404, zh: '用户不存在', en: 'Unknown user' },
  SESSION_UNKNOWN: { status: 404, zh: '会话不存在或已结束', en: 'Unknown or ended session' },
  ACCOUNT_SELF_DISABLE: { status: 409, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
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
