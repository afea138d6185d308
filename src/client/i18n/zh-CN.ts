/**
 * Chinese (the default language). Every string a person sees comes from here
 * or from `en.ts`, which must have exactly the same keys (checked by tsc
 * through `Messages` and by i18n.test.ts). Short words: people read these in
 * the cold, on a cheap phone, in a hurry.
 */
export const zhCN = {
  app: {
    title: '汇聚',
    updateReady: '新版本已就绪',
    updateHint: '刷新不会丢失已录入的内容',
    reload: '立即刷新',
    later: '稍后',
    updateAfterSync: '还有记录没有同步。请先联网同步，再刷新到新版本。',
    sessionExpired: '登录已过期',
    sessionExpiredHint: '未同步的记录都还在手机上，重新登录后会自动同步。',
    signInAgain: '重新登录',
    outdated: '应用版本过旧，请联网后刷新',
    loading: '正在加载…',
    notFound: '没有这个页面',
    error: '出错了：{{message}}',
  },
  nav: {
    sites: '采样点',
    settings: '设置',
    back: '返回',
  },
  sync: {
    online: '在线',
    offline: '离线',
    pending: '{{count}} 条待同步',
    lastSync: '上次同步 {{time}}',
    never: '尚未同步',
    now: '同步',
    syncing: '同步中…',
    failed: '同步失败',
    retrying: '稍后自动重试',
    offlineHint: '没有网络也能继续登记，联网后自动同步',
  },
  common: {
    ok: '好的',
    cancel: '取消',
    confirm: '确定',
    clear: '清空',
  },
  language: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English',
  },
  theme: {
    label: '显示',
    dark: '深色',
    light: '浅色（强光下）',
  },
  login: {
    title: '登录',
    subtitle: '全员核酸志愿者登记',
    phone: '手机号',
    phonePlaceholder: '11 位手机号',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    phoneRequired: '请输入手机号',
    passwordRequired: '请输入密码',
    badCredentials: '手机号或密码错误',
    offline: '首次登录需要网络',
    tooMany: '尝试次数太多，请过几分钟再试',
    failed: '登录失败：{{message}}',
    demoHint: '演示账号：13800000003，密码 demo-1234',
    showPassword: '显示',
    hidePassword: '隐藏',
  },
  sites: {
    title: '我的采样点',
    campaignLabel: '本轮',
    noCampaign: '现在没有进行中的轮次',
    empty: '还没有采样点。请联网同步一次。',
    loading: '正在读取手机里的数据…',
    todayCount: '今日已登记 {{count}} 人',
    pool: '{{size}} 混 1',
    kind: {
      village: '村庄',
      compound: '小区',
      employer: '单位',
    },
  },
  station: {
    searchLabel: '查找居民',
    searchPlaceholder: '姓名 / 拼音首字母 / 身份证后4位 / 手机号',
    searchHint: '输入姓名、拼音首字母（如 zs）、身份证后 4 位或手机号',
    clearSearch: '清空搜索',
    noResults: '没找到“{{q}}”。可以新增居民。',
    searching: '正在查找…',
    register: '登记',
    registeredTag: '已登记 {{queueNumber}}',
    noDocument: '无证件',
    addResident: '新增居民',
    todayTitle: '今日登记',
    todayCount: '今日已登记 <n>{{count}}</n> 人',
    noRegistrations: '今天还没有登记',
    showAll: '显示全部 {{count}} 条',
    voidedTag: '已作废',
    noCampaign: '现在没有进行中的轮次，不能登记',
    needLane: '需要联网一次以领取排队号段',
    siteMissing: '这个采样点不在你的名单里',
    againTitle: '{{name}}已登记过（{{queueNumber}}）',
    againBody: '确定再登记一次吗？重复登记会在同步后被标记出来。',
    againConfirm: '再登记一次',
  },
  queue: {
    title: '排队号',
    forName: '{{name}}的排队号',
    hint: '请把号码写在居民手上',
    void: '登记错了？作废',
  },
  voiding: {
    title: '作废登记 {{queueNumber}}',
    body: '{{name}}的这条登记将被作废，记录会保留。请选择原因：',
    confirm: '作废',
    reasons: {
      wrongPerson: '登记错人',
      duplicate: '重复登记',
      left: '居民已离开',
    },
  },
  resident: {
    title: '新增居民',
    name: '姓名',
    namePlaceholder: '居民姓名',
    nameRequired: '请填写姓名',
    idType: '证件类型',
    idTypes: {
      mainland: '身份证',
      hk_macau_permit: '港澳通行证',
      taiwan_permit: '台胞证',
      passport: '护照',
      none: '无证件',
    },
    idNumber: '证件号码',
    idNumberPlaceholder: '18 位身份证号',
    otherNumberPlaceholder: '证件上的号码',
    idDigits: '已输入 {{count}} / 18 位',
    addX: '输入 X',
    noIdReason: '无证件原因',
    noIdReasonOther: '其他原因',
    noIdReasonPlaceholder: '写下原因',
    noIdReasonRequired: '请选择或填写无证件原因',
    reasons: {
      child: '儿童',
      elderly: '老人无证件',
    },
    phone: '手机号（选填）',
    phonePlaceholder: '11 位手机号',
    save: '保存并登记',
    saving: '正在保存…',
    fixErrors: '还有内容需要改正，什么都没有保存',
  },
  otherDocProblem: {
    empty: '请填写证件号码',
    format: '证件号码格式不对，请核对',
  },
  idProblem: {
    empty: '请填写身份证号码',
    length: '身份证号码应为 18 位',
    format: '只能是数字，最后一位可以是 X',
    region: '前两位地区码不对，请核对',
    birth_date: '出生日期（第 7–14 位）不对，请核对',
    check_digit: '最后一位校验码对不上，可能有一位输错了，请逐位核对',
  },
  phoneProblem: {
    empty: '请填写手机号',
    format: '手机号应为 11 位数字，以 1 开头',
  },
  rejection: {
    invalid_args: '填写的内容不完整或格式不对',
    unknown_mutation: '应用版本过旧，请联网后刷新',
    forbidden_site: '你没有这个采样点的权限',
    forbidden_role: '你的角色不能做这个操作',
    not_found: '找不到这条记录，请同步后再试',
    id_taken: '编号冲突，请再试一次',
    id_number_invalid: '证件号码有误',
    phone_invalid: '手机号有误',
    resident_exists: '这个身份证号已经有居民：{{name}}。请搜索后直接登记。',
    queue_number_taken: '排队号 {{queueNumber}} 已被占用，请再试一次',
    campaign_closed: '轮次“{{name}}”已结束',
    // rejections: door-knocking and tasks (issue 5)
    // rejections: shifts and duty (issue 6)
    // rejections: sampling station (issue 4)
    // rejections: coverage and administration (issue 8)
  },
  errors: {
    invalidInput: '有内容格式不对，请检查后再试',
    unexpected: '出错了：{{message}}',
  },
  settings: {
    title: '设置',
    account: '当前登录',
    role: {
      volunteer: '志愿者',
      leader: '组长',
      coordinator: '指挥部',
    },
    syncTitle: '同步',
    pendingNone: '全部已同步',
    syncNow: '立即同步',
    signOut: '退出登录',
    signOutTitle: '确定退出登录？',
    signOutBody: '退出后需要联网才能再次登录。',
    signOutPending:
      '还有 {{count}} 条记录没有同步。它们会留在这部手机上，下次用这个账号登录后自动同步，不会丢失。',
    signOutConfirm: '退出登录',
  },
  // namespaces: door-knocking and tasks (issue 5)
  // namespaces: shifts and duty (issue 6)
  // namespaces: sampling station (issue 4)
  // namespaces: coverage and administration (issue 8)
  // namespaces: sync hardening (issue 3)
} as const;

/** The shape every language must have: the same keys, any strings. */
export type Messages = Widen<typeof zhCN>;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
