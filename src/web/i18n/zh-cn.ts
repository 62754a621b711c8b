/** Chinese (the source language): every string the UI shows, by stable id. */
export const zhCN = {
  app: { name: '城市治理闭环平台', short: 'civicloop', demoBanner: '演示模式：数据与网格边界均为合成的演示数据，请勿录入真实个人信息。', loading: '加载中…' },
  lang: { zh: '中文', en: 'English', label: '语言' },
  nav: {
    workbench: '受理派遣', inbox: '部门处置', map: '网格地图', cockpit: '指挥驾驶舱', admin: '系统管理', grid: '网格巡查', search: '工单查询', report: '我要反映', track: '进度查询', logout: '退出登录', login: '工作人员登录',
    supervision: '督查工作台', notices: '督办回复',
  },
  login: {
    title: '工作人员登录', username: '用户名', password: '密码', submit: '登录', demoHint: '演示账号：operator-220106、handler-220106、grid_worker-220106 等，密码 demo1234',
    citizenLink: '群众反映问题（无需登录）',
  },
  user: { scope: '范围', role: '角色', district: '区', department: '部门', grid: '网格', street: '街道', allScope: '全部' },
  role: {
    citizen: '群众', enterprise: '企业', grid_worker: '网格员', operator: '受理员', shift_lead: '值班长', handler: '处置人员',
    supervisor: '督查人员', leader: '领导', project_officer: '项目专员', admin: '系统管理员', anonymous: '匿名', system: '系统',
  },
  state: {
    reported: '待受理', filed: '已立案', dispatched: '已派遣', signed: '处置中', suspended: '已挂起', resolved: '待核查', closed: '已结案', declined: '不予立案', merged: '已合并',
  },
  action: {
    verify: '核实', file: '立案', decline: '不予立案', self_handle: '自行处置', dispatch: '派遣', sign: '签收', return: '退单', request_extension: '申请延期',
    approve_extension: '批准延期', reject_extension: '驳回延期', suspend: '挂起', resume: '恢复', resolve: '处置完成', check_pass: '核查通过', check_fail: '核查不通过',
    merge: '合并', supervise: '督办', rate: '评价', reopen: '重新打开', report: '上报', create: '创建',
    attach: '上传照片', relocate: '调整位置', warn_amber: '黄牌预警', warn_red: '红牌预警', appeal: '差评申诉', appeal_decided: '申诉已裁定',
    notice_answered: '督办已回复', notice_escalated: '督办升级', open_rectification: '启动差评整改', rectification_opened: '整改工单已生成',
  },
  actionHint: { suspendRequest: '提交挂起申请，由受理员审批' },
  kind: {
    event: '事件', component: '部件', citizen_request: '群众诉求', enterprise_demand: '企业诉求', safety_hazard: '安全隐患', dispute: '矛盾纠纷',
    project_problem: '项目问题', policy_application: '政策申请', rectification: '差评整改',
  },
  source: { patrol: '巡查上报', hotline: '12345热线', open311: 'Open311', web: '网上反映', enterprise_portal: '企业端', video: '视频发现', leader_assigned: '领导交办', inspection: '检查发现' },
  rating: { very_satisfied: '非常满意', satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', very_dissatisfied: '非常不满意' },
  priority: { urgent: '紧急', normal: '一般' },
  unit: {
    working_hours: '{{count}} 个工作时', working_hours_one: '{{count}} 个工作时', working_days: '{{count}} 个工作日', working_days_one: '{{count}} 个工作日',
    clock_hours: '{{count}} 小时', clock_hours_one: '{{count}} 小时',
  },
  field: {
    number: '工单号', title: '标题', description: '问题描述', category: '类别', kind: '类型', state: '状态', department: '处置部门', deadline: '截止时间',
    grid: '网格', street: '街道', address: '地址', reporter: '反映人', phone: '联系电话', name: '姓名', createdAt: '上报时间', reason: '原因', note: '说明',
    days: '延期天数', intoCase: '合并到工单号', level: '评价', comment: '评价意见', trackingCode: '查询码', district: '所在区', priority: '紧急程度',
    location: '位置', keyword: '关键词', overdue: '仅看超期', source: '来源', photo: '照片', version: '版本',
  },
  limits: { title: '该类别处置时限', dispatch: '派遣', sign: '签收', resolve: '处置' },
  deadline: { overdue: '已超期 {{time}}', remaining: '剩余 {{time}}', none: '无时限', amber: '黄牌预警', red: '红牌预警', day: '{{count}}天', hour: '{{count}}小时', minute: '{{count}}分' },
  common: {
    submit: '提交', cancel: '取消', confirm: '确定', refresh: '刷新', detail: '详情', search: '查询', reset: '重置', exportCsv: '导出 CSV', total: '共 {{count}} 条',
    empty: '暂无数据', saved: '操作成功', required: '此项必填', invalid: '格式不正确', tooLong: '内容过长', noHtml: '不能包含 HTML', close: '关闭', all: '全部', back: '返回',
    select: '请选择', actions: '可执行操作', noActions: '当前没有可执行的操作', timeline: '办理过程', colon: '：', yes: '是', no: '否', openCount: '{{count}} 件',
  },
  workbench: { title: '受理派遣工作台', queue: '待办队列', reported: '待受理', filed: '待派遣', pendingRequests: '待审批申请', resolved: '待核查', pendingExtension: '延期申请：至 {{until}}', pendingSuspension: '挂起申请' },
  inbox: { title: '部门处置', intro: '本部门工单，按截止时间排序', nothingToDo: '暂无待处置工单' },
  grid: { title: '网格巡查', report: '巡查上报', mine: '本网格工单', locate: '获取当前位置', located: '已定位：{{latitude}}, {{longitude}}', locateFailed: '无法获取位置，请填写地址', toCheck: '待核查', toVerify: '待核实', reported: '已上报：{{number}}' },
  citizen: {
    reportTitle: '我要反映问题', reportIntro: '无需登录。提交后请保存工单号和查询码，用于查询进度和评价。', trackTitle: '查询办理进度', reportedTitle: '反映成功',
    reportedBody: '请保存以下信息：', numberLabel: '工单号', codeLabel: '查询码', goTrack: '查询进度', rateTitle: '对办理结果评价', rated: '已评价：{{level}}', thanks: '感谢您的评价',
    anotherReport: '再反映一个问题', whereLabel: '问题所在区',
  },
  search: { title: '工单查询', exportHint: '按当前筛选条件导出' },
  map: {
    title: '网格地图', open: '未结案件', overdue: '超期案件', legend: '按网格着色', top: '案件最多的网格',
    noGeometry: '暂无网格边界数据（管理员可导入网格 GeoJSON）', synthetic: '演示网格边界为合成数据，并非真实网格。',
  },
  cockpit: {
    title: '指挥驾驶舱', period: '月份', byStreet: '按街道', byDepartment: '按部门', filed: '立案数', closed: '结案数', overdue: '超期数', closeRate: '结案率',
    onTimeRate: '按期结案率', satisfaction: '满意率', ranking: '赛马排名（综合得分）', score: '得分', lists: '红黑榜', redList: '红榜', blackList: '黑榜',
    table: '考核指标', unit: '单位', grade: '等级',
  },
  admin: {
    title: '系统管理', users: '用户', categories: '类别与时限', calendar: '工作日历', apiKeys: 'API 密钥', addUser: '新增用户', code: '编码', edit: '修改',
    editLimits: '修改时限', year: '年份', yearUnknown: '该年份尚无官方日历，请补录节假日', date: '日期', workingDay: '工作日', working: '上班', off: '休息',
    dayName: '名称', source: '来源', keyName: '名称', keyOnce: '请立即复制此密钥，它只显示这一次', revokedAt: '吊销时间', revoke: '吊销', revokeConfirm: '确定吊销该密钥？',
  },
  supervision: {
    title: '督查工作台', lateTitle: '今日超期与预警案件', lateUnits: '超期/预警单位', noneLate: '暂无超期或预警案件', toSearch: '到工单查询',
    unitCount: '{{name}}：超期 {{overdue}}，红牌 {{red}}，黄牌 {{amber}}', warning: '预警', overdue: '已超期', operation: '操作',
    issueTitle: '发督办', targetType: '督办对象', onCase: '案件', onUnit: '单位', content: '督办内容', respondWithin: '回复时限（工作日）',
    respondWithinHint: '被督办单位须在此期限内回复，逾期未回复将自动升级', issue: '发出督办', issued: '督办已发出', caseNotFound: '未找到该工单号',
    notices: '督办列表', target: '督办对象', unitNotice: '单位督办', issuedAt: '发出时间', respondBy: '回复期限', response: '回复内容', late: '逾期',
    status: { open: '待回复', answered: '已回复', escalated: '已升级' },
    respond: '回复', respondTitle: '回复督办', handlerTitle: '督办回复', handlerIntro: '督查人员对本单位发出的督办，请在回复期限内回复',
    appeals: '差评申诉', rated: '被申诉评价', caseRating: '案件评价（工单 #{{id}}）', serviceRating: '政务服务评价 #{{id}}', filedAt: '申诉时间',
    appealStatus: { pending: '待复核', upheld: '申诉成立', rejected: '已驳回', all: '全部' },
    uphold: '申诉成立', reject: '驳回', upholdConfirm: '确认申诉成立？该评价将从考核指标中剔除', rejectConfirm: '确认驳回该申诉？',
  },
  bulletin: { title: '月通报', month: '通报月份', docx: '下载 Word (.docx)', xlsx: '下载 Excel (.xlsx)', hint: '本区指定月份的考核通报（指标、赛马排名、红黑榜、超期与整改情况）' },
  notify: { title: '消息通知', none: '暂无未读消息', read: '标为已读' },
  validation: { days_or_until: '请填写延期天数' },
  photo: { add: '拍照/添加照片', title: '现场照片', uploadFailed: '工单已提交，但照片上传失败：{{message}}', stage: { report: '上报', resolve: '处置后', self_handle: '自行处置', check: '核查' } },
  error: { network: '网络错误，请稍后再试', unknown: '发生错误' },
} as const;

/** The shape every other language must have. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
