<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>App</name>
    <message>
      <source>启动检查需要已加密的台账，以及环境变量中的用户名和口令</source>
      <translation>A start-up check needs an encrypted ledger and the user and password in the environment</translation>
    </message>
  </context>
  <context>
    <name>AreaDatePage</name>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>截至</source>
      <translation>As of</translation>
    </message>
  </context>
  <context>
    <name>Clock</name>
    <message>
      <source>本机日期比县里快了约%1天。请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对；改对之前本机不能保存修改（否则记下的事项会被县里暂扣）。</source>
      <translation>This computer's date is about %1 day(s) ahead of the county's. Right-click the time at the bottom right of the screen, choose “Adjust date/time” and set the right date; until then this computer cannot save changes (the county would hold what it records).</translation>
    </message>
    <message>
      <source>本机日期比县里慢了约%1天。请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对；改对之前本机不能保存修改（否则申请日期、走访日期等都会记错），也无法与县里中心联网同步。</source>
      <translation>This computer's date is about %1 day(s) behind the county's. Right-click the time at the bottom right of the screen, choose “Adjust date/time” and set the right date; until then this computer cannot save changes (application dates, visit dates and the like would be wrong) nor exchange data with the county hub over the network.</translation>
    </message>
    <message>
      <source>这次的修改没有保存，填写的内容还在：把日期改对后再保存一次即可。</source>
      <translation>Not saved; what you typed is still there. Set the right date, then save again.</translation>
    </message>
  </context>
  <context>
    <name>ConflictReview</name>
    <message>
      <source>对象</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>字段</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>不同的值</source>
      <translation>Competing values</translation>
    </message>
    <message>
      <source>选择要保留的值</source>
      <translation>Choose the value to keep</translation>
    </message>
    <message>
      <source>或输入一个新值</source>
      <translation>or type a new value</translation>
    </message>
    <message>
      <source>解决冲突</source>
      <translation>Resolve conflict</translation>
    </message>
    <message numerus="yes">
      <source>待处理冲突 %n 处</source>
      <translation>
        <numerusform>%n open conflict</numerusform>
        <numerusform>%n open conflicts</numerusform>
      </translation>
    </message>
    <message>
      <source>值</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>修改人</source>
      <translation>Changed by</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>请选择要保留的值或输入新值</source>
      <translation>Choose a value to keep or type a new one</translation>
    </message>
    <message>
      <source>本机</source>
      <translation>This device</translation>
    </message>
    <message>
      <source>另一台设备（名称未知）</source>
      <translation>Another device (name unknown)</translation>
    </message>
    <message>
      <source>只能在上面的值中选择</source>
      <translation>Choose one of the values above</translation>
    </message>
    <message>
      <source>这处冲突已经变了（可能已在别的设备上解决），列表已刷新，请再看一遍</source>
      <translation>This conflict has changed (perhaps resolved on another device); the list is refreshed, please look again</translation>
    </message>
    <message>
      <source>现在显示的值</source>
      <translation>the value shown now</translation>
    </message>
    <message>
      <source>本机改的值</source>
      <translation>the value changed on this computer</translation>
    </message>
    <message>
      <source>别的设备改的值</source>
      <translation>the value changed on another device</translation>
    </message>
    <message>
      <source>选中的冲突一并处理</source>
      <translation>Resolve the selected together</translation>
    </message>
    <message>
      <source>选中的每处都保留：</source>
      <translation>For each selected, keep:</translation>
    </message>
    <message>
      <source>请先在列表中选中要处理的冲突（可按住 Shift 或 Ctrl 多选）</source>
      <translation>First select the conflicts in the list (hold Shift or Ctrl to select several)</translation>
    </message>
    <message>
      <source>选中的 %1 处冲突，每处都保留%2？</source>
      <translation>Keep %2 for each of the %1 selected conflicts?</translation>
    </message>
    <message>
      <source>处理冲突</source>
      <translation>Resolve conflicts</translation>
    </message>
    <message>
      <source>正在处理冲突……</source>
      <translation>Resolving conflicts…</translation>
    </message>
    <message>
      <source>已处理冲突 %1 处</source>
      <translation>%1 conflict(s) resolved</translation>
    </message>
    <message>
      <source>%1 处在列出之后又变了（可能已在别的设备上解决），没有处理，列表已刷新，请再看一遍</source>
      <translation>%1 changed after they were listed (perhaps resolved on another device) and were left; the list is refreshed, please look again</translation>
    </message>
    <message>
      <source>%1 处没有恰好一个%2，没有处理，请逐一决定</source>
      <translation>%1 have no single %2 and were left; please decide them one by one</translation>
    </message>
    <message>
      <source>已取消：其余的没有处理</source>
      <translation>Cancelled: the rest were left</translation>
    </message>
    <message>
      <source>来自</source>
      <translation>From</translation>
    </message>
    <message>
      <source>表格中的值</source>
      <translation>Value in the sheet</translation>
    </message>
    <message>
      <source>台账中的值</source>
      <translation>Value in the ledger</translation>
    </message>
    <message>
      <source>表格“%1”</source>
      <translation>Sheet “%1”</translation>
    </message>
    <message>
      <source>别的设备</source>
      <translation>Another device</translation>
    </message>
    <message>
      <source>表格“%1”（导入）</source>
      <translation>Sheet “%1” (imported)</translation>
    </message>
    <message>
      <source>台账</source>
      <translation>Ledger</translation>
    </message>
    <message>
      <source>%1 处台账中的值在导入表格之后又改过，没有改用表格中的值，仍在列表中，请逐一核对</source>
      <translation>%1 were changed in the ledger after the sheet was imported: the sheet’s value was not used; they are still in the list, please check each one</translation>
    </message>
    <message>
      <source>台账中这一格在导入表格之后又改过，没有改用表格中的值；请看台账现在的值后再决定（列表已刷新）</source>
      <translation>This cell was changed in the ledger after the sheet was imported, so the sheet’s value was not used; look at the ledger’s value now before deciding (the list was refreshed)</translation>
    </message>
    <message>
      <source>这处冲突已经处理过，列表已刷新</source>
      <translation>This conflict was already decided; the list was refreshed</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>按编号或姓名查找</source>
      <translation>Find by number or name</translation>
    </message>
    <message numerus="yes">
      <source>，符合查找的 %n 处</source>
      <translation>
        <numerusform>, %n matches the search</numerusform>
        <numerusform>, %n match the search</numerusform>
      </translation>
    </message>
    <message>
      <source>之后出了错，其余 %1 处没有处理，仍在列表中：%2</source>
      <translation>Then something went wrong: the other %1 were left and are still in the list: %2</translation>
    </message>
  </context>
  <context>
    <name>CountyPolicyDialog</name>
    <message>
      <source>县级政策编辑</source>
      <translation>County policy editor</translation>
    </message>
    <message>
      <source>检查</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>提交汇总中心签发</source>
      <translation>Submit to the county hub for signing</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>如 某人社通〔2026〕3号</source>
      <translation>e.g. 某人社通〔2026〕3号</translation>
    </message>
    <message>
      <source>如 某某县人力资源和社会保障局</source>
      <translation>e.g. 某某县人力资源和社会保障局</translation>
    </message>
    <message>
      <source>文号</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>发文单位</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>县定标准（空着表示待县里核定标准）</source>
      <translation>County figures (blank: still to be set by the county)</translation>
    </message>
    <message>
      <source>待县里核定标准</source>
      <translation>To be set by the county</translation>
    </message>
    <message>
      <source>防止返贫监测收入线（元/月）</source>
      <translation>Monitoring income line (yuan a month)</translation>
    </message>
    <message>
      <source>延续执行（填新的结束日期，须写明上面的文件）</source>
      <translation>Extensions (a new end date; needs the document above)</translation>
    </message>
    <message>
      <source>不变（现为 %1）</source>
      <translation>Unchanged (now %1)</translation>
    </message>
    <message>
      <source>放假安排</source>
      <translation>Holiday schedule</translation>
    </message>
    <message>
      <source>不载入</source>
      <translation>None</translation>
    </message>
    <message>
      <source>国务院办公厅通知的文号</source>
      <translation>Number of the State Council notice</translation>
    </message>
    <message>
      <source>国务院放假安排年份</source>
      <translation>Year of the State Council schedule</translation>
    </message>
    <message>
      <source>通知文号</source>
      <translation>Notice number</translation>
    </message>
    <message>
      <source>全部放假日</source>
      <translation>All days off</translation>
    </message>
    <message>
      <source>调休上班日</source>
      <translation>Make-up working days</translation>
    </message>
    <message>
      <source>县里自定放假日</source>
      <translation>County days off</translation>
    </message>
    <message>
      <source>县里自定上班日</source>
      <translation>County working days</translation>
    </message>
    <message>
      <source>%1：“%2”不是数字</source>
      <translation>%1: “%2” is not a number</translation>
    </message>
    <message>
      <source>%1：“%2”不是日期（如 2026-12-31）</source>
      <translation>%1: “%2” is not a date (e.g. 2026-12-31)</translation>
    </message>
    <message>
      <source>监测收入线</source>
      <translation>Monitoring income line</translation>
    </message>
    <message>
      <source>延续执行</source>
      <translation>Extension</translation>
    </message>
    <message>
      <source>文件日期</source>
      <translation>Document date</translation>
    </message>
    <message>
      <source>请检查：</source>
      <translation>Please check: </translation>
    </message>
    <message>
      <source>仍待核定：</source>
      <translation>Still to be set: </translation>
    </message>
    <message>
      <source>已提交：下次与县级汇总中心交换数据时签发，并随数据包下发到各设备</source>
      <translation>Submitted: the hub signs it at the next exchange and sends it to every device</translation>
    </message>
    <message>
      <source>本次依据的县里文件（填写金额、延续执行时必填，打印时引用）</source>
      <translation>The county document this edition rests on (needed for amounts and extensions; cited on the papers)</translation>
    </message>
    <message>
      <source>检查通过：规则版本 %1</source>
      <translation>Check passed: rules version %1</translation>
    </message>
    <message>
      <source>空着：所有月份都按新金额；如 2027-01-01：此前的月份仍按原金额</source>
      <translation>Blank: every month at the new figures; e.g. 2027-01-01: earlier months keep the figures before</translation>
    </message>
    <message>
      <source>新金额的执行日期</source>
      <translation>New figures apply from</translation>
    </message>
    <message>
      <source>填了新金额的执行日期，却没有改任何县定金额</source>
      <translation>A day for new figures was given, but no county figure was changed</translation>
    </message>
    <message>
      <source>就业状态用词（村里台账写的词读作哪种就业状态，全县导入都这样读）</source>
      <translation>Status words (what the villages’ ledgers mean by a word for employment status; every import in the county reads it so)</translation>
    </message>
    <message>
      <source>用词</source>
      <translation>Word</translation>
    </message>
    <message>
      <source>读作</source>
      <translation>Read as</translation>
    </message>
    <message>
      <source>不能签发的原因</source>
      <translation>Why it cannot be signed</translation>
    </message>
    <message>
      <source>添加一行</source>
      <translation>Add a row</translation>
    </message>
    <message>
      <source>删除所选行</source>
      <translation>Remove selected rows</translation>
    </message>
    <message>
      <source>请注意：</source>
      <translation>Please note: </translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>“%1”的县定金额须大于 0 元。本县不实行这项补贴的，请把金额空着：这项补贴仍为待县里核定标准，各村不能申领（本表不能停用补贴，停用须由县级汇总中心改写政策包）</source>
      <translation>The county's figure for “%1” must be above 0 yuan. If the county does not grant this subsidy, leave its figure blank: it stays to be set by the county and no village can claim it (this form cannot switch a subsidy off: the county hub does that in the policy pack)</translation>
    </message>
    <message>
      <source>本次没有改动任何内容：请先填写要改的县定金额、监测收入线、延续执行、放假安排或就业状态用词，再检查、提交</source>
      <translation>Nothing is changed in this edition: first fill in the county figures, monitoring income line, extensions, holiday schedule or status words to change, then check and submit</translation>
    </message>
  </context>
  <context>
    <name>CountyResetDialog</name>
    <message>
      <source>县里重置口令</source>
      <translation>County password reset</translation>
    </message>
    <message>
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>须在县里办理：用县级汇总中心的文件夹和中心工作人员的口令，为本台账的一个用户设置新口令。台账须已登记到该中心。</source>
      <translation>Done at the county: with the county hub's folder and a hub staff member's password, set a new password for a user of this ledger. The ledger must be enrolled at that hub.</translation>
    </message>
    <message>
      <source>汇总中心文件夹</source>
      <translation>Hub folder</translation>
    </message>
    <message>
      <source>中心用户名</source>
      <translation>Hub user name</translation>
    </message>
    <message>
      <source>中心口令</source>
      <translation>Hub password</translation>
    </message>
    <message>
      <source>要重置的用户</source>
      <translation>User to reset</translation>
    </message>
    <message>
      <source>新口令</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>再输入一次</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>选择汇总中心文件夹</source>
      <translation>Choose the hub folder</translation>
    </message>
  </context>
  <context>
    <name>CountyStatus</name>
    <message>
      <source>从中心刷新</source>
      <translation>Refresh from the hub</translation>
    </message>
    <message>
      <source>点「从中心刷新」查看各村、各安置点最近一次同步的情况</source>
      <translation>Press “Refresh from the hub” to see when each village and site last exchanged</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>最近同步</source>
      <translation>Last exchange</translation>
    </message>
    <message>
      <source>已发出待确认</source>
      <translation>Sent, not yet confirmed</translation>
    </message>
    <message>
      <source>未接受的修改</source>
      <translation>Changes held</translation>
    </message>
    <message>
      <source>拒收的数据包</source>
      <translation>Bundles refused</translation>
    </message>
    <message>
      <source>注销</source>
      <translation>Revoked</translation>
    </message>
    <message>
      <source>正在向中心查询……</source>
      <translation>Asking the hub…</translation>
    </message>
    <message>
      <source>共 %1 台设备；从未同步 %2 台；未接受待审核的修改 %3 条</source>
      <translation>%1 devices; %2 never exchanged; %3 changes held for review</translation>
    </message>
    <message>
      <source>从未同步</source>
      <translation>Never</translation>
    </message>
    <message>
      <source>已注销</source>
      <translation>Revoked</translation>
    </message>
    <message>
      <source>查询失败：</source>
      <translation>Could not ask the hub: </translation>
    </message>
    <message>
      <source>政策包</source>
      <translation>Policy pack</translation>
    </message>
    <message>
      <source>；现行政策包 %1：%2 台设备还没有收到</source>
      <translation>; county pack in force %1: %2 devices have not received it</translation>
    </message>
    <message>
      <source>未收到</source>
      <translation>Not received</translation>
    </message>
    <message>
      <source>%1（现行 %2，未收到）</source>
      <translation>%1 (in force: %2, not received)</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>在用的政策包</source>
      <translation>Pack in use</translation>
    </message>
    <message>
      <source>程序版本</source>
      <translation>Program version</translation>
    </message>
    <message>
      <source>；%1 台设备收到了现行政策包但没有启用（多半是程序太旧）</source>
      <translation>; %1 devices received the pack in force but do not use it (most likely too old a program)</translation>
    </message>
    <message>
      <source>；中心的程序是 %1：%2 台设备的程序比中心旧或没有报告版本，要去升级</source>
      <translation>; the hub runs %1: %2 devices run an older program or did not say which — upgrade them</translation>
    </message>
    <message>
      <source>内置政策包</source>
      <translation>Built-in pack</translation>
    </message>
    <message>
      <source>（收到的 %1 没有启用）</source>
      <translation> (%1 received, not in use)</translation>
    </message>
    <message>
      <source>未报告版本</source>
      <translation>Not reported</translation>
    </message>
    <message>
      <source>%1（比中心旧）</source>
      <translation>%1 (older than the hub)</translation>
    </message>
    <message>
      <source>；%1 台设备的程序比中心新：请先升级中心的程序</source>
      <translation>; %1 devices run a newer program than the hub: upgrade the hub first</translation>
    </message>
    <message>
      <source>%1（比中心新）</source>
      <translation>%1 (newer than the hub)</translation>
    </message>
    <message>
      <source>中心电脑的日期可能不对：中心的时钟慢了约 %1 天。改对之前，中心不把自己的时间告诉各设备（各设备照常录入），联网同步会被拒绝；请尽快把中心电脑的日期和时间改对（常见原因：主板电池没电）</source>
      <translation>The hub computer's date may be wrong: its clock is about %1 day(s) behind. Until it is put right the hub does not tell the devices its time (they keep recording as usual), and syncing over the network is refused. Please set the hub computer's date and time right soon (often its mainboard battery has run out)</translation>
    </message>
    <message>
      <source>中心电脑的日期可能不对：中心的时钟快了约 %1 天。改对之前，中心不把自己的时间告诉各设备（各设备照常录入），联网同步会被拒绝；请尽快把中心电脑的日期和时间改对</source>
      <translation>The hub computer's date may be wrong: its clock is about %1 day(s) ahead. Until it is put right the hub does not tell the devices its time (they keep recording as usual), and syncing over the network is refused. Please set the hub computer's date and time right soon</translation>
    </message>
    <message>
      <source>%1 登记，经办：%2</source>
      <translation>Enrolled %1 by %2</translation>
    </message>
    <message>
      <source>%1 注销，经办：%2</source>
      <translation>Revoked %1 by %2</translation>
    </message>
    <message>
      <source>；%1 台设备的数据包因中心自己的问题（磁盘已满、只读、正忙或存不下上传的文件）没有导入，共 %2 次</source>
      <translation>; %1 devices' bundles did not go in because of the hub's own trouble (disk full, read-only, busy or unable to store the upload), %2 times in all</translation>
    </message>
    <message>
      <source>停用的用户</source>
      <translation>Disabled users</translation>
    </message>
    <message>
      <source>；%1 台设备有停用的用户</source>
      <translation>; %1 devices have disabled users</translation>
    </message>
    <message>
      <source>，其中 %1 人申请重新启用</source>
      <translation>, %1 of them asked by their device to be enabled again</translation>
    </message>
    <message>
      <source>%1（申请重新启用）</source>
      <translation>%1 (asked to be enabled again)</translation>
    </message>
    <message>
      <source>%1：县里在中心停用（经办：%2，%3）</source>
      <translation>%1: disabled by the county at the hub (by %2, %3)</translation>
    </message>
    <message>
      <source>%1：在设备上停用（%2 停用，中心 %3 得知）</source>
      <translation>%1: disabled on the device (by %2; the hub learnt it %3)</translation>
    </message>
    <message>
      <source>；设备说已于 %1 由 %2 重新启用，申请县里核实后重新启用</source>
      <translation>; the device says %2 enabled them again on %1: a request, granted by the county once it has checked</translation>
    </message>
    <message>
      <source>设备 %1 上停用的用户（以停用的用户名义从这台设备发来的修改都扣在中心）：</source>
      <translation>Users disabled on the device %1 (changes it sends in their name are held at the hub):</translation>
    </message>
    <message>
      <source>启用或停用设备上的用户，请在县里的汇总中心电脑上办理</source>
      <translation>To enable or disable a device's users, go to the county hub's computer</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>从备份恢复过</source>
      <translation>Restored from backup</translation>
    </message>
    <message>
      <source>；%1 台设备近 %2 天内从备份恢复过台账：如果不是村里自己恢复的，请马上核查（台账可能被复制到了别的电脑）</source>
      <translation>; %1 devices had their ledger restored from a backup in the last %2 days: unless the village restored it itself, look into it at once (the ledger may have been copied to another computer)</translation>
    </message>
    <message>
      <source>%1 次，最近 %2</source>
      <translation>%1 times, last %2</translation>
    </message>
    <message>
      <source>最近一次 %1 从备份恢复（设备上：%2）：换了台账标识，中心从此以恢复后的台账为准。如果这台设备并没有恢复过台账，请马上核查（台账可能被复制到了别的电脑）</source>
      <translation>Last restored from a backup %1 (on the device: %2): its ledger took a new identity, and the hub goes by the restored ledger from now on. If this device's ledger was never restored, look into it at once (the ledger may have been copied to another computer)</translation>
    </message>
  </context>
  <context>
    <name>Days</name>
    <message>
      <source>%1年%2月%3日</source>
      <translation>%3 %4 %1</translation>
    </message>
    <message>
      <source>%1年%2月</source>
      <translation>%4 %1</translation>
    </message>
    <message>
      <source>%1年度</source>
      <translation>%1</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <source>接受这条修改</source>
      <translation>Accept this change</translation>
    </message>
    <message>
      <source>不予采纳这条修改</source>
      <translation>Dismiss this change</translation>
    </message>
    <message>
      <source>可不填，例如：电话核实无误</source>
      <translation>Optional, e.g. “phone number checked by call”</translation>
    </message>
    <message>
      <source>接受后，这条修改作为县里的修改写入中心台账，发往相关设备；发出修改的设备下次同步时会看到您的决定。</source>
      <translation>Once accepted, the change is written to the hub's ledger as the county's own change and sent to the devices concerned; the device that sent it sees your decision at its next exchange.</translation>
    </message>
    <message>
      <source>必须填写，发出修改的设备上会看到</source>
      <translation>Required; the device that sent it will show it</translation>
    </message>
    <message>
      <source>不予采纳的修改不会写入台账。请写明原因，发出修改的设备下次同步时会看到。</source>
      <translation>A dismissed change is not written to the ledger. Give the reason; the device that sent it sees it at its next exchange.</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>修改内容</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>未接受的原因</source>
      <translation>Why it was held</translation>
    </message>
    <message>
      <source>不予采纳的原因</source>
      <translation>Reason for dismissing</translation>
    </message>
    <message>
      <source>接受</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>不予采纳</source>
      <translation>Dismiss</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>审核说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>接受所选的 %1 条修改</source>
      <translation>Accept the %1 selected changes</translation>
    </message>
    <message>
      <source>不予采纳所选的 %1 条修改</source>
      <translation>Dismiss the %1 selected changes</translation>
    </message>
    <message>
      <source>……等共 %1 条</source>
      <translation>… %1 in all</translation>
    </message>
    <message>
      <source>接受后，这 %1 条修改逐条由中心再核对一遍，作为县里的修改写入中心台账，发往相关设备；遇到不能接受的一条就停下，告诉您哪些已接受、哪些还在表中。</source>
      <translation>Once accepted, the hub checks each of these %1 changes again and writes it to the county ledger as the county's own change, sent on to the devices concerned; it stops at the first one it cannot take and tells you which were accepted and which are still in the table.</translation>
    </message>
    <message>
      <source>这 %1 条修改都不会写入台账，写明的原因对每一条都适用，发出修改的设备下次同步时会看到。</source>
      <translation>None of these %1 changes will be written to the ledger. The reason you give applies to each; the devices that sent them will see it at their next exchange.</translation>
    </message>
    <message>
      <source>%1：%2 条</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>来自</source>
      <translation>From</translation>
    </message>
    <message>
      <source>接受这 %1 条</source>
      <translation>Accept these %1</translation>
    </message>
    <message>
      <source>不予采纳这 %1 条</source>
      <translation>Dismiss these %1</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
  </context>
  <context>
    <name>DeleteDialog</name>
    <message>
      <source>删除人员</source>
      <translation>Delete person</translation>
    </message>
    <message>
      <source>从台账中删除“%1”（%2）吗？删除会记入修改记录，以后可以在“已删除人员”里恢复。</source>
      <translation>Delete “%1” (%2) from the ledger? The deletion is recorded in the history and can be undone under “Deleted persons”.</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>否，不删除</source>
      <translation>No, keep</translation>
    </message>
    <message>
      <source>是，删除</source>
      <translation>Yes, delete</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>请选择或写明删除原因（迁出、死亡、重复录入……）</source>
      <translation>Choose or write the reason (moved away, died, entered twice…)</translation>
    </message>
  </context>
  <context>
    <name>DuePage</name>
    <message>
      <source>全部区域</source>
      <translation>All areas</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>办理所选 (Enter)</source>
      <translation>Handle selected (Enter)</translation>
    </message>
    <message>
      <source>紧急程度</source>
      <translation>Urgency</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>剩余工作日</source>
      <translation>Working days left</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>进度</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>依据</source>
      <translation>Clause</translation>
    </message>
    <message>
      <source>截至</source>
      <translation>As of</translation>
    </message>
    <message>
      <source>正在计算待办事项……</source>
      <translation>Working out the due list…</translation>
    </message>
    <message>
      <source>已逾期 %1 项，即将到期 %2 项，共 %3 项</source>
      <translation>%1 overdue, %2 due soon, %3 in all</translation>
    </message>
    <message>
      <source>按姓名或身份证号筛选</source>
      <translation>Name or ID number</translation>
    </message>
    <message>
      <source>全部 %1</source>
      <translation>All %1</translation>
    </message>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>显示 %1 项</source>
      <translation>%1 shown</translation>
    </message>
    <message>
      <source>请先在列表里选一项待办</source>
      <translation>Choose an item in the list first</translation>
    </message>
    <message>
      <source>县里的政策包载有该年安排后（同步一次，或在“设置 → 政策包”载入）即按正式安排计算；在此之前请核对节假日前后的期限。</source>
      <translation>Once the county's policy pack holds that year's schedule (exchange data once, or load it under Settings → Policy pack), deadlines follow it; until then, check deadlines around holidays.</translation>
    </message>
    <message>
      <source>1311服务</source>
      <translation>1311 service</translation>
    </message>
    <message>
      <source>失业登记</source>
      <translation>Unemployment registration</translation>
    </message>
    <message>
      <source>分级服务</source>
      <translation>Tiered service</translation>
    </message>
    <message>
      <source>跟踪回访</source>
      <translation>Follow-up visit</translation>
    </message>
    <message>
      <source>月度更新</source>
      <translation>Monthly update</translation>
    </message>
    <message>
      <source>已逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>即将到期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <source>待办</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>县里的政策包载有该年安排后（与县里同步一次即可）即按正式安排计算；在此之前请核对节假日前后的期限。</source>
      <translation>Once the county's policy pack holds that year's schedule (exchange data with the county once), deadlines follow it; until then, check deadlines around holidays.</translation>
    </message>
  </context>
  <context>
    <name>DutiesPage</name>
    <message>
      <source>全部区域</source>
      <translation>All areas</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>预览(&amp;V)</source>
      <translation>Pre&amp;view</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>户主/成员</source>
      <translation>Head / members</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>依据</source>
      <translation>Clause</translation>
    </message>
    <message>
      <source>正在检查户级责任……</source>
      <translation>Checking household duties…</translation>
    </message>
    <message>
      <source>全部 %1</source>
      <translation>All %1</translation>
    </message>
    <message>
      <source>一户一人未实现</source>
      <translation>No one employed in the household</translation>
    </message>
    <message>
      <source>零就业家庭</source>
      <translation>Zero-employment household</translation>
    </message>
    <message>
      <source>公益性岗位收入超线</source>
      <translation>Public-welfare post, income over the line</translation>
    </message>
    <message>
      <source>一人多岗</source>
      <translation>One person, several posts</translation>
    </message>
    <message numerus="yes">
      <source>%n 项，涉及 %1</source>
      <translation>
        <numerusform>%n item in %1</numerusform>
        <numerusform>%n items in %1</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 户</source>
      <translation>
        <numerusform>%n household</numerusform>
        <numerusform>%n households</numerusform>
      </translation>
    </message>
    <message>
      <source>导出户级责任清单（含个人信息，请妥善保管）</source>
      <translation>Export the household duties list (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>EnrolCodeDialog</name>
    <message>
      <source>登记码</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <source>显示</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>请输入县里登记本机时告诉你的 16 位登记码：</source>
      <translation>Enter the 16-digit enrolment code the county told you when it enrolled this computer:</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>请检查</source>
      <translation>Please check</translation>
    </message>
    <message>
      <source>无法读写文件</source>
      <translation>Cannot read or write the file</translation>
    </message>
    <message>
      <source>操作没有完成</source>
      <translation>Not done</translation>
    </message>
    <message>
      <source>%1格式不对</source>
      <translation>%1 is not in the right form</translation>
    </message>
    <message>
      <source>输入有误：</source>
      <translation>Invalid input: </translation>
    </message>
    <message>
      <source>无法写入台账：磁盘已满，或存放台账的 U 盘被拔出了。这次的修改没有保存，此前保存的数据不受影响。请腾出磁盘空间（或插好 U 盘）后再保存一次。</source>
      <translation>Could not write to the ledger: the disk is full, or the USB stick holding the ledger was pulled out. This change was not saved; what was saved before is not affected. Free some disk space (or plug the stick back in) and save again.</translation>
    </message>
    <message>
      <source>无法写入台账：台账文件是只读的（U 盘打开了写保护，或文件被设为只读）。这次的修改没有保存，此前保存的数据不受影响。请去掉写保护后重新打开台账。</source>
      <translation>Could not write to the ledger: its file is read-only (the USB stick is write-protected, or the file was set read-only). This change was not saved; what was saved before is not affected. Remove the write protection and open the ledger again.</translation>
    </message>
    <message>
      <source>台账正忙：另一个程序（另一个打开着的桌面程序、导入或命令）正在写入它，还没有结束。这次的修改没有保存，请等它完成后再保存一次。</source>
      <translation>The ledger is busy: another program (another open copy of the app, an import or a command) is writing to it and has not finished. This change was not saved; save again once it has finished.</translation>
    </message>
    <message>
      <source>这次没有删除任何内容，显示的记录都还在：把日期改对后再删除一次即可。</source>
      <translation>Nothing was deleted; everything shown is still there. Set the right date, then delete again.</translation>
    </message>
    <message>
      <source>这次没有删除任何内容，显示的记录都还在。</source>
      <translation>Nothing was deleted; everything shown is still there.</translation>
    </message>
    <message>
      <source>没有删除</source>
      <translation>Not deleted</translation>
    </message>
    <message>
      <source>读写%1时出错，操作没有完成。详情已记入日志文件 fieldapp.log。</source>
      <translation>Could not read or write %1; not done. The details are in the log file fieldapp.log.</translation>
    </message>
    <message>
      <source>操作没有完成：程序内部出错，详情已记入日志文件 fieldapp.log。已保存的数据不受影响。</source>
      <translation>Not done: an internal error in the program; the details are in the log file fieldapp.log. Saved data is not affected.</translation>
    </message>
    <message>
      <source>这个文件</source>
      <translation>the file</translation>
    </message>
    <message>
      <source>台账所在的磁盘已满或 U 盘已拔出</source>
      <translation>The ledger’s disk is full or its USB stick was removed</translation>
    </message>
    <message>
      <source>台账是只读的</source>
      <translation>The ledger is read-only</translation>
    </message>
    <message>
      <source>台账正忙</source>
      <translation>The ledger is busy</translation>
    </message>
    <message>
      <source>与数据库的连接断开了（数据库重启了，或管理员中断了连接）：这次的操作没有完成，此前保存的数据不受影响，请稍后再试。</source>
      <translation>The connection to the database was lost (the database restarted, or an administrator ended the connection): this operation was not completed. Data saved before is not affected; please try again later.</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>EvidenceDialog</name>
    <message>
      <source>登记材料</source>
      <translation>Materials received</translation>
    </message>
    <message>
      <source>%1 的“%2”：收到的材料打勾，退回的去掉勾。</source>
      <translation>%1, “%2”: tick the materials received, untick those handed back.</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>欢迎使用劳动力台账</source>
      <translation>Welcome to the labour ledger</translation>
    </message>
    <message>
      <source>台账文件</source>
      <translation>Ledger file</translation>
    </message>
    <message>
      <source>新建一个台账，或打开已有的台账文件。</source>
      <translation>Create a new ledger, or open an existing ledger file.</translation>
    </message>
    <message>
      <source>新建台账</source>
      <translation>Create a new ledger</translation>
    </message>
    <message>
      <source>打开已有台账</source>
      <translation>Open an existing ledger</translation>
    </message>
    <message>
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>保存到</source>
      <translation>Save to</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>台账文件 (*.db)</source>
      <translation>Ledger files (*.db)</translation>
    </message>
    <message>
      <source>打开台账</source>
      <translation>Open ledger</translation>
    </message>
    <message>
      <source>本机</source>
      <translation>This device</translation>
    </message>
    <message>
      <source>您的姓名</source>
      <translation>Your name</translation>
    </message>
    <message>
      <source>设备名称</source>
      <translation>Device name</translation>
    </message>
    <message>
      <source>工作区域</source>
      <translation>Work area</translation>
    </message>
    <message>
      <source>选择县、乡镇（街道），再填写村或安置点。以后可在“设置”中修改。</source>
      <translation>Choose the county and township, then enter the village or relocation site. You can change this later in Settings.</translation>
    </message>
    <message>
      <source>（暂不选择）</source>
      <translation>(choose later)</translation>
    </message>
    <message>
      <source>村</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>易地搬迁安置点</source>
      <translation>Relocation site</translation>
    </message>
    <message>
      <source>如：大坝村、幸福社区安置点</source>
      <translation>e.g. Daba village, Xingfu community site</translation>
    </message>
    <message>
      <source>县（市、区）</source>
      <translation>County</translation>
    </message>
    <message>
      <source>乡镇（街道）</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>（整个县）</source>
      <translation>(whole county)</translation>
    </message>
    <message>
      <source>可选</source>
      <translation>Optional</translation>
    </message>
    <message>
      <source>可以先用演示数据熟悉软件；县里发了登记文件的，现在就可以登记。</source>
      <translation>Try the software with demo data first; if the county gave you an enrolment file, you can enrol now.</translation>
    </message>
    <message>
      <source> 人</source>
      <translation> persons</translation>
    </message>
    <message>
      <source>县里发的登记文件或台账表格（可不填）</source>
      <translation>Enrolment file or ledger spreadsheet from the county (optional)</translation>
    </message>
    <message>
      <source>登记文件或台账</source>
      <translation>Enrolment file or ledger</translation>
    </message>
    <message>
      <source>演示人数</source>
      <translation>Demo persons</translation>
    </message>
    <message>
      <source>点“完成”后开始使用。</source>
      <translation>Press Finish to start.</translation>
    </message>
    <message>
      <source>选择登记文件</source>
      <translation>Choose enrolment file</translation>
    </message>
    <message>
      <source>找不到台账文件：</source>
      <translation>Ledger file not found: </translation>
    </message>
    <message>
      <source>请填写新台账的保存位置</source>
      <translation>Enter where to save the new ledger</translation>
    </message>
    <message>
      <source>正在准备台账……</source>
      <translation>Preparing the ledger…</translation>
    </message>
    <message>
      <source>设备名称和您的用户名会出现在每条修改记录里，便于县里核对。台账用您的口令加密保存，打开台账时要输入口令。打开已加密的台账时，请填写它的用户名和口令。</source>
      <translation>The device name and your user name appear in every change, so the county can check them. The ledger is saved encrypted with your password; opening it asks for the password. To open a ledger that is already encrypted, type one of its user names and passwords.</translation>
    </message>
    <message>
      <source>用户名（第一个用户，可管理用户）</source>
      <translation>User name (first user, manages users)</translation>
    </message>
    <message>
      <source>口令</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>再输入一次</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>另建一个演示台账，先用它熟悉软件（人员都是虚构的，不进正式台账，不报送县里）</source>
      <translation>Also make a demo ledger to learn the program with (fictitious people: never in the real ledger, never sent to the county)</translation>
    </message>
    <message>
      <source>县里登记设备时告诉你的 16 位数字</source>
      <translation>The 16 digits the county told you when it enrolled this device</translation>
    </message>
    <message>
      <source>登记码</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <source>这个登记文件需要登记码：请填写县里告诉你的 16 位数字</source>
      <translation>This enrolment file needs its code: enter the 16 digits the county told you</translation>
    </message>
    <message>
      <source>这是培训用汇总中心的登记文件，只能用于演示台账：请勾选“另建一个演示台账”。</source>
      <translation>This is the enrolment file of a training hub, for a demo ledger only: tick “Also make a demo ledger”.</translation>
    </message>
    <message>
      <source>这是培训用汇总中心给乡镇、县级设备的登记文件：新台账登记后就是演示台账，不另建演示台账，也不生成演示人员；同步后收到各村的演示数据。</source>
      <translation>This is a training hub's enrolment file for a township or county device: the new ledger becomes a demo ledger as it enrols; no separate demo ledger and no demo people are made, it receives the villages' demo data when it syncs.</translation>
    </message>
    <message>
      <source>乡镇、县级设备审核各村报来的申领，本机没有自己的人员：不建演示台账。</source>
      <translation>A township or county device reviews the claims the villages send and has no people of its own: no demo ledger is made.</translation>
    </message>
  </context>
  <context>
    <name>GridModel</name>
    <message>
      <source>户主</source>
      <translation>Head</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>年龄</source>
      <translation>Age</translation>
    </message>
    <message>
      <source>劳动能力</source>
      <translation>Labour ability</translation>
    </message>
    <message>
      <source>上月</source>
      <translation>Last month</translation>
    </message>
    <message>
      <source>本月状态</source>
      <translation>This month</translation>
    </message>
    <message>
      <source>本月收入（元）</source>
      <translation>Income this month (yuan)</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>快捷键：1 已就业，2 未就业，3 在校，4 无需就业（可先选中多行）</source>
      <translation>Keys: 1 employed, 2 not employed, 3 in school, 4 not applicable (select several rows first to set them all)</translation>
    </message>
    <message>
      <source>未填</source>
      <translation>Not entered</translation>
    </message>
    <message>
      <source>按上月预填，保存后才算本月已更新</source>
      <translation>Taken from last month; counts as this month's update once saved</translation>
    </message>
  </context>
  <context>
    <name>HeldChanges</name>
    <message>
      <source>在本机撤销所选修改</source>
      <translation>Take back the selected change on this device</translation>
    </message>
    <message>
      <source>县里未接受的修改：%1</source>
      <translation>Not accepted by the county: %1</translation>
    </message>
    <message>
      <source>原因：%1</source>
      <translation> — reason: %1</translation>
    </message>
    <message>
      <source>；县里 %1 收到</source>
      <translation>; received by the county %1</translation>
    </message>
    <message>
      <source>县里待审核</source>
      <translation>awaiting the county's review</translation>
    </message>
    <message>
      <source>县里不予采纳</source>
      <translation>not adopted by the county</translation>
    </message>
    <message>
      <source>；%1</source>
      <translation>; %1</translation>
    </message>
    <message>
      <source>：%1</source>
      <translation>: %1</translation>
    </message>
    <message>
      <source>；本机已撤销（%1）</source>
      <translation>; taken back on this computer (%1)</translation>
    </message>
    <message>
      <source>县里扣下审核的修改：%1</source>
      <translation>Held by the county for review: %1</translation>
    </message>
    <message>
      <source>县里已接受，记作县里自己的修改</source>
      <translation>accepted by the county and recorded as the county's own change</translation>
    </message>
    <message>
      <source>；本机原来的这条已撤下（%1），以县里记下的为准</source>
      <translation>; this computer's own copy was withdrawn (%1): the county's change stands in its place</translation>
    </message>
  </context>
  <context>
    <name>HeldLine</name>
    <message>
      <source>%1“%2”（%3）</source>
      <translation>%1 “%2” (%3)</translation>
    </message>
    <message>
      <source>%1“%2”</source>
      <translation>%1 “%2”</translation>
    </message>
    <message>
      <source>%1的%2</source>
      <translation>%2 of %1</translation>
    </message>
    <message>
      <source>删除%1</source>
      <translation>Deletion of %1</translation>
    </message>
    <message>
      <source>%1（内容已损坏，读不出来，只能不予采纳）</source>
      <translation>%1 (damaged, cannot be read: it can only be not adopted)</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>%1为空</source>
      <translation>%1 emptied</translation>
    </message>
    <message>
      <source>%1为“%2”</source>
      <translation>%1 “%2”</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
  </context>
  <context>
    <name>HeldReview</name>
    <message>
      <source>从中心刷新</source>
      <translation>Refresh from the hub</translation>
    </message>
    <message>
      <source>接受所选修改…</source>
      <translation>Accept the selected change…</translation>
    </message>
    <message>
      <source>不予采纳…</source>
      <translation>Dismiss…</translation>
    </message>
    <message>
      <source>点「从中心刷新」查看各设备发来、中心按规则未接受、等待县里审核的修改</source>
      <translation>Press “Refresh from the hub” to see the changes devices sent that the hub held under the rules, waiting for the county's review</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>修改人</source>
      <translation>Changed by</translation>
    </message>
    <message>
      <source>修改内容</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>未接受的原因</source>
      <translation>Why it was held</translation>
    </message>
    <message>
      <source>收到时间</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>正在向中心查询……</source>
      <translation>Asking the hub…</translation>
    </message>
    <message>
      <source>没有等待县里审核的修改</source>
      <translation>No change is waiting for the county's review</translation>
    </message>
    <message>
      <source>等待县里审核的修改 %1 条</source>
      <translation>%1 changes waiting for the county's review</translation>
    </message>
    <message>
      <source>（先列出最早的 %1 条）</source>
      <translation> (the oldest %1 are listed)</translation>
    </message>
    <message>
      <source>请先在表中选择一条修改</source>
      <translation>Choose a change in the table first</translation>
    </message>
    <message>
      <source>不予采纳必须写明原因</source>
      <translation>Give the reason for dismissing it</translation>
    </message>
    <message>
      <source>正在把决定告诉中心……</source>
      <translation>Telling the hub your decision…</translation>
    </message>
    <message>
      <source>没有完成：</source>
      <translation>Not done: </translation>
    </message>
    <message>
      <source>已接受：</source>
      <translation>Accepted: </translation>
    </message>
    <message>
      <source>已不予采纳：</source>
      <translation>Dismissed: </translation>
    </message>
    <message>
      <source>全选同一批发来的</source>
      <translation>Select its whole bundle</translation>
    </message>
    <message>
      <source>选中与所选修改同一次同步发来的全部修改（按住 Ctrl 或 Shift 点击可多选）</source>
      <translation>Select every change that came in the same exchange as the selected one (Ctrl- or Shift-click to select several)</translation>
    </message>
    <message>
      <source>全选这台设备的</source>
      <translation>Select all from this device</translation>
    </message>
    <message>
      <source>选中所选设备发来的全部修改</source>
      <translation>Select every change the selected device sent</translation>
    </message>
    <message>
      <source>接受所选的 %1 条…</source>
      <translation>Accept the %1 selected…</translation>
    </message>
    <message>
      <source>不予采纳所选的 %1 条…</source>
      <translation>Dismiss the %1 selected…</translation>
    </message>
    <message>
      <source>正在接受第 %1 条，共 %2 条……</source>
      <translation>Accepting %1 of %2…</translation>
    </message>
    <message>
      <source>正在不予采纳第 %1 条，共 %2 条……</source>
      <translation>Dismissing %1 of %2…</translation>
    </message>
    <message>
      <source>已接受 %1 条</source>
      <translation>Accepted %1</translation>
    </message>
    <message>
      <source>已不予采纳 %1 条</source>
      <translation>Dismissed %1</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>，其中 %1 条中心的值已与它相同</source>
      <translation>, %1 of them already as the hub had them</translation>
    </message>
    <message>
      <source>；第 %1 条（%2）没有处理：%3</source>
      <translation>; number %1 (%2) was not decided: %3</translation>
    </message>
    <message>
      <source>；其后的 %1 条也没有处理</source>
      <translation>; nor the %1 after it</translation>
    </message>
    <message>
      <source>，都还在表中</source>
      <translation>, all still in the table</translation>
    </message>
    <message>
      <source>已取消：</source>
      <translation>Cancelled: </translation>
    </message>
    <message>
      <source>；其余 %1 条没有处理，还在表中</source>
      <translation>; the other %1 were not decided and are still in the table</translation>
    </message>
    <message>
      <source>重新核对（中心时钟改对后）</source>
      <translation>Check again (once the hub’s date is right)</translation>
    </message>
    <message>
      <source>中心电脑的日期曾经不对时，按时间扣下的修改（记下的时间比中心快、申领日期还没到）在日期改对后按同样的规定重新核对：核对通过的由您接受，其余照旧等待审核</source>
      <translation>Changes the hub held by the time while its date was wrong (stamped ahead of the hub, or a claim not yet due) are checked again by the same rules once the date is right: those that pass are accepted in your name, the rest stay waiting for review</translation>
    </message>
    <message>
      <source>正在请中心重新核对……</source>
      <translation>Asking the hub to check again…</translation>
    </message>
    <message>
      <source>重新核对完毕：没有因中心的时钟扣下的修改</source>
      <translation>Checked again: no changes were held by the hub’s clock</translation>
    </message>
    <message>
      <source>重新核对完毕：接受 %1 条，仍扣下 %2 条</source>
      <translation>Checked again: %1 accepted, %2 still held</translation>
    </message>
    <message>
      <source>（其中 %1 条记下的时间仍比中心快一天以上或申领日期还没到，请核对发出它们的电脑的日期和时间）</source>
      <translation> (%1 of them still stamped over a day ahead of the hub, or a claim not yet due: check the date and time of the computers that sent them)</translation>
    </message>
    <message>
      <source>（其中 %1 条按其他规定仍不能接受：%2）</source>
      <translation> (%1 of them cannot be accepted under another rule: %2)</translation>
    </message>
    <message>
      <source>（其中 %1 条在等它们所属的户或人员先被接受，之后再重新核对）</source>
      <translation> (%1 of them wait for the household or person they belong to, still held, to be accepted first; check again after that)</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>……</source>
      <translation>…</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>HeldWords</name>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>政策包</source>
      <translation>Policy pack</translation>
    </message>
    <message>
      <source>县级政策包草稿</source>
      <translation>County policy pack draft</translation>
    </message>
    <message>
      <source>户信息</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>人员信息</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>人员类别</source>
      <translation>Categories</translation>
    </message>
    <message>
      <source>就业经历</source>
      <translation>Employment</translation>
    </message>
    <message>
      <source>失业登记</source>
      <translation>Unemployment registration</translation>
    </message>
    <message>
      <source>月度状态</source>
      <translation>Monthly status</translation>
    </message>
    <message>
      <source>服务记录</source>
      <translation>Services</translation>
    </message>
    <message>
      <source>走访记录</source>
      <translation>Visit records</translation>
    </message>
    <message>
      <source>补贴申领</source>
      <translation>Subsidy claim</translation>
    </message>
    <message>
      <source>申领审核记录</source>
      <translation>Claim review record</translation>
    </message>
    <message>
      <source>申领批次</source>
      <translation>Claim batch</translation>
    </message>
    <message>
      <source>打印记录</source>
      <translation>Print log</translation>
    </message>
    <message>
      <source>导出记录</source>
      <translation>Export log</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>与户主关系</source>
      <translation>Relation to head</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>劳动能力</source>
      <translation>Labour ability</translation>
    </message>
    <message>
      <source>健康状况</source>
      <translation>Health</translation>
    </message>
    <message>
      <source>文化程度</source>
      <translation>Education</translation>
    </message>
    <message>
      <source>毕业年份</source>
      <translation>Graduation year</translation>
    </message>
    <message>
      <source>离校年月</source>
      <translation>Month left school</translation>
    </message>
    <message>
      <source>开户银行</source>
      <translation>Bank</translation>
    </message>
    <message>
      <source>银行或社保卡账号</source>
      <translation>Bank or social security card account</translation>
    </message>
    <message>
      <source>户籍地</source>
      <translation>Place of hukou</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>所在区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>户编号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>易地搬迁户</source>
      <translation>Relocated household</translation>
    </message>
    <message>
      <source>脱贫户</source>
      <translation>Household lifted out of poverty</translation>
    </message>
    <message>
      <source>上级区域</source>
      <translation>Parent area</translation>
    </message>
    <message>
      <source>开始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>结束日期</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>务工地</source>
      <translation>Workplace</translation>
    </message>
    <message>
      <source>务工地点</source>
      <translation>Place of work</translation>
    </message>
    <message>
      <source>就业形式</source>
      <translation>Employment form</translation>
    </message>
    <message>
      <source>务工单位</source>
      <translation>Employer</translation>
    </message>
    <message>
      <source>用人单位类型</source>
      <translation>Kind of employer</translation>
    </message>
    <message>
      <source>月收入</source>
      <translation>Monthly income</translation>
    </message>
    <message>
      <source>劳动合同期限（月）</source>
      <translation>Contract length (months)</translation>
    </message>
    <message>
      <source>社保缴费月数</source>
      <translation>Months of social insurance</translation>
    </message>
    <message>
      <source>有组织劳务输出</source>
      <translation>Organised labour export</translation>
    </message>
    <message>
      <source>输出机构</source>
      <translation>Export agency</translation>
    </message>
    <message>
      <source>首次输出</source>
      <translation>First export</translation>
    </message>
    <message>
      <source>临时工</source>
      <translation>Casual work</translation>
    </message>
    <message>
      <source>培训天数</source>
      <translation>Training days</translation>
    </message>
    <message>
      <source>摸排发现日期</source>
      <translation>Found on</translation>
    </message>
    <message>
      <source>失业登记日期</source>
      <translation>Registered unemployed on</translation>
    </message>
    <message>
      <source>失业人员类别</source>
      <translation>Unemployment class</translation>
    </message>
    <message>
      <source>登记结束日期</source>
      <translation>Registration ended on</translation>
    </message>
    <message>
      <source>走访日期</source>
      <translation>Visited on</translation>
    </message>
    <message>
      <source>走访人</source>
      <translation>Visited by</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>服务日期</source>
      <translation>Service date</translation>
    </message>
    <message>
      <source>服务类型</source>
      <translation>Service type</translation>
    </message>
    <message>
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>就业状态</source>
      <translation>Work status</translation>
    </message>
    <message>
      <source>收入</source>
      <translation>Income</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>金额</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>补贴名称</source>
      <translation>Subsidy</translation>
    </message>
    <message>
      <source>原状态</source>
      <translation>From state</translation>
    </message>
    <message>
      <source>变为</source>
      <translation>Move to</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>材料</source>
      <translation>Documents</translation>
    </message>
    <message>
      <source>缺件原因</source>
      <translation>Why documents are missing</translation>
    </message>
    <message>
      <source>资金来源</source>
      <translation>Funding source</translation>
    </message>
    <message>
      <source>收款方</source>
      <translation>Payee</translation>
    </message>
    <message>
      <source>收款人</source>
      <translation>Payee name</translation>
    </message>
    <message>
      <source>申领日期</source>
      <translation>Claimed on</translation>
    </message>
    <message>
      <source>申请日期</source>
      <translation>Applied on</translation>
    </message>
    <message>
      <source>审批时的开户银行</source>
      <translation>Bank at approval</translation>
    </message>
    <message>
      <source>审批时的账号</source>
      <translation>Account at approval</translation>
    </message>
    <message>
      <source>事项日期</source>
      <translation>Date of the event</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>县里接受前的编号</source>
      <translation>Number before the county accepted it</translation>
    </message>
    <message>
      <source>打印时间</source>
      <translation>Printed at</translation>
    </message>
    <message>
      <source>导出时间</source>
      <translation>Exported at</translation>
    </message>
    <message>
      <source>%1是县里中心的程序还没有的选项：多半是本机的程序比县里中心的新。这条修改已保留在县里待审核，不会丢失；由县里决定：升级中心的程序后接受，或不予采纳并写明原因，同步后这里会显示。本机不用重填，也不用撤销；程序什么时候升级，听县里的安排</source>
      <translation>%1 is an option the county hub's program does not have yet: most likely this laptop's program is newer than the county hub's. The change is kept at the county awaiting review and will not be lost; the county decides: it accepts it once the hub's program is upgraded, or declines it with a reason, shown here after a sync. Nothing to enter again or take back here; upgrade the program when the county says</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>已提交</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <source>村审核</source>
      <translation>Village reviewed</translation>
    </message>
    <message>
      <source>乡镇审核</source>
      <translation>Township reviewed</translation>
    </message>
    <message>
      <source>县审批</source>
      <translation>County approved</translation>
    </message>
    <message>
      <source>已发放</source>
      <translation>Paid</translation>
    </message>
    <message>
      <source>驳回</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>已撤销</source>
      <translation>Reversed</translation>
    </message>
    <message>
      <source>已就业</source>
      <translation>Employed</translation>
    </message>
    <message>
      <source>未就业</source>
      <translation>Not employed</translation>
    </message>
    <message>
      <source>在校</source>
      <translation>In school</translation>
    </message>
    <message>
      <source>无需就业</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <source>省</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>市州</source>
      <translation>Prefecture</translation>
    </message>
    <message>
      <source>县</source>
      <translation>County</translation>
    </message>
    <message>
      <source>乡镇</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>村</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>组</source>
      <translation>Group</translation>
    </message>
    <message>
      <source>安置点</source>
      <translation>Relocation site</translation>
    </message>
    <message>
      <source>楼栋</source>
      <translation>Building</translation>
    </message>
    <message>
      <source>未知的表</source>
      <translation>Unknown table</translation>
    </message>
    <message>
      <source>未知的字段</source>
      <translation>Unknown field</translation>
    </message>
    <message>
      <source>值不合格</source>
      <translation>Invalid value</translation>
    </message>
    <message>
      <source>县级统一维护的内容</source>
      <translation>Kept by the county for everyone</translation>
    </message>
    <message>
      <source>超出本机负责的范围</source>
      <translation>Outside this computer's area</translation>
    </message>
    <message>
      <source>把范围外的记录拉入本机范围</source>
      <translation>Pulls a record from outside into this computer's area</translation>
    </message>
    <message>
      <source>挂到范围外的记录上</source>
      <translation>Linked to a record outside this computer's area</translation>
    </message>
    <message>
      <source>无法确定所属地区</source>
      <translation>Its area cannot be told</translation>
    </message>
    <message>
      <source>记录在中心不存在</source>
      <translation>The record is not at the county hub</translation>
    </message>
    <message>
      <source>新建申领的状态</source>
      <translation>State of a new claim</translation>
    </message>
    <message>
      <source>申领状态流程</source>
      <translation>Claim review order</translation>
    </message>
    <message>
      <source>申领审核权限</source>
      <translation>Who may review a claim</translation>
    </message>
    <message>
      <source>驳回或撤销须写原因</source>
      <translation>A rejection or reversal needs a reason</translation>
    </message>
    <message>
      <source>已提交申领的内容不能改</source>
      <translation>A submitted claim cannot be changed</translation>
    </message>
    <message>
      <source>已审批或已终结的申领不能改</source>
      <translation>An approved or closed claim cannot be changed</translation>
    </message>
    <message>
      <source>申领不能删除</source>
      <translation>A claim cannot be deleted</translation>
    </message>
    <message>
      <source>申领金额高于补贴标准、不是正数或无从核对</source>
      <translation>Claim amount above the subsidy's standard, not positive, or not checkable</translation>
    </message>
    <message>
      <source>申领月份与申领日期不符</source>
      <translation>Claim months do not match the application date</translation>
    </message>
    <message>
      <source>重复申领</source>
      <translation>Claimed twice</translation>
    </message>
    <message>
      <source>申领日期还没有到</source>
      <translation>Application date not reached yet</translation>
    </message>
    <message>
      <source>申领的就业或培训在台账上没有</source>
      <translation>The job or training claimed for is not in the ledger</translation>
    </message>
    <message>
      <source>申领依据的人员类别在台账上没有</source>
      <translation>The category the claim rests on is not in the ledger</translation>
    </message>
    <message>
      <source>申领依据的失业登记、毕业登记或此前的就业与台账上的不一致</source>
      <translation>The unemployment or graduation registration or earlier job the claim rests on differs from the ledger</translation>
    </message>
    <message>
      <source>申请日期不对</source>
      <translation>Wrong application date</translation>
    </message>
    <message>
      <source>申领的补贴不在政策中</source>
      <translation>The subsidy claimed is not in the policy</translation>
    </message>
    <message>
      <source>已申领补贴的就业或培训被删除或改动</source>
      <translation>A job or training already claimed for was deleted or changed</translation>
    </message>
    <message>
      <source>收款方不是政策规定的</source>
      <translation>The payee is not the one the policy names</translation>
    </message>
    <message>
      <source>待发放申领的收款账号被改</source>
      <translation>The bank account of a claim awaiting payment was changed</translation>
    </message>
    <message>
      <source>申领等待发放时删除申领人</source>
      <translation>The applicant deleted while the claim awaits payment</translation>
    </message>
    <message>
      <source>申领的地区不是申领人所在户的地区</source>
      <translation>The claim's area is not the applicant's household's</translation>
    </message>
    <message>
      <source>申领等待发放时把申领人迁往别的村</source>
      <translation>The applicant moved to another village while the claim awaits payment</translation>
    </message>
    <message>
      <source>记录只能新增，不能修改</source>
      <translation>Records may only be added, not changed</translation>
    </message>
    <message>
      <source>审核记录与申领状态不符</source>
      <translation>Review record does not match the claim's state</translation>
    </message>
    <message>
      <source>冒用中心的台账标识</source>
      <translation>Uses the county hub's ledger mark</translation>
    </message>
    <message>
      <source>冒用其他设备的台账标识</source>
      <translation>Uses another computer's ledger mark</translation>
    </message>
    <message>
      <source>修改人署名不符</source>
      <translation>The change's author does not match</translation>
    </message>
    <message>
      <source>依据的前版本不存在</source>
      <translation>The earlier version it rests on does not exist</translation>
    </message>
    <message>
      <source>审批时记下的收款账号不是申领人的</source>
      <translation>The bank account noted at approval is not the applicant's</translation>
    </message>
    <message>
      <source>改动早于申领或批次的建立（纸上的编号会变）</source>
      <translation>Changed before the claim or batch was made (its paper number would change)</translation>
    </message>
    <message>
      <source>申领或批次的标识写成了纸上编号的样子</source>
      <translation>A claim's or batch's mark is written like a paper number</translation>
    </message>
    <message>
      <source>改写申领或批次接受前的编号</source>
      <translation>Rewrites a claim's or batch's number before acceptance</translation>
    </message>
    <message>
      <source>打印或导出的时间不是本程序记下的时间</source>
      <translation>The print or export time is not the one this program noted</translation>
    </message>
    <message>
      <source>申领或批次建立的时间比中心的时钟快一天以上（纸上的编号会变）</source>
      <translation>The claim or batch was made more than a day ahead of the hub's clock (its paper number would change)</translation>
    </message>
    <message>
      <source>修改记下的时间比中心的时钟快一天以上</source>
      <translation>The change is stamped more than a day ahead of the hub's clock</translation>
    </message>
    <message>
      <source>政策宣传</source>
      <translation>Policy information</translation>
    </message>
    <message>
      <source>职业指导</source>
      <translation>Career guidance</translation>
    </message>
    <message>
      <source>岗位推荐</source>
      <translation>Job recommendation</translation>
    </message>
    <message>
      <source>职业培训</source>
      <translation>Vocational training</translation>
    </message>
    <message>
      <source>就业见习</source>
      <translation>Work placement</translation>
    </message>
    <message>
      <source>创业服务</source>
      <translation>Start-up services</translation>
    </message>
    <message>
      <source>公益性岗位安置</source>
      <translation>Public-welfare job placement</translation>
    </message>
    <message>
      <source>就业援助</source>
      <translation>Employment assistance</translation>
    </message>
    <message>
      <source>转介民政</source>
      <translation>Referred to civil affairs</translation>
    </message>
    <message>
      <source>劳动维权咨询</source>
      <translation>Labour-rights advice</translation>
    </message>
    <message>
      <source>跟踪回访</source>
      <translation>Follow-up visit</translation>
    </message>
    <message>
      <source>职业技能培训</source>
      <translation>Vocational skills training</translation>
    </message>
    <message>
      <source>创业培训</source>
      <translation>Start-up training</translation>
    </message>
    <message>
      <source>岗位技能提升培训</source>
      <translation>On-the-job skills upgrading</translation>
    </message>
    <message>
      <source>以工代训</source>
      <translation>Training through work</translation>
    </message>
    <message>
      <source>劳务品牌培训</source>
      <translation>Labour-brand training</translation>
    </message>
    <message>
      <source>单位就业</source>
      <translation>Employed by an organisation</translation>
    </message>
    <message>
      <source>灵活就业</source>
      <translation>Flexible employment</translation>
    </message>
    <message>
      <source>自主创业</source>
      <translation>Self-employed (own business)</translation>
    </message>
    <message>
      <source>公益性岗位</source>
      <translation>Public-welfare job</translation>
    </message>
    <message>
      <source>就业帮扶车间</source>
      <translation>Employment-support workshop</translation>
    </message>
    <message>
      <source>以工代赈</source>
      <translation>Work-for-relief</translation>
    </message>
    <message>
      <source>未登记</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <source>农民专业合作社</source>
      <translation>Farmers' cooperative</translation>
    </message>
    <message>
      <source>种养大户</source>
      <translation>Large grower or breeder</translation>
    </message>
    <message>
      <source>家庭农场</source>
      <translation>Family farm</translation>
    </message>
    <message>
      <source>小微企业</source>
      <translation>Small or micro enterprise</translation>
    </message>
    <message>
      <source>大中型企业</source>
      <translation>Medium or large enterprise</translation>
    </message>
    <message>
      <source>个体工商户</source>
      <translation>Sole trader</translation>
    </message>
    <message>
      <source>机关事业单位</source>
      <translation>Government or public institution</translation>
    </message>
    <message>
      <source>社会组织</source>
      <translation>Social organisation</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>具备初级技能</source>
      <translation>Has basic skills</translation>
    </message>
    <message>
      <source>缺乏基本技能</source>
      <translation>Lacks basic skills</translation>
    </message>
    <message>
      <source>存在就业困难</source>
      <translation>Has difficulty finding work</translation>
    </message>
    <message>
      <source>户主</source>
      <translation>Head</translation>
    </message>
    <message>
      <source>配偶</source>
      <translation>Spouse</translation>
    </message>
    <message>
      <source>子女</source>
      <translation>Child</translation>
    </message>
    <message>
      <source>父母</source>
      <translation>Parent</translation>
    </message>
    <message>
      <source>岳父母或公婆</source>
      <translation>Parent-in-law</translation>
    </message>
    <message>
      <source>祖父母</source>
      <translation>Grandparent</translation>
    </message>
    <message>
      <source>媳婿</source>
      <translation>Son- or daughter-in-law</translation>
    </message>
    <message>
      <source>孙子女</source>
      <translation>Grandchild</translation>
    </message>
    <message>
      <source>兄弟姐妹</source>
      <translation>Sibling</translation>
    </message>
    <message>
      <source>普通劳动力</source>
      <translation>Ordinary labour</translation>
    </message>
    <message>
      <source>技能劳动力</source>
      <translation>Skilled labour</translation>
    </message>
    <message>
      <source>弱劳动力或半劳动力</source>
      <translation>Weak or partial labour</translation>
    </message>
    <message>
      <source>丧失劳动力</source>
      <translation>Lost labour ability</translation>
    </message>
    <message>
      <source>无劳动力</source>
      <translation>No labour ability</translation>
    </message>
    <message>
      <source>健康</source>
      <translation>Healthy</translation>
    </message>
    <message>
      <source>长期慢性病</source>
      <translation>Long-term chronic illness</translation>
    </message>
    <message>
      <source>患有大病</source>
      <translation>Serious illness</translation>
    </message>
    <message>
      <source>残疾</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <source>脱贫人口</source>
      <translation>Lifted out of poverty</translation>
    </message>
    <message>
      <source>防返贫监测对象</source>
      <translation>Monitored against relapse into poverty</translation>
    </message>
    <message>
      <source>农村低收入人口</source>
      <translation>Rural low-income</translation>
    </message>
    <message>
      <source>农村低保对象</source>
      <translation>Rural minimum-living-allowance recipient</translation>
    </message>
    <message>
      <source>农村特困人员</source>
      <translation>Rural person in extreme hardship</translation>
    </message>
    <message>
      <source>易地搬迁人口</source>
      <translation>Relocated</translation>
    </message>
    <message>
      <source>易地搬迁随迁人口</source>
      <translation>Relocated with family</translation>
    </message>
    <message>
      <source>登记失业人员</source>
      <translation>Registered unemployed</translation>
    </message>
    <message>
      <source>就业困难人员</source>
      <translation>Person with difficulty finding work</translation>
    </message>
    <message>
      <source>高校毕业生</source>
      <translation>College graduate</translation>
    </message>
    <message>
      <source>返乡农村劳动力</source>
      <translation>Returned rural worker</translation>
    </message>
    <message>
      <source>退役军人</source>
      <translation>Veteran</translation>
    </message>
    <message>
      <source>残疾人</source>
      <translation>Person with a disability</translation>
    </message>
    <message>
      <source>退捕渔民</source>
      <translation>Former fisher (fishing ban)</translation>
    </message>
    <message>
      <source>戒毒康复人员</source>
      <translation>Recovering from drug addiction</translation>
    </message>
    <message>
      <source>刑满释放人员</source>
      <translation>Released from prison</translation>
    </message>
    <message>
      <source>%1的%2「%3」</source>
      <translation>%2 “%3” (%1)</translation>
    </message>
    <message>
      <source>迁出</source>
      <translation>Moved away</translation>
    </message>
    <message>
      <source>死亡</source>
      <translation>Died</translation>
    </message>
    <message>
      <source>重复录入</source>
      <translation>Entered twice</translation>
    </message>
    <message>
      <source>分户</source>
      <translation>Split off a new household</translation>
    </message>
    <message>
      <source>合户</source>
      <translation>Households merged</translation>
    </message>
    <message>
      <source>婚迁</source>
      <translation>Moved by marriage</translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>男</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>女</source>
      <translation>Female</translation>
    </message>
    <message>
      <source>文盲或半文盲</source>
      <translation>Illiterate or semi-literate</translation>
    </message>
    <message>
      <source>小学</source>
      <translation>Primary school</translation>
    </message>
    <message>
      <source>初中</source>
      <translation>Junior secondary school</translation>
    </message>
    <message>
      <source>高中</source>
      <translation>Senior secondary school</translation>
    </message>
    <message>
      <source>中专</source>
      <translation>Secondary vocational school</translation>
    </message>
    <message>
      <source>大专</source>
      <translation>Junior college</translation>
    </message>
    <message>
      <source>本科及以上</source>
      <translation>Bachelor's degree or above</translation>
    </message>
    <message>
      <source>短期失业</source>
      <translation>Short-term unemployed</translation>
    </message>
    <message>
      <source>中短期失业</source>
      <translation>Medium-short-term unemployed</translation>
    </message>
    <message>
      <source>中长期失业</source>
      <translation>Medium-long-term unemployed</translation>
    </message>
    <message>
      <source>长期失业</source>
      <translation>Long-term unemployed</translation>
    </message>
    <message>
      <source>户籍地区划代码</source>
      <translation>Hukou division code</translation>
    </message>
    <message>
      <source>已删除</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>所属户</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>所属人员</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>区划代码</source>
      <translation>Division code</translation>
    </message>
    <message>
      <source>层级</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>务工地区划代码</source>
      <translation>Work place division code</translation>
    </message>
    <message>
      <source>所属走访</source>
      <translation>Visit</translation>
    </message>
    <message>
      <source>补贴项目</source>
      <translation>Subsidy</translation>
    </message>
    <message>
      <source>所属申领</source>
      <translation>Claim</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>Batch</translation>
    </message>
    <message>
      <source>村/安置点专员</source>
      <translation>Village/site coordinator</translation>
    </message>
    <message>
      <source>县级</source>
      <translation>County</translation>
    </message>
    <message>
      <source>县级汇总中心</source>
      <translation>County hub</translation>
    </message>
    <message>
      <source>本机</source>
      <translation>this device</translation>
    </message>
    <message>
      <source>未知地区</source>
      <translation>an unknown area</translation>
    </message>
    <message>
      <source>此人</source>
      <translation>this person</translation>
    </message>
    <message>
      <source>补贴</source>
      <translation>subsidy</translation>
    </message>
    <message>
      <source>没有金额</source>
      <translation>no amount</translation>
    </message>
    <message>
      <source>空白</source>
      <translation>blank</translation>
    </message>
    <message>
      <source>状态不明</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>空</source>
      <translation>none</translation>
    </message>
    <message>
      <source>原来的村</source>
      <translation>the village left</translation>
    </message>
    <message>
      <source>这个批次</source>
      <translation>this batch</translation>
    </message>
    <message>
      <source>有人</source>
      <translation>someone</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>deleted</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>changed</translation>
    </message>
    <message>
      <source>就业</source>
      <translation>Jobs</translation>
    </message>
    <message>
      <source>培训</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>未写明</source>
      <translation>Not given</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(blank)</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>今天</source>
      <translation>today</translation>
    </message>
    <message>
      <source>中心收到时</source>
      <translation>the day the hub received it</translation>
    </message>
    <message>
      <source>中心今天</source>
      <translation>today at the hub</translation>
    </message>
    <message>
      <source>元</source>
      <translation>yuan</translation>
    </message>
    <message>
      <source>元/月</source>
      <translation>yuan a month</translation>
    </message>
    <message>
      <source>个人</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>用人单位</source>
      <translation>Employer</translation>
    </message>
    <message>
      <source>经营性人力资源服务机构</source>
      <translation>Human resources agency</translation>
    </message>
    <message>
      <source>提交它的电脑记下的日期</source>
      <translation>as the computer that sent it kept it</translation>
    </message>
    <message>
      <source>提交它的电脑的时钟</source>
      <translation>by the clock of the computer that sent it</translation>
    </message>
    <message>
      <source>一项没有名称的补贴</source>
      <translation>a subsidy with no name</translation>
    </message>
    <message>
      <source>同一项补贴</source>
      <translation>the same subsidy</translation>
    </message>
    <message>
      <source>草稿可以删除</source>
      <translation>a draft can be deleted</translation>
    </message>
    <message>
      <source>请驳回</source>
      <translation>reject it</translation>
    </message>
    <message>
      <source>县（市、区）名称</source>
      <translation>County name</translation>
    </message>
    <message>
      <source>县级审批单位</source>
      <translation>County approving office</translation>
    </message>
    <message>
      <source>乡镇审核单位</source>
      <translation>Township reviewing office</translation>
    </message>
    <message>
      <source>村级审核单位</source>
      <translation>Village reviewing office</translation>
    </message>
    <message>
      <source>公示天数</source>
      <translation>Notice period (days)</translation>
    </message>
    <message>
      <source>公示期按工作日计（是/否）</source>
      <translation>Notice period in working days (是/否)</translation>
    </message>
    <message>
      <source>异议受理单位</source>
      <translation>Office receiving objections</translation>
    </message>
    <message>
      <source>异议受理电话</source>
      <translation>Phone for objections</translation>
    </message>
    <message>
      <source>申请人承诺语</source>
      <translation>Applicant's pledge</translation>
    </message>
    <message>
      <source>制表人</source>
      <translation>Prepared by</translation>
    </message>
    <message>
      <source>审核人</source>
      <translation>Reviewed by</translation>
    </message>
    <message>
      <source>审批人</source>
      <translation>Approved by</translation>
    </message>
    <message>
      <source>限享受一次</source>
      <translation>once only</translation>
    </message>
    <message>
      <source>每人每个自然年度一次</source>
      <translation>once a person each calendar year</translation>
    </message>
    <message>
      <source>每人每月一次</source>
      <translation>once a person each month</translation>
    </message>
    <message>
      <source>每段就业（每次培训）一次</source>
      <translation>once for each job (each training)</translation>
    </message>
    <message>
      <source>长期</source>
      <translation>open-ended</translation>
    </message>
    <message>
      <source>乡镇内</source>
      <translation>In the township</translation>
    </message>
    <message>
      <source>县内</source>
      <translation>In the county</translation>
    </message>
    <message>
      <source>省内跨县</source>
      <translation>Elsewhere in the province</translation>
    </message>
    <message>
      <source>跨省</source>
      <translation>Out of province</translation>
    </message>
    <message>
      <source>外出</source>
      <translation>away from home</translation>
    </message>
    <message>
      <source>此前</source>
      <translation>before</translation>
    </message>
    <message>
      <source>地点未登记</source>
      <translation>Place not recorded</translation>
    </message>
    <message>
      <source>输出机构未登记</source>
      <translation>export agency not recorded</translation>
    </message>
    <message>
      <source>村/安置点</source>
      <translation>Village/site</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>户主身份证号码</source>
      <translation>Head of household's ID number</translation>
    </message>
    <message>
      <source>户主姓名</source>
      <translation>Head of household's name</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <source>县（市、区）</source>
      <translation>County</translation>
    </message>
    <message>
      <source>乡镇（街道）</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>村（社区）</source>
      <translation>Village (community)</translation>
    </message>
    <message>
      <source>村民组</source>
      <translation>Village group</translation>
    </message>
    <message>
      <source>详细地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>户备注</source>
      <translation>Household notes</translation>
    </message>
    <message>
      <source>本月就业状态</source>
      <translation>Work status this month</translation>
    </message>
    <message>
      <source>务工开始日期</source>
      <translation>Job start date</translation>
    </message>
    <message>
      <source>社保缴纳月数</source>
      <translation>Months of social insurance paid</translation>
    </message>
    <message>
      <source>是否有组织劳务输出</source>
      <translation>Organised labour export</translation>
    </message>
    <message>
      <source>劳务输出机构</source>
      <translation>Labour export agency</translation>
    </message>
    <message>
      <source>社保卡账号</source>
      <translation>Social security card account</translation>
    </message>
    <message>
      <source>是否首次输出</source>
      <translation>First export</translation>
    </message>
    <message>
      <source>是否临工</source>
      <translation>Casual work</translation>
    </message>
    <message>
      <source>岗前培训天数</source>
      <translation>Pre-job training days</translation>
    </message>
    <message>
      <source>发现日期</source>
      <translation>Found on</translation>
    </message>
    <message>
      <source>登记日期</source>
      <translation>Registered on</translation>
    </message>
    <message>
      <source>培训类型</source>
      <translation>Kind of training</translation>
    </message>
    <message>
      <source>培训结果</source>
      <translation>Training result</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>是否入户走访</source>
      <translation>Home visit</translation>
    </message>
    <message>
      <source>走访对象</source>
      <translation>Person visited</translation>
    </message>
    <message>
      <source>情况记录</source>
      <translation>Record of the visit</translation>
    </message>
    <message>
      <source>当月收入</source>
      <translation>Income this month</translation>
    </message>
    <message>
      <source>新金额的执行日期</source>
      <translation>The day new figures apply from</translation>
    </message>
    <message>
      <source>执行日期前的金额</source>
      <translation>The figure before that day</translation>
    </message>
    <message>
      <source>执行日期前金额的文件</source>
      <translation>The document of the figure before that day</translation>
    </message>
    <message>
      <source>监测收入线的执行日期</source>
      <translation>The day the monitoring income line applies from</translation>
    </message>
    <message>
      <source>执行日期前的监测收入线</source>
      <translation>The monitoring income line before that day</translation>
    </message>
    <message>
      <source>执行日期前监测收入线的文件</source>
      <translation>The document of the income line before that day</translation>
    </message>
    <message>
      <source>要求的程序版本</source>
      <translation>The program version it requires</translation>
    </message>
    <message>
      <source>县里的就业状态用词表</source>
      <translation>The county's work status words</translation>
    </message>
    <message>
      <source>防止返贫监测收入线</source>
      <translation>Monitoring income line</translation>
    </message>
    <message>
      <source>补贴标准</source>
      <translation>Subsidy standard</translation>
    </message>
    <message>
      <source>享受次数</source>
      <translation>How often paid</translation>
    </message>
    <message>
      <source>资金来源不是政策规定的</source>
      <translation>The fund is not the one the policy names</translation>
    </message>
    <message>
      <source>打印或导出记录记的是范围外的人员、申领或地区</source>
      <translation>The print or export log names a person, claim or place outside the device's area</translation>
    </message>
    <message>
      <source>申领的人不对：姓名、身份证号码不是本人的，或这个人已从台账删除</source>
      <translation>The claim's person is wrong: the name or ID number is not theirs, or they were deleted from the ledger</translation>
    </message>
    <message>
      <source>已申领补贴的人改身份证号码</source>
      <translation>The ID number of someone claimed for changed</translation>
    </message>
    <message>
      <source>待迁入的户</source>
      <translation>Household to move into</translation>
    </message>
    <message>
      <source>把人迁入别处已有的户，须由那里接收</source>
      <translation>Moves a person into a household elsewhere, which must take them in</translation>
    </message>
    <message>
      <source>待对方村接收迁入时修改这个人</source>
      <translation>Changes a person while another village is asked to take them in</translation>
    </message>
    <message>
      <source>对方村</source>
      <translation>the other village</translation>
    </message>
    <message>
      <source>迁入</source>
      <translation>Moved in</translation>
    </message>
    <message>
      <source>撤回迁入</source>
      <translation>Take back the move</translation>
    </message>
    <message>
      <source>对方村未接收迁入</source>
      <translation>Not taken in by the other village</translation>
    </message>
    <message>
      <source>记录的标识已是另一类记录的</source>
      <translation>A record's id already names a record of another kind</translation>
    </message>
    <message>
      <source>申领</source>
      <translation>Claim</translation>
    </message>
    <message>
      <source>申领步骤</source>
      <translation>Claim step</translation>
    </message>
    <message>
      <source>人员</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>户</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>content</translation>
    </message>
    <message>
      <source>记录的内容</source>
      <translation>what the record holds</translation>
    </message>
    <message>
      <source>提出迁入的户台账上没有，或就在本机范围内</source>
      <translation>Offers a person to a household the ledger does not hold, or to one in this computer's own area</translation>
    </message>
    <message>
      <source>修改人已在本设备上停用</source>
      <translation>The change's author has been disabled on this device</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>空</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>另一户</source>
      <translation>another household</translation>
    </message>
    <message>
      <source>其他设备</source>
      <translation>another computer</translation>
    </message>
    <message>
      <source>记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>登记到台账</source>
      <translation>Entered in the ledger</translation>
    </message>
    <message>
      <source>新增%1</source>
      <translation>%1: added</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>删除%1</source>
      <translation>%1: deleted</translation>
    </message>
    <message>
      <source>修改%1</source>
      <translation>%1: changed</translation>
    </message>
    <message>
      <source>迁户：%1 → %2</source>
      <translation>Moved household: %1 → %2</translation>
    </message>
    <message>
      <source>%1：%2 → %3</source>
      <translation>%1: %2 → %3</translation>
    </message>
    <message>
      <source>%1·%2</source>
      <translation>%1 · %2</translation>
    </message>
    <message>
      <source>（原因：%1）</source>
      <translation> (reason: %1)</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>%1户（%2）</source>
      <translation>household of %1 (%2)</translation>
    </message>
    <message>
      <source>%1户</source>
      <translation>household of %1</translation>
    </message>
    <message>
      <source>无户主户（%1）</source>
      <translation>a household with no head (%1)</translation>
    </message>
    <message>
      <source>无户主户</source>
      <translation>a household with no head</translation>
    </message>
  </context>
  <context>
    <name>HouseholdDialog</name>
    <message>
      <source>户信息</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>易地搬迁户</source>
      <translation>Relocated household</translation>
    </message>
    <message>
      <source>脱贫户（含监测户）</source>
      <translation>Lifted-out-of-poverty household (incl. monitored)</translation>
    </message>
    <message>
      <source>所在区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>户编号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>户主</source>
      <translation>Head</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
  </context>
  <context>
    <name>HubAddress</name>
    <message>
      <source>请先填写中心地址</source>
      <translation>Fill in the hub's address first</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>导入预览</source>
      <translation>Import preview</translation>
    </message>
    <message>
      <source>将新增 %1 人（其他记录 %2 条），更新 %3 行，%4 行无变化；%5 行不能导入；%6 处冲突。</source>
      <translation>%1 new person(s) (%2 other record(s)), %3 row(s) updated, %4 unchanged; %5 row(s) cannot be imported; %6 conflict(s).</translation>
    </message>
    <message>
      <source>未识别的列（不导入）：</source>
      <translation>Unrecognised columns (not imported): </translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>改动</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>用表格的值</source>
      <translation>Use the sheet’s value</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>台账中的值</source>
      <translation>Value in the ledger</translation>
    </message>
    <message>
      <source>表格中的值</source>
      <translation>Value in the sheet</translation>
    </message>
    <message>
      <source>台账何时被谁修改</source>
      <translation>Changed in the ledger (when, by whom)</translation>
    </message>
    <message>
      <source>工作表</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>列</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>表格中写的</source>
      <translation>Written in the sheet</translation>
    </message>
    <message>
      <source>读作</source>
      <translation>Read as</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>冲突</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>不能导入的行</source>
      <translation>Rows not imported</translation>
    </message>
    <message>
      <source>按常用说法换算</source>
      <translation>Common words mapped</translation>
    </message>
    <message>
      <source>确认导入</source>
      <translation>Confirm import</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>就业状态中有 %1 个用词台账不认识：请在“就业状态用词”页逐个选择读作什么，整次导入都按所选读取，并写入导入结果；不选的，这些格所在的行不导入。</source>
      <translation>%1 word(s) in the employment status cells are not ones the ledger knows: on the “Status words” tab choose what each means; the whole import reads it so and its report says so. Rows of a word left unchosen are not imported.</translation>
    </message>
    <message>
      <source>按所选重新预览</source>
      <translation>Preview again as chosen</translation>
    </message>
    <message>
      <source>格数</source>
      <translation>Cells</translation>
    </message>
    <message>
      <source>在哪里（前几处）</source>
      <translation>Where (first few)</translation>
    </message>
    <message>
      <source>第 %1 行</source>
      <translation>row %1</translation>
    </message>
    <message>
      <source>（不选：这些行不导入）</source>
      <translation>(not chosen: these rows are not imported)</translation>
    </message>
    <message>
      <source>就业状态</source>
      <translation>Work status</translation>
    </message>
    <message>
      <source>按县里的用词表（%1）</source>
      <translation>As the county’s word list says (%1)</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>选中的都用表格中的值</source>
      <translation>Use the sheet’s value for the selected</translation>
    </message>
    <message>
      <source>选中的都保留台账原来的值</source>
      <translation>Keep the ledger’s value for the selected</translation>
    </message>
    <message>
      <source>全部选中</source>
      <translation>Select all</translation>
    </message>
    <message>
      <source>表格“%1”中的值</source>
      <translation>the value in the sheet “%1”</translation>
    </message>
    <message>
      <source>请先在列表中选中要处理的冲突（可按住 Shift 或 Ctrl 多选）</source>
      <translation>First select the conflicts in the list (hold Shift or Ctrl to select several)</translation>
    </message>
    <message>
      <source>选中的 %1 处冲突，都改用%2（覆盖台账里后来改过的值）？</source>
      <translation>Use %2 for the %1 selected conflicts (replacing the values changed in the ledger since)?</translation>
    </message>
    <message>
      <source>表格里的值</source>
      <translation>the sheet’s value</translation>
    </message>
    <message>
      <source>选中的 %1 处冲突，都改用%2（覆盖台账现有的值；表格没有可信的日期，不知道哪边是后来改的）？</source>
      <translation>Use %2 for the %1 selected conflicts (replacing the ledger’s current values; the sheet has no date to trust, so which side was changed later is not known)?</translation>
    </message>
    <message>
      <source>：</source>
      <translation>: </translation>
    </message>
    <message>
      <source>新增%1：</source>
      <translation>New %1: </translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(blank)</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>导入结果</source>
      <translation>Import result</translation>
    </message>
    <message>
      <source>工作表：</source>
      <translation>Sheet: </translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>未导入的行 (%1)</source>
      <translation>Rows not imported (%1)</translation>
    </message>
    <message>
      <source>提示 (%1)</source>
      <translation>Warnings (%1)</translation>
    </message>
    <message>
      <source>已导入 %1 人（新建 %2 户，并入已有 %3 户，新建地点 %4 个）；未导入 %5 行；更新 %6 行，其他记录 %7 条</source>
      <translation>Imported %1 person(s) (%2 new household(s), %3 joined existing ones, %4 new place(s)); %5 row(s) not imported; %6 row(s) updated, %7 other record(s)</translation>
    </message>
    <message>
      <source>未识别的列（未导入）：</source>
      <translation>Unrecognised columns (not imported): </translation>
    </message>
    <message>
      <source>冲突 %1 处保留了台账中的值</source>
      <translation>%1 conflict(s) kept the ledger’s value</translation>
    </message>
    <message>
      <source>保存为 Excel…</source>
      <translation>Save as Excel…</translation>
    </message>
    <message>
      <source>导入结果.xlsx</source>
      <translation>import-result.xlsx</translation>
    </message>
    <message>
      <source>工作表</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>这个表格是从演示台账导出的（人员都是虚构的）：本台账随之成为演示台账，不能登记到县里正式的汇总中心。正式工作请另建一个台账，导入村里真实的表格</source>
      <translation>This sheet was exported from a demo ledger (its people are made up): this ledger is now a demo ledger and cannot enrol with the county's real hub. For real work, create another ledger and import the village's real sheet</translation>
    </message>
    <message>
      <source>就业状态“%1”按您的选择读作“%2”：%3 格</source>
      <translation>Employment status “%1” read as “%2”, as you chose: %3 cell(s)</translation>
    </message>
    <message>
      <source>就业状态“%1”按县里的用词表（%4）读作“%2”：%3 格</source>
      <translation>Employment status “%1” read as “%2”, as the county’s word list says (%4): %3 cell(s)</translation>
    </message>
    <message>
      <source>文件属性“台账导出时间”</source>
      <translation>the file property “台账导出时间” (export time)</translation>
    </message>
    <message>
      <source>标题行</source>
      <translation>the title row</translation>
    </message>
    <message>
      <source>其中 %1 处在预览之后台账或表格中的值又被修改过，没有按您的选择改用表格中的值，请重新核对</source>
      <translation>Of these, %1 were changed again in the ledger or in the sheet after the preview: the sheet’s value was not used as you chose; please check them again</translation>
    </message>
    <message>
      <source>表格的日期（%1）为 %2，晚于本次导入的时间 %3，不可信：本次按没有日期的表格更新，表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值</source>
      <translation>The sheet's date (%1) is %2, later than the time of this import, %3, and cannot be trusted: this update treats the sheet as undated. Every cell that differs from the ledger is listed as a conflict and the ledger's value is kept for now; check them in the conflicts list: decide one by one, or select several and take the sheet's value (or keep the ledger's) for all of them at once</translation>
    </message>
    <message>
      <source>表格的日期（%1）“%2”不是有效的日期：本次按没有日期的表格更新，表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值</source>
      <translation>The sheet's date (%1), “%2”, is not a valid date: this update treats the sheet as undated. Every cell that differs from the ledger is listed as a conflict and the ledger's value is kept for now; check them in the conflicts list: decide one by one, or select several and take the sheet's value (or keep the ledger's) for all of them at once</translation>
    </message>
    <message>
      <source>表格中没有它的导出时间（文件属性“台账导出时间”，或标题行中的导出时间、截至日期），本机的导出记录中也没有这个文件：本次按没有日期的表格更新，表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值</source>
      <translation>The sheet has no export time of its own (the file property “台账导出时间”, or an export time or “截至” date in the title row), and this computer's export log does not know the file: this update treats the sheet as undated. Every cell that differs from the ledger is listed as a conflict and the ledger's value is kept for now; check them in the conflicts list: decide one by one, or select several and take the sheet's value (or keep the ledger's) for all of them at once</translation>
    </message>
    <message>
      <source>表格的日期（%1）为 %2，早于2000年，不可信：本次按没有日期的表格更新，表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值</source>
      <translation>The sheet's date (%1) is %2, before the year 2000, and cannot be trusted: this update treats the sheet as undated. Every cell that differs from the ledger is listed as a conflict and the ledger's value is kept for now; check them in the conflicts list: decide one by one, or select several and take the sheet's value (or keep the ledger's) for all of them at once</translation>
    </message>
    <message>
      <source>这 %1 处冲突已记下，之后可在“同步”页的冲突审核中决定（逐处，或选中多处一并决定）</source>
      <translation>These %1 conflicts were kept: decide them later in the conflict review of the Sync page (one by one, or several selected at once)</translation>
    </message>
    <message>
      <source>保存导入结果（含个人信息，请妥善保管）</source>
      <translation>Save the import result (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>已保存到 %1（含个人信息，请妥善保管）</source>
      <translation>Saved to %1 (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>导出时记录的时间</source>
      <translation>the time recorded when it was exported</translation>
    </message>
    <message>
      <source>本机导出这个文件的时间（导出记录）</source>
      <translation>when this device exported the file (export log)</translation>
    </message>
    <message>
      <source>表中的“%1”</source>
      <translation>“%1” in the sheet</translation>
    </message>
    <message>
      <source>表格日期：%1（%2）</source>
      <translation>Sheet date: %1 (%2)</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>KeepsInput</name>
    <message>
      <source>放弃修改？</source>
      <translation>Discard changes?</translation>
    </message>
    <message>
      <source>还有没保存的修改。放弃这些修改吗？</source>
      <translation>There are unsaved changes. Discard them?</translation>
    </message>
  </context>
  <context>
    <name>LedgerModel</name>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>与户主关系</source>
      <translation>Relation to head</translation>
    </message>
    <message>
      <source>劳动能力</source>
      <translation>Labour ability</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>户编号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>年龄</source>
      <translation>Age</translation>
    </message>
    <message>
      <source>弱/半劳动力</source>
      <translation>Weak/partial labour</translation>
    </message>
    <message>
      <source>（已删除）</source>
      <translation>(deleted)</translation>
    </message>
  </context>
  <context>
    <name>LedgerPage</name>
    <message>
      <source>查找：姓名、拼音首字母、身份证号或电话 (Ctrl+F)</source>
      <translation>Find: name, pinyin initials, ID number or phone (Ctrl+F)</translation>
    </message>
    <message>
      <source>全部区域</source>
      <translation>All areas</translation>
    </message>
    <message>
      <source>全部类别</source>
      <translation>All categories</translation>
    </message>
    <message>
      <source>全部就业状态</source>
      <translation>Any work status</translation>
    </message>
    <message>
      <source>本月未更新</source>
      <translation>Not updated this month</translation>
    </message>
    <message>
      <source>账号待核实</source>
      <translation>Account to check</translation>
    </message>
    <message>
      <source>就业状态所属月份</source>
      <translation>Month of the work status</translation>
    </message>
    <message>
      <source>新增人员(&amp;A)</source>
      <translation>&amp;Add person</translation>
    </message>
    <message>
      <source>导入 Excel…</source>
      <translation>Import Excel…</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>导入模板…</source>
      <translation>Import template…</translation>
    </message>
    <message numerus="yes">
      <source>显示前 %n 人：请多输入几个字缩小范围</source>
      <translation>
        <numerusform>Showing the first %n person: type more to narrow the search</numerusform>
        <numerusform>Showing the first %n persons: type more to narrow the search</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>找到 %n 人</source>
      <translation>
        <numerusform>%n person found</numerusform>
        <numerusform>%n persons found</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>共 %n 人</source>
      <translation>
        <numerusform>%n person</numerusform>
        <numerusform>%n persons</numerusform>
      </translation>
    </message>
    <message>
      <source>导入台账表格</source>
      <translation>Import a ledger spreadsheet</translation>
    </message>
    <message>
      <source>正在导入……</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>劳动力台账.xlsx</source>
      <translation>labour-ledger.xlsx</translation>
    </message>
    <message>
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <source>正在导出……</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>已导出 %1 人 → </source>
      <translation>Exported %1 persons → </translation>
    </message>
    <message>
      <source>保存导入模板</source>
      <translation>Save import template</translation>
    </message>
    <message>
      <source>台账导入模板.xlsx</source>
      <translation>ledger-import-template.xlsx</translation>
    </message>
    <message>
      <source>正在读取表格，生成预览……</source>
      <translation>Reading the sheet and preparing the preview…</translation>
    </message>
    <message>
      <source>导出台账（含个人信息，请妥善保管）</source>
      <translation>Export ledger (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>（含个人信息，请妥善保管）</source>
      <translation> (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>已删除人员…</source>
      <translation>Deleted persons…</translation>
    </message>
    <message>
      <source>正在列出全部人员……</source>
      <translation>Listing everyone…</translation>
    </message>
    <message>
      <source>表格文件 (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv *.txt);;所有文件 (*)</source>
      <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
  </context>
  <context>
    <name>LockDialog</name>
    <message>
      <source>已锁定</source>
      <translation>Locked</translation>
    </message>
    <message>
      <source>较长时间无人操作，台账已锁定。请输入口令继续（也可换一位用户登录）。</source>
      <translation>The ledger locked after a while without use. Type your password to go on (or log in as another user).</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>口令</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>解锁</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>用户名或口令不对</source>
      <translation>Wrong user name or password</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>劳动力台账 — 登录</source>
      <translation>Labour ledger — log in</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>台账</source>
      <translation>Ledger</translation>
    </message>
    <message>
      <source>口令</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>再输入一次</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>这个台账还没有设置口令。请设置第一个用户和口令：台账文件随即加密保存，此后打开台账都要输入口令。请记住口令；台账登记到县里以后，忘记口令可由县里重置。</source>
      <translation>This ledger has no password yet. Set its first user and password: the ledger file is then saved encrypted and asks for the password whenever it opens. Remember the password; once the ledger is enrolled at the county, the county can reset a forgotten one.</translation>
    </message>
    <message>
      <source>请输入您的用户名和口令。</source>
      <translation>Type your user name and password.</translation>
    </message>
    <message>
      <source>设置并打开</source>
      <translation>Set and open</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <source>忘记口令（县里重置）…</source>
      <translation>Forgot password (county reset)…</translation>
    </message>
    <message>
      <source>请填写用户名</source>
      <translation>Please fill in the user name</translation>
    </message>
    <message>
      <source>正在加密台账……</source>
      <translation>Encrypting the ledger…</translation>
    </message>
    <message>
      <source>正在核对口令……</source>
      <translation>Checking the password…</translation>
    </message>
    <message>
      <source>口令已由县里重置，请用新口令登录</source>
      <translation>The county reset the password: log in with the new one</translation>
    </message>
    <message>
      <source> 等 %1 个</source>
      <translation> and others, %1 in all</translation>
    </message>
    <message>
      <source>旧备份没有加密</source>
      <translation>Old backups are not encrypted</translation>
    </message>
    <message>
      <source>台账已加密。但它旁边还有此前版本做的 %1 个备份没有加密（%2，在 %3）：拿到它们的人不用口令就能看到全部人员的身份证号、银行账号，还有本机同步用的密钥。

请用“设置 → 数据与备份 → 立即备份…”做一个加密的新备份，确认无误后删除这些旧备份（或把它们锁好保管）。</source>
      <translation>The ledger is now encrypted. But beside it are %1 backups made by the earlier version that are not encrypted (%2, in %3): whoever gets them can read every person's ID number and bank account, and this device's sync keys, without any password.

Make a new, encrypted backup with Settings → Data and backups → Back up now…, check it, then delete these old backups (or lock them away).</translation>
    </message>
    <message>
      <source>你的口令是县里重置的，县里经办的同志知道它。请现在设一个只有你自己知道的新口令（取消则下次登录时再问）。</source>
      <translation>Your password was reset by the county, and the county clerk who set it knows it. Please set a new password only you know now (Cancel: you will be asked again at the next login).</translation>
    </message>
    <message>
      <source>没有修改口令</source>
      <translation>Password not changed</translation>
    </message>
    <message>
      <source>你的口令是%1设的，设的人知道它。请现在设一个只有你自己知道的新口令（取消则下次登录时再问）。</source>
      <translation>Your password was set by %1, who knows it. Please set a new password only you know now (Cancel: you will be asked again at the next login).</translation>
    </message>
    <message>
      <source>已取消：台账还没有加密，没有任何改动。下次登录时会再加密（台账大，要等一会儿，请在空闲时登录）；加密之前，拿到这台电脑的人不用口令就能看到台账里的身份证号、银行账号。</source>
      <translation>Cancelled: the ledger is not encrypted yet and nothing was changed. It will be encrypted at the next login (a large ledger takes a while: log in when you have time); until then, anyone with this computer can read the ID numbers and bank accounts in it without a password.</translation>
    </message>
    <message>
      <source>这个文件不能作为台账打开：</source>
      <translation>This file cannot be opened as a ledger:</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>台账</source>
      <translation>Ledger</translation>
    </message>
    <message>
      <source>走访</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>待办</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>补贴</source>
      <translation>Subsidies</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>同步</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>报表</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>劳动力台账</source>
      <translation>Labour ledger</translation>
    </message>
    <message>
      <source>设备：</source>
      <translation>Device: </translation>
    </message>
    <message>
      <source>使用人：</source>
      <translation>User: </translation>
    </message>
    <message>
      <source>已从备份恢复；恢复前的台账保存在 </source>
      <translation>Restored from the backup; the ledger as it was is kept at </translation>
    </message>
    <message>
      <source>有未保存的内容</source>
      <translation>Unsaved input</translation>
    </message>
    <message>
      <source>有填写了但还没保存的内容。放弃这些内容吗？</source>
      <translation>Some input has not been saved. Discard it?</translation>
    </message>
    <message>
      <source>正在处理</source>
      <translation>Still working</translation>
    </message>
    <message>
      <source>请稍候</source>
      <translation>Please wait</translation>
    </message>
    <message>
      <source>还有导入、导出或同步在进行，请等它完成后再切换语言。</source>
      <translation>An import, export or exchange is still running; switch the language when it has finished.</translation>
    </message>
    <message>
      <source>台账已换用新钥匙</source>
      <translation>The ledger now uses a new key</translation>
    </message>
    <message>
      <source>台账钥匙没有更换</source>
      <translation>The ledger key was not changed</translation>
    </message>
    <message>
      <source>演示台账</source>
      <translation>Demo ledger</translation>
    </message>
    <message>
      <source>演示台账：这里的人员都是虚构的，只用于熟悉软件和培训；不会报送县里，打印的每页都印有“演示台账”。正式工作请在“设置”中打开正式台账。</source>
      <translation>Demo ledger: everyone here is fictitious, for learning and training only; nothing is sent to the county, and every printed page says “Demo ledger”. For real work open the real ledger under Settings.</translation>
    </message>
    <message>
      <source>按月更新</source>
      <translation>Monthly update</translation>
    </message>
    <message>
      <source>户</source>
      <translation> household</translation>
    </message>
    <message>
      <source>户级责任</source>
      <translation>Household duties</translation>
    </message>
    <message>
      <source>一库五册</source>
      <translation>Five rosters</translation>
    </message>
    <message>
      <source>正在从备份恢复台账，请稍候（不能中途停止）…</source>
      <translation>Restoring the ledger from the backup; please wait (this cannot be stopped halfway)…</translation>
    </message>
    <message>
      <source>已锁定</source>
      <translation>Locked</translation>
    </message>
    <message>
      <source>村/安置点专员</source>
      <translation>Village/site coordinator</translation>
    </message>
    <message>
      <source>乡镇</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>县级</source>
      <translation>County</translation>
    </message>
    <message>
      <source>注意：%1 条记录有本机程序没有的选项，没有显示在列表和统计中（%2）。多半是本机的程序比中心旧，请升级本机的程序；这些记录仍在台账中，没有丢失</source>
      <translation>Note: %1 record(s) with a choice this program lacks are not shown in lists or figures (%2): this computer's program is likely older than the hub's, please upgrade it; the records are kept in the ledger</translation>
    </message>
    <message>
      <source>注意：%1 条记录的数据不合格，没有显示在列表和统计中（%2）。这些记录仍在台账中，请县里更正</source>
      <translation>Note: %1 record(s) with invalid data are not shown in lists or figures (%2); they are kept in the ledger, please ask the county to correct them</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>申领</source>
      <translation>Claims</translation>
    </message>
    <message>
      <source>申领步骤</source>
      <translation>Claim steps</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>Batch</translation>
    </message>
    <message>
      <source>人员</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>户信息</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>人员类别</source>
      <translation>Categories</translation>
    </message>
    <message>
      <source>就业经历</source>
      <translation>Employment</translation>
    </message>
    <message>
      <source>失业登记</source>
      <translation>Unemployment registration</translation>
    </message>
    <message>
      <source>服务记录</source>
      <translation>Services</translation>
    </message>
    <message>
      <source>走访记录</source>
      <translation>Visit records</translation>
    </message>
    <message>
      <source>月度状态</source>
      <translation>Monthly status</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>其他记录</source>
      <translation>Other records</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>还有任务在进行。取消任务并关闭吗？（选“否”等它完成）</source>
      <translation>A task is still running. Cancel it and close? (No waits for it to finish)</translation>
    </message>
    <message>
      <source>正在用新钥匙重新加密台账，请稍候…</source>
      <translation>Re-encrypting the ledger with a new key; please wait…</translation>
    </message>
    <message>
      <source>钥匙没有更换</source>
      <translation>Key not changed</translation>
    </message>
    <message>
      <source>用户已停用。</source>
      <translation>The user is disabled.</translation>
    </message>
    <message>
      <source>已取消，台账还用原来的钥匙，内容没有改动。停用的人用口令已打不开这台电脑上的台账。</source>
      <translation>Cancelled; the ledger keeps its old key and its contents are unchanged. The disabled person's password no longer opens the ledger on this computer.</translation>
    </message>
    <message>
      <source>但如果此人在停用前拷走过台账的钥匙文件，凭旧口令仍能打开台账：空闲时请到“设置 → 用户与口令”，选中这个人，再点一次“停用所选用户”，把钥匙换掉。</source>
      <translation> But if they copied the ledger's key file before, their old password still opens it: when you have time, go to Settings → Users and passwords, select them and click “Disable selected user” again to change the key.</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>用户 %1 已被停用，台账已锁定。请本台账的其他用户输入口令继续。</source>
      <translation>User %1 has been disabled, and the ledger is locked. Another user of this ledger can type their password to go on.</translation>
    </message>
    <message>
      <source>恢复后的用户与口令</source>
      <translation>Users and passwords after the restore</translation>
    </message>
    <message>
      <source>已从备份恢复，%1；恢复前的台账保存在 %2</source>
      <translation>Restored from the backup. %1. The ledger as it was is kept at %2</translation>
    </message>
  </context>
  <context>
    <name>MonthlyPage</name>
    <message>
      <source>请选择村、组或安置点</source>
      <translation>Choose a village, group or relocation site</translation>
    </message>
    <message>
      <source>只看还没保存的</source>
      <translation>Only those not saved yet</translation>
    </message>
    <message>
      <source>保存全部 (Ctrl+S)</source>
      <translation>Save all (Ctrl+S)</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>只看本户：</source>
      <translation>Only the household: </translation>
    </message>
    <message>
      <source>有未保存的修改</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <source>本页有 %1 人的修改还没保存。放弃这些修改吗？</source>
      <translation>Changes for %1 person(s) are not saved. Discard them?</translation>
    </message>
    <message>
      <source>这里没有劳动年龄内有劳动能力的人员</source>
      <translation>No one of working age with labour ability here</translation>
    </message>
    <message>
      <source>%1：共 %2 人，本月已保存 %3 人，按上月预填 %4 人（保存后生效），待填 %5 人；</source>
      <translation>%1: %2 person(s), %3 saved this month, %4 taken from last month (saved with Save all), %5 to enter; </translation>
    </message>
    <message>
      <source>修改 %1 人未保存</source>
      <translation>%1 changed and not saved</translation>
    </message>
    <message>
      <source>没有需要保存的修改</source>
      <translation>Nothing to save</translation>
    </message>
    <message>
      <source>已把 %1 人的%2就业状态保存到本台账</source>
      <translation>Saved the %2 work status of %1 person(s) in this ledger</translation>
    </message>
    <message>
      <source>；其中 %1 人不在本机负责的区域，只能查看</source>
      <translation>; %1 of them are outside this device's area and can only be viewed</translation>
    </message>
    <message>
      <source>本月状态按上月预填（灰色斜体）；在“本月状态”列按 1 已就业、2 未就业、3 在校、4 无需就业，按后自动到下一行（可先选中多行一起设）；回车不改这一行，到下一行；改完点“保存全部”。</source>
      <translation>This month starts as last month (grey italics). In “This month” press 1 employed, 2 not employed, 3 in school, 4 not applicable: the key moves to the next row by itself (or select several rows first); Enter leaves a row as it is and goes down; then “Save all”.</translation>
    </message>
  </context>
  <context>
    <name>MoveDialog</name>
    <message>
      <source>迁到别户：</source>
      <translation>Move to another household: </translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>迁入已有的户</source>
      <translation>Into an existing household</translation>
    </message>
    <message>
      <source>新立一户（本人为户主）</source>
      <translation>Into a new household (as its head)</translation>
    </message>
    <message>
      <source>输入对方户里任一人的姓名、拼音首字母或身份证号</source>
      <translation>Name, pinyin initials or ID number of anyone in that household</translation>
    </message>
    <message>
      <source>尚未选择迁入的户</source>
      <translation>No household chosen yet</translation>
    </message>
    <message>
      <source>迁户</source>
      <translation>Move</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>找户</source>
      <translation>Find household</translation>
    </message>
    <message>
      <source>与新户主关系</source>
      <translation>Relation to the new head</translation>
    </message>
    <message>
      <source>新户所在地</source>
      <translation>Place of the new household</translation>
    </message>
    <message>
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>迁入：</source>
      <translation>Into: </translation>
    </message>
    <message>
      <source>请先找到并选中要迁入的户</source>
      <translation>Find and select the household to move into first</translation>
    </message>
    <message>
      <source>这次没有迁户，选好的和写下的都还在：把日期改对后再点一次“迁户”即可。</source>
      <translation>The person was not moved; what you chose and typed is still there. Set the right date, then click Move again.</translation>
    </message>
    <message>
      <source>%1所在的户（%2）</source>
      <translation>%1’s household (%2)</translation>
    </message>
    <message>
      <source>。这是别村的户：点“迁户”只提出迁入，待对方村接收后才迁过去</source>
      <translation>. This is another village's household: “Move” only offers the move, which happens once that village takes them in</translation>
    </message>
  </context>
  <context>
    <name>MoveOffers</name>
    <message>
      <source>待接收的迁入人员（别村提出迁入本村的户）</source>
      <translation>People offered to move in (another village asks to move them into a household here)</translation>
    </message>
    <message>
      <source>接收</source>
      <translation>Take in</translation>
    </message>
    <message>
      <source>不接收</source>
      <translation>Do not take in</translation>
    </message>
    <message>
      <source>%1户</source>
      <translation>%1’s household</translation>
    </message>
    <message>
      <source>一户</source>
      <translation>a household</translation>
    </message>
    <message>
      <source>，原因：%1</source>
      <translation>, reason: %1</translation>
    </message>
    <message>
      <source>没有接收%1：仍留在原来的村</source>
      <translation>%1 not taken in: they stay in their own village</translation>
    </message>
    <message>
      <source>别村</source>
      <translation>another village</translation>
    </message>
    <message>
      <source>%1（%2%3）</source>
      <translation>%1 (%2%3)</translation>
    </message>
    <message>
      <source>%1（身份证号 %2）来自%3，申请迁入%4</source>
      <translation>%1 (ID number %2) from %3 is offered to move into %4</translation>
    </message>
    <message>
      <source>已接收%1迁入本村：请在人员信息里核对账号等信息</source>
      <translation>%1 was taken in: check their account and other details in the person's page</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>来自</source>
      <translation>From</translation>
    </message>
    <message>
      <source>迁入的户</source>
      <translation>Into household</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>社保卡/银行账号</source>
      <translation>Social security card / bank account</translation>
    </message>
  </context>
  <context>
    <name>NewPasswordDialog</name>
    <message>
      <source>设置口令</source>
      <translation>Set password</translation>
    </message>
    <message>
      <source>为 %1 设置新口令。</source>
      <translation>Set a new password for %1.</translation>
    </message>
    <message>
      <source>新口令</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>再输入一次</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>新口令：</source>
      <translation>New password: </translation>
    </message>
    <message>
      <source>“再输入一次”与新口令不一致：新口令已保留，请在“再输入一次”中重新输入</source>
      <translation>“Repeat” differs from the new password: the new password is kept, type it again in “Repeat”</translation>
    </message>
    <message>
      <source>口令：</source>
      <translation>Password: </translation>
    </message>
    <message>
      <source>“再输入一次”与口令不一致：口令已保留，请在“再输入一次”中重新输入</source>
      <translation>“Repeat” differs from the password: the password is kept, type it again in “Repeat”</translation>
    </message>
  </context>
  <context>
    <name>OperationPanel</name>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message>
      <source>请稍候</source>
      <translation>Please wait</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>正在保存，请稍候…</source>
      <translation>Saving, please wait…</translation>
    </message>
    <message>
      <source>正在关闭</source>
      <translation>Closing</translation>
    </message>
  </context>
  <context>
    <name>OptionalNumber</name>
    <message>
      <source>（有误：不是数值）</source>
      <translation>(wrong: not a number)</translation>
    </message>
    <message>
      <source>（有误：%1）</source>
      <translation>(wrong: %1)</translation>
    </message>
  </context>
  <context>
    <name>Papers</name>
    <message>
      <source>正在生成 PDF……</source>
      <translation>Making the PDF…</translation>
    </message>
    <message>
      <source>已保存到 %1（共 %2 页，校验码 %3）</source>
      <translation>Saved to %1 (%2 page(s), check code %3)</translation>
    </message>
    <message>
      <source>已送打印机 %1（共 %2 页，校验码 %3），已记入打印记录</source>
      <translation>Sent to printer %1 (%2 page(s), check code %3); recorded in the print log</translation>
    </message>
    <message>
      <source>%1。%2</source>
      <translation>%1. %2</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <source>预览：</source>
      <translation>Preview: </translation>
    </message>
    <message numerus="yes">
      <source>共 %n 页</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message>
      <source>打印(&amp;P)…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>另存为 PDF(&amp;S)…</source>
      <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>无法开始打印，请检查打印机</source>
      <translation>Could not start printing; please check the printer</translation>
    </message>
    <message>
      <source>另存为 PDF（含个人信息，请妥善保管）</source>
      <translation>Save as PDF (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>适合宽度</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <source>整页</source>
      <translation>Whole page</translation>
    </message>
    <message>
      <source>缩小 (Ctrl+-)</source>
      <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
      <source>放大 (Ctrl+=)</source>
      <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
      <source>上一页</source>
      <translation>Previous page</translation>
    </message>
    <message>
      <source>下一页</source>
      <translation>Next page</translation>
    </message>
    <message>
      <source>第 </source>
      <translation>Page </translation>
    </message>
    <message>
      <source> 页</source>
      <translation> </translation>
    </message>
    <message>
      <source>含个人信息，请妥善保管</source>
      <translation>Contains personal data: keep it safe</translation>
    </message>
  </context>
  <context>
    <name>PersonEditor</name>
    <message>
      <source>编辑人员</source>
      <translation>Edit person</translation>
    </message>
    <message>
      <source>新增人员</source>
      <translation>New person</translation>
    </message>
    <message>
      <source>18 位身份证号码</source>
      <translation>18-character ID number</translation>
    </message>
    <message>
      <source>无</source>
      <translation>None</translation>
    </message>
    <message>
      <source>未登记</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <source> 月</source>
      <translation />
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>与户主关系</source>
      <translation>Relation to head</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>劳动能力</source>
      <translation>Labour ability</translation>
    </message>
    <message>
      <source>健康状况</source>
      <translation>Health</translation>
    </message>
    <message>
      <source>文化程度</source>
      <translation>Education</translation>
    </message>
    <message>
      <source>毕业年份</source>
      <translation>Graduation year</translation>
    </message>
    <message>
      <source>离校月份</source>
      <translation>Month left school</translation>
    </message>
    <message>
      <source>开户银行</source>
      <translation>Bank</translation>
    </message>
    <message>
      <source>社保卡/银行账号</source>
      <translation>Social security card / bank account</translation>
    </message>
    <message>
      <source>户籍地代码</source>
      <translation>Residence code</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>人员类别</source>
      <translation>Categories</translation>
    </message>
    <message>
      <source>新建一户</source>
      <translation>New household</translation>
    </message>
    <message>
      <source>所在区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>户编号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>打开已有人员</source>
      <translation>Open existing person</translation>
    </message>
    <message>
      <source>请填写姓名</source>
      <translation>Please enter the name</translation>
    </message>
    <message>
      <source>请填写身份证号码</source>
      <translation>Please enter the ID number</translation>
    </message>
    <message>
      <source>请选择所在区域（新建一户需要区域）</source>
      <translation>Choose an area (a new household needs one)</translation>
    </message>
    <message>
      <source>请确认</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <source>放弃修改？</source>
      <translation>Discard changes?</translation>
    </message>
    <message>
      <source>还有没保存的修改。放弃这些修改吗？</source>
      <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message>
      <source>户籍所在地区划代码（6、9 或 12 位数字）</source>
      <translation>6, 9 or 12 digits</translation>
    </message>
    <message>
      <source>户籍地区划代码“%1”应为 6、9 或 12 位数字</source>
      <translation>Residence code “%1” should be 6, 9 or 12 digits</translation>
    </message>
    <message>
      <source>出生日期 %1</source>
      <translation>born %1</translation>
    </message>
    <message>
      <source>毕业年份“%1”不对：请填 4 位年份（1950 至 %2 年）</source>
      <translation>Graduation year “%1” is wrong: type a 4-digit year (1950 to %2)</translation>
    </message>
    <message>
      <source>不认识这个区划代码，请核对</source>
      <translation>Not a division code this program knows: please check it</translation>
    </message>
    <message>
      <source>存的是%1，本程序读不了，请选一项</source>
      <translation>stored as %1, which this program cannot read: choose one</translation>
    </message>
    <message>
      <source>“%1”存的是%2，本程序读不了：请在“%1”中选一项后再保存</source>
      <translation>“%1” is stored as %2, which this program cannot read: choose one in “%1”, then save</translation>
    </message>
    <message>
      <source>已保存，请核对</source>
      <translation>Saved: please check</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>注意：%1</source>
      <translation>Warning: %1</translation>
    </message>
    <message>
      <source>注意</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>有误</source>
      <translation>Not valid</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(blank)</translation>
    </message>
  </context>
  <context>
    <name>PersonMoves</name>
    <message>
      <source>写明原因</source>
      <translation>Give the reason</translation>
    </message>
  </context>
  <context>
    <name>PersonPanel</name>
    <message>
      <source>在左侧选择一个人员</source>
      <translation>Select a person on the left</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>新增家庭成员</source>
      <translation>Add household member</translation>
    </message>
    <message>
      <source>删除…</source>
      <translation>Delete…</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>与户主关系</source>
      <translation>Relation to head</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <source>出生日期</source>
      <translation>Birth date</translation>
    </message>
    <message>
      <source>劳动能力</source>
      <translation>Labour ability</translation>
    </message>
    <message>
      <source>编辑户信息</source>
      <translation>Edit household</translation>
    </message>
    <message>
      <source>结束</source>
      <translation>End</translation>
    </message>
    <message>
      <source>形式</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>务工地</source>
      <translation>Workplace</translation>
    </message>
    <message>
      <source>用人单位</source>
      <translation>Employer</translation>
    </message>
    <message>
      <source>月收入</source>
      <translation>Monthly income</translation>
    </message>
    <message>
      <source>新增就业经历</source>
      <translation>Add employment</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>发现日期</source>
      <translation>Found on</translation>
    </message>
    <message>
      <source>登记日期</source>
      <translation>Registered on</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>当前等级</source>
      <translation>Current level</translation>
    </message>
    <message>
      <source>失业登记</source>
      <translation>Unemployment registration</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>服务</source>
      <translation>Service</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>修改人</source>
      <translation>Changed by</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Device</translation>
    </message>
    <message>
      <source>基本信息</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>家庭成员</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>修改记录</source>
      <translation>History</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>性别 / 出生</source>
      <translation>Sex / born</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>健康状况</source>
      <translation>Health</translation>
    </message>
    <message>
      <source>文化程度</source>
      <translation>Education</translation>
    </message>
    <message>
      <source>人员类别</source>
      <translation>Categories</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>最后修改</source>
      <translation>Last changed</translation>
    </message>
    <message>
      <source>迁到别户…</source>
      <translation>Move to another household…</translation>
    </message>
    <message>
      <source>记录走访</source>
      <translation>Record a visit</translation>
    </message>
    <message>
      <source>本户本月状态</source>
      <translation>Household's month</translation>
    </message>
    <message>
      <source>补贴…</source>
      <translation>Subsidies…</translation>
    </message>
    <message>
      <source>修改内容</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>本月状态</source>
      <translation>This month</translation>
    </message>
    <message>
      <source>：未更新</source>
      <translation>: not entered</translation>
    </message>
    <message>
      <source>户</source>
      <translation> household</translation>
    </message>
    <message>
      <source>务工证明</source>
      <translation>Work certificate</translation>
    </message>
    <message>
      <source>务工证明（临时务工）</source>
      <translation>Work certificate (casual work)</translation>
    </message>
    <message>
      <source>申请表：</source>
      <translation>Application form: </translation>
    </message>
    <message>
      <source>（%1 岁）</source>
      <translation> (aged %1)</translation>
    </message>
    <message>
      <source> %1 元</source>
      <translation> %1 yuan</translation>
    </message>
    <message>
      <source>至今</source>
      <translation>now</translation>
    </message>
    <message>
      <source>请先在列表里选一条就业经历</source>
      <translation>Choose a job in the list first</translation>
    </message>
    <message>
      <source>请先在列表里选一条失业登记</source>
      <translation>Choose a registration in the list first</translation>
    </message>
    <message>
      <source>只能查看和打印：</source>
      <translation>View and print only: </translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>这个人的记录有本机程序没有的选项（%1），无法显示。多半是本机的程序比中心旧，请升级本机的程序；这条记录仍在台账中，没有丢失</source>
      <translation>This person's record holds a choice this program lacks (%1) and cannot be shown. This computer's program is likely older than the hub's: please upgrade it. The record is kept in the ledger</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>“%1”（%2 起）这条就业经历</source>
      <translation>the job “%1” (since %2)</translation>
    </message>
    <message>
      <source>请先在列表里选一条服务记录</source>
      <translation>Choose a service in the list first</translation>
    </message>
    <message>
      <source>删除%1吗？只删除录错的记录；删除会记入修改记录。</source>
      <translation>Delete %1? Delete only a record entered by mistake; the deletion is recorded in the history.</translation>
    </message>
    <message>
      <source>走访人</source>
      <translation>Visited by</translation>
    </message>
    <message>
      <source>请先在列表里选一条走访记录</source>
      <translation>Choose a visit in the list first</translation>
    </message>
    <message>
      <source>就业</source>
      <translation>Jobs</translation>
    </message>
    <message>
      <source>失业</source>
      <translation>Jobless</translation>
    </message>
    <message>
      <source>走访</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>走访对象</source>
      <translation>Visited</translation>
    </message>
    <message>
      <source>全户</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>本人</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>。搬走一经同步确认，此后的变化本机不再收到。</source>
      <translation>. Once a sync has confirmed the move, later changes no longer reach this device.</translation>
    </message>
    <message>
      <source>%1～%2</source>
      <translation>%1 – %2</translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>这个人的记录中有本程序读不了的值（%1），无法显示。请在左侧列表中双击这个人打开，改正这一项后保存；这个人仍在台账中，没有丢失，不要重新录入</source>
      <translation>This person's record holds a value this program cannot read (%1) and cannot be shown. Double-click the person in the list on the left, correct that field and save; the person is kept in the ledger, do not enter them again</translation>
    </message>
    <message>
      <source>%1的这条失业登记</source>
      <translation>the unemployment registration of %1</translation>
    </message>
    <message>
      <source>%1的“%2”这条服务记录</source>
      <translation>the service “%2” of %1</translation>
    </message>
    <message>
      <source>%1这次对全户的走访（和这次走访登记的服务：%2）</source>
      <translation>the visit of %1 to the whole household (and the services recorded on it: %2)</translation>
    </message>
    <message>
      <source>%1这次对全户的走访</source>
      <translation>the visit of %1 to the whole household</translation>
    </message>
    <message>
      <source>%1的这次走访（和这次走访登记的服务：%2）</source>
      <translation>the visit of %1 (and the services recorded on it: %2)</translation>
    </message>
    <message>
      <source>%1的这次走访</source>
      <translation>the visit of %1</translation>
    </message>
    <message>
      <source>这条没有日期的失业登记</source>
      <translation>the unemployment registration with no date</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>待迁入</source>
      <translation>Moving in to</translation>
    </message>
    <message>
      <source>%1的户，待对方村接收</source>
      <translation>a household of %1, waiting for that village to take them in</translation>
    </message>
    <message>
      <source>撤回迁入</source>
      <translation>Take back the move</translation>
    </message>
    <message>
      <source>不再迁入对方村的户：此人仍留在本户</source>
      <translation>No longer move into the other village's household: this person stays in this one</translation>
    </message>
    <message>
      <source>已提出迁入别村的户，待对方接收：请先撤回迁入再修改</source>
      <translation>Offered to a household of another village, waiting for it to take them in: withdraw the offer first, then make the change</translation>
    </message>
  </context>
  <context>
    <name>PersonPicker</name>
    <message>
      <source>尚未选择人员</source>
      <translation>No one chosen yet</translation>
    </message>
    <message>
      <source>已选：</source>
      <translation>Chosen: </translation>
    </message>
    <message>
      <source>输入姓名、拼音首字母或身份证号；↑↓ 挑选，回车选定（未挑即第一个）</source>
      <translation>Type a name, pinyin initials or ID number; ↑↓ to choose, Enter to take it (the first if none chosen)</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
  </context>
  <context>
    <name>PrintPage</name>
    <message>
      <source>花名册（按批次）</source>
      <translation>Roster (per batch)</translation>
    </message>
    <message>
      <source>公示表（按批次，身份证号和账号已遮挡）</source>
      <translation>Public notice (per batch, ID and account numbers masked)</translation>
    </message>
    <message>
      <source>批次全部申请表</source>
      <translation>All application forms of a batch</translation>
    </message>
    <message>
      <source>单人申请表</source>
      <translation>One application form</translation>
    </message>
    <message>
      <source>走访记录表（按村/安置点和月份）</source>
      <translation>Visit sheet (per village/site and month)</translation>
    </message>
    <message>
      <source>公示开始日期</source>
      <translation>Notice starts on</translation>
    </message>
    <message>
      <source>临时工（临工）证明</source>
      <translation>Certificate for casual work</translation>
    </message>
    <message>
      <source>预览(&amp;V)</source>
      <translation>Pre&amp;view</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>纸张</source>
      <translation>Paper</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>页数</source>
      <translation>Pages</translation>
    </message>
    <message>
      <source>行数</source>
      <translation>Rows</translation>
    </message>
    <message>
      <source>校验码</source>
      <translation>Check code</translation>
    </message>
    <message>
      <source>打印人</source>
      <translation>Printed by</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>打印记录</source>
      <translation>Print log</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>Batch</translation>
    </message>
    <message>
      <source>申领</source>
      <translation>Claims</translation>
    </message>
    <message>
      <source>村/安置点</source>
      <translation>Village/site</translation>
    </message>
    <message>
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>还没有批次：请先在“补贴”页把申领编成批次</source>
      <translation>No batch yet: make one from claims on the Subsidies page first</translation>
    </message>
    <message>
      <source>请选择村或安置点</source>
      <translation>Choose a village or site</translation>
    </message>
    <message>
      <source>打印件含个人信息，请妥善保管</source>
      <translation>Printouts contain personal data: keep them safe</translation>
    </message>
    <message>
      <source>务工证明（按姓名找人）</source>
      <translation>Work certificate (find the person by name)</translation>
    </message>
    <message>
      <source>人员</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>请先输入姓名找到要开证明的人，并选中他</source>
      <translation>Type a name to find the person the certificate is for, and choose them</translation>
    </message>
    <message>
      <source>走访记录表按村或安置点打印：%1 不是村或安置点，请在“村/安置点”中选一个村或安置点</source>
      <translation>The visit sheet is printed for a village or site: %1 is neither; choose a village or site under “Village/site”</translation>
    </message>
    <message>
      <source>还没有设置异议受理电话：公示表上的“监督电话”会印成空白横线，要在张贴前用笔填上。请在“设置”页的“打印用语”中填写“异议受理电话”并保存，再打印。</source>
      <translation>No complaint phone is set: the notice's complaint phone line (监督电话) prints as a blank line, to be written in by hand before it is posted. Fill in “Phone for objections” under “Paper wording” on the Settings tab and save, then print.</translation>
    </message>
    <message>
      <source>还没有申领：请先在“补贴”页的“符合条件人员”中选中要申领的人，点“为所选人员创建申领”</source>
      <translation>No claims yet: on the Subsidies page, under Eligible people, select the person to claim for and press Create claim for selected</translation>
    </message>
    <message>
      <source>花名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>公示表</source>
      <translation>Public notice</translation>
    </message>
    <message>
      <source>申请表</source>
      <translation>Application form</translation>
    </message>
    <message>
      <source>走访记录</source>
      <translation>Visit records</translation>
    </message>
    <message>
      <source>务工证明</source>
      <translation>Work certificate</translation>
    </message>
    <message>
      <source>一库五册</source>
      <translation>Five rosters</translation>
    </message>
    <message>
      <source>户级责任</source>
      <translation>Household duties</translation>
    </message>
  </context>
  <context>
    <name>Refusals</name>
    <message>
      <source>%1、%2</source>
      <translation>%1, %2</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1（%2 · %3）</source>
      <translation>%1 (%2 · %3)</translation>
    </message>
    <message>
      <source>「%1」由县里统一维护，只有县级设备或县级汇总中心可以修改（%2）</source>
      <translation>“%1” is kept by the county for everyone: only a county device or the county hub may change it (%2)</translation>
    </message>
    <message>
      <source>「%1」只能新增，不能修改（县级可以更正）</source>
      <translation>“%1” can only be added to, not changed (the county can correct it)</translation>
    </message>
    <message>
      <source>「%1」只有县级可以修改</source>
      <translation>Only the county may change “%1”</translation>
    </message>
    <message>
      <source>新的区域「%1」的上级写成了%2，不在%3负责的范围内：本机新增的组、楼栋只能挂在本机区域内的地方下面</source>
      <translation>The new area “%1” is placed under %2, outside the area of %3: a group or building this device adds can only go under a place in its own area</translation>
    </message>
    <message>
      <source>新的区域「%1」（%2）不在%3负责的范围内：范围外的区域由县里统一维护</source>
      <translation>The new area “%1” (%2) is outside the area of %3: areas outside it are kept by the county</translation>
    </message>
    <message>
      <source>%1必须有%2</source>
      <translation>“%1” needs its “%2”</translation>
    </message>
    <message>
      <source>%1的%2指向的记录在中心不存在，无法确定所属地区</source>
      <translation>The “%2” of “%1” points to a record the hub does not have: which area it belongs to cannot be told</translation>
    </message>
    <message>
      <source>%1的%2指向%3，不在%4负责的范围内</source>
      <translation>The “%2” of “%1” points to %3, outside the area of %4</translation>
    </message>
    <message>
      <source>新建的%1没有%2</source>
      <translation>The new “%1” has no “%2”</translation>
    </message>
    <message>
      <source>无法确定这条%1属于哪个地区（所属的人员或户不明），只有县级可以修改</source>
      <translation>Which area this “%1” belongs to cannot be told (its person or household is unknown): only the county may change it</translation>
    </message>
    <message>
      <source>这条%1属于%2，不在%3负责的范围内</source>
      <translation>This “%1” belongs to %2, outside the area of %3</translation>
    </message>
    <message>
      <source>新建的%1必须有所属地区</source>
      <translation>A new “%1” must belong to an area</translation>
    </message>
    <message>
      <source>%1属于%2，不在%3负责的范围内</source>
      <translation>The “%1” belongs to %2, outside the area of %3</translation>
    </message>
    <message>
      <source>%1设备</source>
      <translation>a %1 device</translation>
    </message>
    <message>
      <source>新建的申领只能是「%1」或「%2」</source>
      <translation>A new claim can only be “%1” or “%2”</translation>
    </message>
    <message>
      <source>申领当前为「%1」，不能变为「%2」（不符合审核流程）</source>
      <translation>The claim is “%1” now and cannot become “%2” (no step of the review does that)</translation>
    </message>
    <message>
      <source>申领由%1新建，本机不能新建（%2）</source>
      <translation>Claims are made by %1; this device cannot make one (%2)</translation>
    </message>
    <message>
      <source>把申领从「%1」变为「%2」是%3级审核，只有%4可以操作（%5）</source>
      <translation>Taking a claim from “%1” to “%2” is the %3 review: only %4 can do it (%5)</translation>
    </message>
    <message>
      <source>申领的状态「%1」无法识别，只有县级可以更正</source>
      <translation>The claim's state “%1” is not one this program knows: only the county can correct it</translation>
    </message>
    <message>
      <source>「%1」的申领不能删除，只能驳回或撤销</source>
      <translation>A “%1” claim cannot be deleted, only rejected or reversed</translation>
    </message>
    <message>
      <source>只有%1可以删除草稿申领</source>
      <translation>Only %1 can delete a draft claim</translation>
    </message>
    <message>
      <source>申领已「%1」，不能再修改（更正请新建申领）</source>
      <translation>The claim is “%1” and can no longer change (to correct it, make a new claim)</translation>
    </message>
    <message>
      <source>申领已「%1」，所属批次不能再改：它已按这个批次的花名册发放，移出批次会被下一个批次再编入、再发放一次；如有错误只能撤销</source>
      <translation>The claim is “%1”: its batch can no longer change. It was paid by this batch's roster; taken out, the next batch would take it in and pay it again. If it is wrong, it can only be reversed</translation>
    </message>
    <message>
      <source>申领已「%1」，所属批次只有县级可以调整：县里按批次的花名册发放，村、乡镇改动批次会让它漏发或再发一次（%2）</source>
      <translation>The claim is “%1”: only the county can change its batch. The county pays by each batch's roster; a village or township changing the batch would leave it unpaid or paid twice (%2)</translation>
    </message>
    <message>
      <source>申领已「%1」，%2不能再修改；如有错误只能撤销</source>
      <translation>The claim is “%1”: %2 can no longer change; if it is wrong, it can only be reversed</translation>
    </message>
    <message>
      <source>申领提交后%1不能再改（人员、补贴项目、金额以提交时为准；有误请驳回后新建）</source>
      <translation>Once a claim is submitted, %1 can no longer change (the person, subsidy and amount stay as submitted; if wrong, reject it and make a new one)</translation>
    </message>
    <message>
      <source>申领状态「%1」不是有效的状态</source>
      <translation>The claim state “%1” is not a valid state</translation>
    </message>
    <message>
      <source>把申领变为「%1」必须写明原因</source>
      <translation>A claim made “%1” needs a reason</translation>
    </message>
    <message>
      <source>%1的“%2”</source>
      <translation>%1's “%2”</translation>
    </message>
    <message>
      <source>%1申领%2：申领金额必须大于零（按政策的补贴标准），请在程序中按政策重新申领</source>
      <translation>%1 asks for %2: a claim's amount must be above zero (the policy's standard); claim again in the program by the policy</translation>
    </message>
    <message>
      <source>%1没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，金额就无从与补贴标准核对；请在程序中按政策重新申领</source>
      <translation>%1 has no claim date: which month's subsidy it asks for (or for a job begun which day) is not known, so its amount cannot be checked against the standard; claim again in the program by the policy</translation>
    </message>
    <message>
      <source>%1写的地区是%2，而申领人的户在%3：申领只能记在申领人所在的村（安置点），否则会列进别村的公示表和批次；请在程序中重新申领</source>
      <translation>%1 gives its area as %2, but the claimant's household is in %3: a claim can only be recorded in the claimant's own village (site), or it would be listed on another village's public notice and batches; claim again in the program</translation>
    </message>
    <message>
      <source>审核记录：%1</source>
      <translation>Claim review record: %1</translation>
    </message>
    <message>
      <source>审核记录的原状态「%1」无法识别</source>
      <translation>The review record's earlier state “%1” is not one this program knows</translation>
    </message>
    <message>
      <source>「%1」是%2级审核，只有%3可以操作（%4）</source>
      <translation>“%1” is the %2 review: only %3 can do it (%4)</translation>
    </message>
    <message>
      <source>审核记录写的是「%1」，而申领当前为「%2」</source>
      <translation>The review record says “%1”, but the claim is “%2” now</translation>
    </message>
    <message>
      <source>%1已「%2」，等待发放，这时改社保卡（银行）账号，批准的钱就发到新账号：已交县里核对，县里核实后接受</source>
      <translation>%1 is “%2” and waiting to be paid: changing the social security card (bank) account now would send the approved money to the new account. Sent to the county to check; it is accepted once the county has verified it</translation>
    </message>
    <message>
      <source>%1变为「%2」时记下的收款账号（%3）不是台账上此人这时的账号（%4）：花名册按审批时记下的账号发放，钱会发到别的账户。已交县里核对</source>
      <translation>The account kept when %1 became “%2” (%3) is not this person's account in the ledger at that time (%4): the roster pays to the account kept at approval, so the money would go to another account. Sent to the county to check</translation>
    </message>
    <message>
      <source>%1已「%2」，等待发放，%3不能删除：删除以后花名册照样会把这笔钱发给台账上已没有的人。如确需删除，请先驳回这条申领（已审批的由县里撤销），再删除这个人</source>
      <translation>%1 is “%2” and waiting to be paid: %3 cannot be deleted. Deleted, the roster would still pay the money to someone the ledger no longer holds. If they must be deleted, first reject the claim (the county reverses an approved one), then delete the person</translation>
    </message>
    <message>
      <source>%1已「%2」，等待发放，%3不能迁出本乡镇（迁往%4）：申领仍记在原来的村，迁出以后花名册照样按原村发放，新的地方还可以再申领一次。要迁出先驳回申领（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移</source>
      <translation>%1 is “%2” and waiting to be paid: %3 cannot move out of the township (to %4). The claim stays recorded in the old village and the roster would still pay it there, while the new place could claim again. To move them, first reject the claim (the county reverses an approved one), or wait until it is paid, or ask the county to move them</translation>
    </message>
    <message>
      <source>%1已「%2」，等待发放，%3不能迁往%4：申领记在%5，迁走以后仍列在%5的公示表和批次里、按%5发放，%4却审核不了，还可以再申领一次。要迁走先驳回申领（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移</source>
      <translation>%1 is “%2” and waiting to be paid: %3 cannot move to %4. The claim is recorded in %5: after the move it would still be listed on %5's public notice and batches and paid by %5, while %4 could not review it and could claim again. To move them, first reject the claim (the county reverses an approved one), or wait until it is paid, or ask the county to move them</translation>
    </message>
    <message>
      <source>批次“%1”里%2已「%3」：县里按这个批次的花名册发放，村、乡镇不能再修改或删除这个批次（%4），否则花名册会变、申领会漏发或再发一次；如有错误请县里处理</source>
      <translation>In the batch “%1”, %2 is “%3”: the county pays by this batch's roster, so a village or township can no longer change or delete the batch (%4), or the roster would change and claims would go unpaid or be paid twice. If something is wrong, ask the county</translation>
    </message>
    <message>
      <source>%1或%2</source>
      <translation>%1 or %2</translation>
    </message>
    <message>
      <source>%1%2开始的就业已申领“%3”（%4），这条就业不能%5：申领以它为依据，开始日期、单位、地点和就业形式以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正就业并重新申领</source>
      <translation>%1's job begun on %2 is claimed for “%3” (%4): the job cannot be %5, as the claim rests on it — its start date, employer, place and form stay as they were when claimed. To correct it, first reject the claim (the county reverses an approved one), then correct the job and claim again</translation>
    </message>
    <message>
      <source>%1开始的就业已申领“%2”（%3），这条就业不能%4：申领以它为依据，开始日期、单位、地点和就业形式以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正就业并重新申领</source>
      <translation>A job of %1's is claimed for “%2” (%3): the job cannot be %4, as the claim rests on it — its start date, employer, place and form stay as they were when claimed. To correct it, first reject the claim (the county reverses an approved one), then correct the job and claim again</translation>
    </message>
    <message>
      <source>%1%2开始的培训已申领“%3”（%4），这条培训不能%5：申领以它为依据，培训日期、类型和天数以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正培训并重新申领</source>
      <translation>%1's training begun on %2 is claimed for “%3” (%4): the training cannot be %5, as the claim rests on it — its date, kind and days stay as they were when claimed. To correct it, first reject the claim (the county reverses an approved one), then correct the training and claim again</translation>
    </message>
    <message>
      <source>%1开始的培训已申领“%2”（%3），这条培训不能%4：申领以它为依据，培训日期、类型和天数以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正培训并重新申领</source>
      <translation>A training of %1's is claimed for “%2” (%3): the training cannot be %4, as the claim rests on it — its date, kind and days stay as they were when claimed. To correct it, first reject the claim (the county reverses an approved one), then correct the training and claim again</translation>
    </message>
    <message>
      <source>%1已申领%2（%3），这份工作的结束日期%4不能早于%5：申领以%2在岗为依据。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正工作的结束日期</source>
      <translation>%1 is claimed for %2 (%3): this job's end date %4 cannot be before %5, as the claim rests on working in %2. To correct it, first reject the claim (the county reverses an approved one), then correct the job's end date</translation>
    </message>
    <message>
      <source>%1的%2</source>
      <translation>%1's %2</translation>
    </message>
    <message>
      <source>“%1”</source>
      <translation>“%1”</translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>%1；%2</source>
      <translation>%1; %2</translation>
    </message>
    <message>
      <source>%1 %2</source>
      <translation>%1 %2</translation>
    </message>
    <message>
      <source>%1没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，金额就无从与补贴标准核对；请按政策重新申领</source>
      <translation>%1 has no claim date: which month's subsidy it asks for (or for a job begun which day) is not known, so its amount cannot be checked against the standard; claim again by the policy</translation>
    </message>
    <message>
      <source>%1申领 %2 元：申领金额必须大于零（按政策的补贴标准），请按政策重新申领</source>
      <translation>%1 asks for %2 yuan: a claim's amount must be above zero (the policy's standard); claim again by the policy</translation>
    </message>
    <message>
      <source>%1申领的月份（%2）与申领日期%3不符：按月（按年度）发放的补贴申领的是申领日期所在的%4，请按申领日期重新申领</source>
      <translation>The month %1 is claimed for (%2) does not match its claim date %3: a subsidy paid by the month (year) is claimed for the month (year) its claim date falls in, %4; claim again by the claim date</translation>
    </message>
    <message>
      <source>%1开始的就业（培训）</source>
      <translation>the job (training) begun on %1</translation>
    </message>
    <message>
      <source>补贴标准待县里核定标准</source>
      <translation>the standard is yet to be set by the county</translation>
    </message>
    <message>
      <source>补贴标准为 %1</source>
      <translation>the standard is %1</translation>
    </message>
    <message>
      <source>补贴标准为 %1（%2）</source>
      <translation>the standard is %1 (%2)</translation>
    </message>
    <message>
      <source>%1（%2）申领 %3 元，高于政策的标准：%2的%4，请按现行标准重新申领</source>
      <translation>%1 (%2) asks for %3 yuan, above the policy's standard: for %2, %4; claim again at the standard in force</translation>
    </message>
    <message>
      <source>%1（%2）的申领日期%3还没有到（%4是%5）：补贴只能为已经到来的月份（已经开始的就业、培训）申领，不能预先申领；到了那一天再申领</source>
      <translation>The claim date %3 of %1 (%2) has not come yet (%4 is %5): a subsidy can only be claimed for a month that has come (a job or training that has begun), never ahead; claim it on that day</translation>
    </message>
    <message>
      <source>%1申领</source>
      <translation>claimed on %1</translation>
    </message>
    <message>
      <source>%1写明%2属于%3，台账上%2在%4没有这样的登记：补贴只能依据台账上登记的人员类别申领，请先登记人员类别，再按登记重新申领</source>
      <translation>%1 says %2 is %3, but the ledger records no such category for %2 %4: a subsidy can only be claimed by the categories recorded in the ledger; record the category first, then claim again by it</translation>
    </message>
    <message>
      <source>%1那天</source>
      <translation>on %1</translation>
    </message>
    <message>
      <source>%1至%2</source>
      <translation>from %1 to %2</translation>
    </message>
    <message>
      <source>%1申领上是%2，台账上是%3</source>
      <translation>%1 is %2 on the claim, %3 in the ledger</translation>
    </message>
    <message>
      <source>%1所依据的就业与台账上登记的不一致（%2）：补贴按台账上登记的就业核定，请核对就业登记后重新申领</source>
      <translation>The job %1 rests on is not the one the ledger records (%2): a subsidy is set by the job recorded in the ledger; check the job's record, then claim again</translation>
    </message>
    <message>
      <source>%1：申领上写的是“%2”，台账上是“%3”</source>
      <translation>%1: the claim says “%2”, the ledger “%3”</translation>
    </message>
    <message>
      <source>%1：台账上是“%2”</source>
      <translation>%1: the ledger says “%2”</translation>
    </message>
    <message>
      <source>%1所依据的登记与台账上的不一致（%2）：补贴按台账上的登记核定，请核对登记后重新申领</source>
      <translation>The records %1 rests on are not the ledger's (%2): a subsidy is set by the ledger's records; check the records, then claim again</translation>
    </message>
    <message>
      <source>%1 开始的%2</source>
      <translation>the %2 begun on %1</translation>
    </message>
    <message>
      <source>未写明开始日期的%1</source>
      <translation>a %1 with no start date given</translation>
    </message>
    <message>
      <source>%1申领的%2，台账上没有登记在%3名下：一次性补贴只能为本人登记在台账上的%4申领，请先登记%4，再按登记的%4申领</source>
      <translation>%1 is claimed for %2, which the ledger does not record under %3: a one-time subsidy can only be claimed for the person's own %4 recorded in the ledger; record the %4 first, then claim by it</translation>
    </message>
    <message>
      <source>%1写的%2开始日期（%3）与台账上登记的（%4）不符：补贴按%2开始那天的条件和标准核定，请按台账上的%2重新申领</source>
      <translation>The %2 start date %1 gives (%3) is not the one the ledger records (%4): a subsidy is set by the conditions and standard of the day the %2 began; claim again by the ledger's %2</translation>
    </message>
    <message>
      <source>%1（%2）的查重信息与这次%3不符：同一次%3（同一个人）只能申领一次，请重新申领</source>
      <translation>The repeat check of %1 (%2) does not match this %3: one %3 (of one person) can be claimed for only once; claim again</translation>
    </message>
    <message>
      <source>%1的%2（%3）</source>
      <translation>%1's %2 (%3)</translation>
    </message>
    <message>
      <source>%1没有写明是哪一份工作：按月发放的补贴只能为本人登记在台账上、那个月在岗的工作申领，请按台账上的工作重新申领</source>
      <translation>%1 does not say which job it is for: a subsidy paid by the month can only be claimed for the person's own job recorded in the ledger and held that month; claim again by the ledger's job</translation>
    </message>
    <message>
      <source>%1申领的工作，台账上没有登记在%2名下：只能为本人登记在台账上的工作申领，请先登记工作，再按登记的工作申领</source>
      <translation>The job %1 is claimed for is not recorded in the ledger under %2: it can only be claimed for the person's own job recorded in the ledger; record the job first, then claim by it</translation>
    </message>
    <message>
      <source>从%1开始</source>
      <translation>began on %1</translation>
    </message>
    <message>
      <source>从%1开始，到%2结束</source>
      <translation>ran from %1 to %2</translation>
    </message>
    <message>
      <source>%1：台账上这份工作%2，%3不在岗，不能申领%3的补贴</source>
      <translation>%1: in the ledger this job %2, so it was not held in %3 and %3 cannot be claimed</translation>
    </message>
    <message>
      <source>申领写的是“%1（%2）”，它所申领的人在台账上是“%3（%4）”：申领表、花名册和公示表上的姓名、身份证号码须是申领人本人的，请在程序中按台账重新申领</source>
      <translation>The claim says “%1 (%2)”, but the person it is for is “%3 (%4)” in the ledger: the name and ID number on the claim form, roster and public notice must be the claimant's own; claim again in the program by the ledger</translation>
    </message>
    <message>
      <source>%1写的收款方是“%2”，这项补贴按政策发给%3：请在程序中按政策重新申领</source>
      <translation>%1 gives its payee as “%2”, but the policy pays this subsidy to %3: claim again in the program by the policy</translation>
    </message>
    <message>
      <source>%1的收款%2写的是“%3”，台账上这段就业的%2是“%4”：补贴只能发给就业登记的%2，请先核对就业登记，再按登记重新申领</source>
      <translation>%1 is paid to %2 “%3”, but %2 of this job in the ledger is “%4”: a subsidy can only be paid to %2 the job records; check the job's record first, then claim again by it</translation>
    </message>
    <message>
      <source>%1的%2%3重复申领：已有一条（%4）</source>
      <translation>%1's %2%3 is claimed again: there is one already (%4)</translation>
    </message>
    <message>
      <source>%1%2重复申领：已有一条（%3）</source>
      <translation>%1%2 is claimed again: there is one already (%3)</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>%1，%2 录入</source>
      <translation>%1, entered by %2</translation>
    </message>
    <message>
      <source>%1，%2 于 %3 录入</source>
      <translation>%1, entered by %2 at %3</translation>
    </message>
    <message>
      <source>%1的申请日期 %2（%3）在申领日期 %4 之前：申领只能在申领日期当天或以后提出，申请日期不对；请核对那台电脑的日期和时间后重新申领</source>
      <translation>The application date of %1, %2 (%3), is before its claim date %4: a claim can only be made on its claim date or later, so the application date is wrong; check that computer's date and time, then claim again</translation>
    </message>
    <message>
      <source>%1的申请日期 %2（%3）在中心收到它的日期 %4 之后：申请日期不对；请核对那台电脑的日期和时间后重新申领</source>
      <translation>The application date of %1, %2 (%3), is after the day the hub received it, %4: the application date is wrong; check that computer's date and time, then claim again</translation>
    </message>
    <message>
      <source>%1的申请日期 %2（提交它的电脑记下的日期）与建立这条申领的时间 %3（那台电脑的时钟）对不上：申请日期就是建立申领的那一天，两者是同一台电脑同一时刻记下的，申请日期不对；请核对那台电脑的日期和时间后重新申领</source>
      <translation>The application date of %1, %2 (as the computer that sent it kept it), does not agree with when the claim was made, %3 (by that computer's clock): the application date is the day the claim was made, both kept by one computer at one moment, so the application date is wrong; check that computer's date and time, then claim again</translation>
    </message>
    <message>
      <source>%1申领的“%2”不在县里的政策中：只能申领政策中有的补贴，请在程序中按政策重新申领</source>
      <translation>%1 claims “%2”, which is not in the county's policy: only a subsidy in the policy can be claimed; claim again in the program by the policy</translation>
    </message>
    <message>
      <source>%1，不能再往下审核</source>
      <translation>%1, and cannot be reviewed further</translation>
    </message>
    <message>
      <source>%1；两条申领的%2是同一次（同一天开始，登记了两遍），只能申领一次，这条不能往下提交或审核，请驳回</source>
      <translation>%1; both claims are for one %2 (begun the same day, recorded twice), which can be claimed for only once: this claim cannot be submitted or reviewed further; reject it</translation>
    </message>
    <message>
      <source>修改声称看过的版本（%1）属于另一条记录：依据的版本必须是同一条记录的</source>
      <translation>The change says it saw a version (%1) of another record: the version it rests on must be of the same record</translation>
    </message>
    <message>
      <source>这条%1在中心不存在（新建它的修改未被接受），对它的修改也不能接受</source>
      <translation>This “%1” is not at the hub (the change creating it was not accepted), so changes to it cannot be accepted either</translation>
    </message>
    <message>
      <source>“%1”在现行政策中未启用，不能申领</source>
      <translation>“%1” is not in force in the current policy and cannot be claimed</translation>
    </message>
    <message>
      <source>就业</source>
      <translation>job</translation>
    </message>
    <message>
      <source>培训</source>
      <translation>training</translation>
    </message>
    <message>
      <source>未写明</source>
      <translation>not given</translation>
    </message>
    <message>
      <source>是</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>no</translation>
    </message>
    <message>
      <source>未登记</source>
      <translation>not recorded</translation>
    </message>
    <message>
      <source>个人</source>
      <translation>the person</translation>
    </message>
    <message>
      <source>用人单位</source>
      <translation>the employer</translation>
    </message>
    <message>
      <source>经营性人力资源服务机构</source>
      <translation>the human resources agency</translation>
    </message>
    <message>
      <source>中心没有「%1」这类记录</source>
      <translation>The hub has no records of the kind “%1”</translation>
    </message>
    <message>
      <source>%1没有这些字段：%2</source>
      <translation>“%1” has no such fields: %2</translation>
    </message>
    <message>
      <source>「已删除」标记「%1」不合格</source>
      <translation>The “Deleted” mark “%1” is not valid</translation>
    </message>
    <message>
      <source>%1的%2嵌套太深，读不出来</source>
      <translation>The “%2” of “%1” is nested too deep to be read</translation>
    </message>
    <message>
      <source>%1不能为空</source>
      <translation>“%1” cannot be empty</translation>
    </message>
    <message>
      <source>%1的%2「%3」不合格%4</source>
      <translation>The “%2” of “%1”, “%3”, is not valid%4</translation>
    </message>
    <message>
      <source>%1的%2「%3」不是规范的写法，应为「%4」</source>
      <translation>The “%2” of “%1”, “%3”, is not written the standard way: it should be “%4”</translation>
    </message>
    <message>
      <source>%1的%2「%3」不是文字</source>
      <translation>The “%2” of “%1”, “%3”, is not text</translation>
    </message>
    <message>
      <source>%1的%2「%3」不是能记下的数</source>
      <translation>The “%2” of “%1”, “%3”, is not a number that can be kept</translation>
    </message>
    <message>
      <source>%1的%2「%3」不是规范的写法</source>
      <translation>The “%2” of “%1”, “%3”, is not written the standard way</translation>
    </message>
    <message>
      <source>%1的%2「%3」含有看不见的控制字符：程序和表格都不这样写（县里的数据库存不下，换行、制表符以外的都不行）</source>
      <translation>The “%2” of “%1”, “%3”, holds invisible control characters: neither the program nor a sheet writes them (the county's database cannot keep them; only line breaks and tabs may be)</translation>
    </message>
    <message>
      <source>新建%1的标识「%2」写成了纸上%3的样子：按纸上的编号查%1时，会查到它而不是印着这个编号的那一条。本程序不会这样写，请核对发出它的电脑的程序</source>
      <translation>The id of a new %1, “%2”, is written like a paper's %3: looking a %1 up by the number on a paper would find it, not the one printed with that number. This program never writes so; check the program of the computer that sent it</translation>
    </message>
    <message>
      <source>这条修改改写%1在县里接受前的%2（只有县里接受扣下的%1时由中心记下）：接受它，%1印的%2就会变成它写的那一个，可能是另一条%1的。本程序不会这样写，请核对发出它的电脑的程序</source>
      <translation>This change rewrites the %2 a %1 had before the county accepted it (kept by the hub only when the county accepts a held %1): accepted, the %2 printed on the %1 would become the one it writes, perhaps another %1's. This program never writes so; check the program of the computer that sent it</translation>
    </message>
    <message>
      <source>%1的%2「%3」%4：本程序不会这样记，请核对发出它的电脑的程序和时间</source>
      <translation>The “%2” of “%1”, “%3”, %4: this program never keeps it so; check the program and time of the computer that sent it</translation>
    </message>
    <message>
      <source>不是时间</source>
      <translation>is not a time</translation>
    </message>
    <message>
      <source>不是按北京时间记下的</source>
      <translation>is not kept in Beijing time</translation>
    </message>
    <message>
      <source>不在 %1 年到今天（%2）之间</source>
      <translation>is not between %1 and today (%2)</translation>
    </message>
    <message>
      <source>%1的%2不应是是非值</source>
      <translation>The %2 of “%1” should not be a yes or no</translation>
    </message>
    <message>
      <source>%1的%2「%3」类型不对</source>
      <translation>The %2 of “%1”, “%3”, is of the wrong type</translation>
    </message>
    <message>
      <source>修改署名为县级汇总中心自己的台账标识：设备不能以中心的名义提交修改</source>
      <translation>The change is signed with the county hub's own ledger id: a device cannot send changes in the hub's name</translation>
    </message>
    <message>
      <source>修改署名为%1「%2」的台账标识：每台设备只能提交自己的修改</source>
      <translation>The change is signed with the ledger id of %1 “%2”: each device can only send its own changes</translation>
    </message>
    <message>
      <source>修改署名的台账标识不是发送设备自己的：每台设备只能提交自己的修改</source>
      <translation>The change is signed with a ledger id that is not the sending device's own: each device can only send its own changes</translation>
    </message>
    <message>
      <source>修改人署名为「%1」，应为「姓名@%2」：修改人只能是本设备的使用人，不能冒用他人或其他单位的名义</source>
      <translation>The change is signed by “%1”; it should be “name@%2”: a change can only be made by a user of this device, never in another's or another office's name</translation>
    </message>
    <message>
      <source>这条修改标的时间早于这条%1建立的时间：接受它，%1的%2 %3 就会变成另一个，已经打印、公示的纸就查不到这条%1。请核对发出它的电脑的时间和程序</source>
      <translation>This change is stamped before its %1 was made: accepted, the %1's %2 %3 would become another, and the papers already printed and posted would no longer find this %1. Check the time and program of the computer that sent it</translation>
    </message>
    <message>
      <source>各设备已同步来的修改证明的时间（%1；中心电脑的时钟慢了，所以按至少三台设备最近的修改时间来衡量）</source>
      <translation>the time the devices' synchronised changes vouch for (%1; the hub computer's clock is slow, so the latest changes of at least three devices are the measure)</translation>
    </message>
    <message>
      <source>中心的时钟（%1）</source>
      <translation>the hub's clock (%1)</translation>
    </message>
    <message>
      <source>这条修改记下的时间（%1）比%2快了一天以上：收下它，到那时以前各台电脑没看到它就改的同一项都改不过它，记录的修改时间显示的是那一天%3。请核对发出它的电脑的日期和时间；县里核对后可以接受，接受后记为县里此刻的修改</source>
      <translation>This change is stamped at a time (%1) more than a day ahead of %2: taken, no computer's change of the same field made without seeing it could win over it until then, and the record's time of change would show that day%3. Check the date and time of the computer that sent it; the county may accept it once checked, and it is then kept as the county's change of now</translation>
    </message>
    <message>
      <source>，申领的这一步还会算进%1的月报</source>
      <translation>, and the claim's step would count in the monthly report of %1</translation>
    </message>
    <message>
      <source>修改声称看过的版本（%1）在中心并不存在：不能预先作废其他设备尚未提交的修改</source>
      <translation>The change says it saw versions (%1) the hub does not have: it cannot cancel in advance changes other devices have not yet sent</translation>
    </message>
    <message>
      <source>%1等</source>
      <translation>%1 and more</translation>
    </message>
    <message>
      <source>申领</source>
      <translation>claim</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>batch</translation>
    </message>
    <message>
      <source>申请编号</source>
      <translation>application number</translation>
    </message>
    <message>
      <source>批次编号</source>
      <translation>batch number</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>the device</translation>
    </message>
    <message>
      <source>已注销的设备</source>
      <translation>the revoked device</translation>
    </message>
    <message>
      <source>中心的时钟</source>
      <translation>the hub's clock</translation>
    </message>
    <message>
      <source>%1（不能变为“%2”，%3）</source>
      <translation>%1 (it cannot become “%2”; %3)</translation>
    </message>
    <message>
      <source>%1（不能变为“%2”）</source>
      <translation>%1 (it cannot become “%2”)</translation>
    </message>
    <message>
      <source>%1。这条不能变为“%2”，%3</source>
      <translation>%1. This one cannot become “%2”; %3</translation>
    </message>
    <message>
      <source>没有编成批次：%1%2。重复的申领编入批次会公示和发放两次，请先驳回重复的一条，再编批次</source>
      <translation>No batch was made: %1%2. A repeated claim in a batch would be posted and paid twice; reject the repeat first, then make the batch</translation>
    </message>
    <message>
      <source>等 %1 条</source>
      <translation> and others, %1 in all</translation>
    </message>
    <message>
      <source>%1的“%2”申领</source>
      <translation>%1's claim of “%2”</translation>
    </message>
    <message>
      <source>%1的申领</source>
      <translation>%1's claim</translation>
    </message>
    <message>
      <source>“%1”申领</source>
      <translation>the claim of “%1”</translation>
    </message>
    <message>
      <source>这条申领</source>
      <translation>this claim</translation>
    </message>
    <message>
      <source>%1当前为“%2”，不能变为“%3”%4</source>
      <translation>%1 is “%2” and cannot become “%3”%4</translation>
    </message>
    <message>
      <source>（当前可变为：%1）</source>
      <translation> (it can now become: %1)</translation>
    </message>
    <message>
      <source>（该状态已终结，不能再变更）</source>
      <translation> (this state is final and cannot change)</translation>
    </message>
    <message>
      <source>将申领变为“%1”必须填写原因</source>
      <translation>A reason must be written to make a claim “%1”</translation>
    </message>
    <message>
      <source>“%1”已申领过，不能重复申领：首次申领%2（%3）</source>
      <translation>“%1” has been claimed already and cannot be claimed again: the first claim is %2 (%3)</translation>
    </message>
    <message>
      <source>编号 %1</source>
      <translation>number %1</translation>
    </message>
    <message>
      <source>%1的%2（未编号）</source>
      <translation>%1's %2 (no number)</translation>
    </message>
    <message>
      <source>%1的%2（未编号，%3录入）</source>
      <translation>%1's %2 (no number, entered %3)</translation>
    </message>
    <message>
      <source>同一人</source>
      <translation>the same person</translation>
    </message>
    <message>
      <source>%1 暂不符合“%2”（%3）：%4</source>
      <translation>%1 does not qualify for “%2” now (%3): %4</translation>
    </message>
    <message>
      <source>“%1”的补贴标准待县里核定标准（%2），县里核定并下发政策包后才能申领</source>
      <translation>The standard of “%1” is not yet set by the county (%2): it can be claimed once the county sets it and sends out the policy pack</translation>
    </message>
    <message>
      <source>材料清单中没有：%1</source>
      <translation>Not in the list of documents: %1</translation>
    </message>
    <message>
      <source>%1的材料清单中没有：%2（清单：%3）</source>
      <translation>Not in the list of documents of %1: %2 (the list: %3)</translation>
    </message>
    <message>
      <source>脱贫人口</source>
      <translation>lifted out of poverty</translation>
    </message>
    <message>
      <source>防返贫监测对象</source>
      <translation>monitored against relapse into poverty</translation>
    </message>
    <message>
      <source>农村低收入人口</source>
      <translation>of the rural low-income population</translation>
    </message>
    <message>
      <source>农村低保对象</source>
      <translation>a rural minimum-living-allowance recipient</translation>
    </message>
    <message>
      <source>农村特困人员</source>
      <translation>a rural person in extreme hardship</translation>
    </message>
    <message>
      <source>易地搬迁人口</source>
      <translation>relocated</translation>
    </message>
    <message>
      <source>易地搬迁随迁人口</source>
      <translation>relocated with family</translation>
    </message>
    <message>
      <source>登记失业人员</source>
      <translation>registered unemployed</translation>
    </message>
    <message>
      <source>就业困难人员</source>
      <translation>a person with difficulty finding work</translation>
    </message>
    <message>
      <source>高校毕业生</source>
      <translation>a college graduate</translation>
    </message>
    <message>
      <source>返乡农村劳动力</source>
      <translation>a returned rural worker</translation>
    </message>
    <message>
      <source>退役军人</source>
      <translation>a veteran</translation>
    </message>
    <message>
      <source>残疾人</source>
      <translation>a person with a disability</translation>
    </message>
    <message>
      <source>退捕渔民</source>
      <translation>a former fisher (fishing ban)</translation>
    </message>
    <message>
      <source>戒毒康复人员</source>
      <translation>recovering from drug addiction</translation>
    </message>
    <message>
      <source>刑满释放人员</source>
      <translation>released from prison</translation>
    </message>
    <message>
      <source> %1 元</source>
      <translation>%1 yuan</translation>
    </message>
    <message>
      <source>这条%1建立的时间（%2）比%3快了一天以上，先扣下等县里核对：县里核对后接受的，保留原来的%4，已经打印、公示的纸照样查得到。请核对发出它的电脑的日期和时间</source>
      <translation>This %1 was made at a time (%2) more than a day ahead of %3, so it is held for the county to check: accepted by the county, it keeps its %4, and the papers already printed and posted still find it. Check the date and time of the computer that sent it</translation>
    </message>
    <message>
      <source>%1%2，不能再修改</source>
      <translation>%1 is “%2” and can no longer be changed</translation>
    </message>
    <message>
      <source>%1%2，不能再修改；如有错误只能撤销（需填写原因）</source>
      <translation>%1 is “%2” and can no longer be changed; a mistake can only be reversed (with a reason written)</translation>
    </message>
    <message>
      <source>%1已%2，不能再修改</source>
      <translation>%1 is “%2” and can no longer be changed</translation>
    </message>
    <message>
      <source>%1已%2，不能再修改；如有错误只能撤销（需填写原因）</source>
      <translation>%1 is “%2” and can no longer be changed; a mistake can only be reversed (with a reason written)</translation>
    </message>
    <message>
      <source>%1开始的就业</source>
      <translation>the job begun on %1</translation>
    </message>
    <message>
      <source>%1的%2（%3）按原标准 %4 元申领，现行标准为 %5 元</source>
      <translation>%1's %2 (%3) was claimed at the old standard of %4 yuan; the standard now is %5 yuan</translation>
    </message>
    <message>
      <source>%1的%2（）按原标准 %3 元申领，现行标准为 %4 元</source>
      <translation>%1's %2 was claimed at the old standard of %3 yuan; the standard now is %4 yuan</translation>
    </message>
    <message>
      <source>%1的同一项补贴%2重复申领：已有一条（%3）</source>
      <translation>%1 claims the same subsidy%2 again: there is one already (%3)</translation>
    </message>
    <message>
      <source>%1的同一项补贴（未编号）</source>
      <translation>%1's claim of the same subsidy (no number)</translation>
    </message>
    <message>
      <source>%1的同一项补贴（未编号，%2录入）</source>
      <translation>%1's claim of the same subsidy (no number, entered %2)</translation>
    </message>
    <message>
      <source>%1缺少材料：%2。请补齐材料，或写明缺件原因后再提交</source>
      <translation>%1 lacks documents: %2. Collect them, or write why they are missing, then submit it</translation>
    </message>
    <message>
      <source>新的补贴标准与尚未审批的申领不同：%1%2。县里审批前请驳回，按现行标准重新申领</source>
      <translation>The new standard differs from claims not yet approved: %1%2. Reject them before the county approves them, and claim again at the standard in force</translation>
    </message>
    <message>
      <source>没有可编入批次的申领（“%1”%2%3）</source>
      <translation>No claims to put in a batch (“%1”%2%3)</translation>
    </message>
    <message>
      <source>，%1</source>
      <translation>, in %1</translation>
    </message>
    <message>
      <source>，本机已%1的</source>
      <translation>, those this device has passed (“%1”)</translation>
    </message>
    <message>
      <source>，状态 %1</source>
      <translation>, state “%1”</translation>
    </message>
    <message>
      <source>没有可编入批次的申领（本机政策包里没有这项补贴%1%2）</source>
      <translation>No claims to put in a batch (this device's policy pack has no such subsidy%1%2)</translation>
    </message>
    <message>
      <source>政策包已更新：%1</source>
      <translation>Policy pack updated: %1</translation>
    </message>
    <message>
      <source>政策包已更新：%1（%2）</source>
      <translation>Policy pack updated: %1 (%2)</translation>
    </message>
    <message>
      <source>%1的就业状态中月收入是 %2，是在这份务工的月收入之后另行修改的，没有随务工改为 %3；请核对哪个对</source>
      <translation>The work status of %1 gives a monthly income of %2, changed by hand after this job's income: it was not changed with the job to %3; check which is right</translation>
    </message>
    <message>
      <source>%1不能使用：%2；该政策包未启用</source>
      <translation>Cannot use %1: %2; the pack is not taken into force</translation>
    </message>
    <message>
      <source>%1的执行期已于%2结束：此后开始的就业、培训和此后的月份不再符合条件，县里延续执行（随政策包下发）后恢复</source>
      <translation>The period of %1 ended on %2: jobs and trainings begun after it, and the months after it, no longer qualify; they qualify again once the county extends it (sent in a policy pack)</translation>
    </message>
    <message>
      <source>%1的签名与县级汇总中心不符（可能被改动，或不是县级汇总中心签发），未启用</source>
      <translation>The signature of %1 does not match the county hub's (it may have been changed, or not issued by the county hub): not taken into force</translation>
    </message>
    <message>
      <source>%1；仍使用上次可用的版本</source>
      <translation>%1; still using the last version that worked</translation>
    </message>
    <message>
      <source>%1；本机安装的政策包未启用</source>
      <translation>%1; the policy packs installed on this computer are not taken into force</translation>
    </message>
    <message>
      <source>%1；该政策包未启用</source>
      <translation>%1; the pack is not taken into force</translation>
    </message>
    <message>
      <source>仍使用%1</source>
      <translation>Still using %1</translation>
    </message>
    <message>
      <source>仍使用内置政策包</source>
      <translation>Still using the built-in policy pack</translation>
    </message>
    <message>
      <source>县 %1</source>
      <translation>county %1</translation>
    </message>
    <message>
      <source>县级政策包“%1”（%2 版）未签发：%3；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交</source>
      <translation>The county policy pack “%1” (edition %2) was not issued: %3. Correct it under Settings → Policy pack → County policy editor and submit it again</translation>
    </message>
    <message>
      <source>县级政策包未签发：%1；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交</source>
      <translation>The county policy pack was not issued: %1. Correct it under Settings → Policy pack → County policy editor and submit it again</translation>
    </message>
    <message>
      <source>县级政策包（%1 版）未签发：%2；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交</source>
      <translation>The county policy pack (edition %1) was not issued: %2. Correct it under Settings → Policy pack → County policy editor and submit it again</translation>
    </message>
    <message>
      <source>县里下发的政策包 %1 版（第 %2 号）</source>
      <translation>the county's policy pack, edition %1 (no. %2)</translation>
    </message>
    <message>
      <source>本台账尚未登记到县级汇总中心，县里下发的政策包无法核验，暂不使用</source>
      <translation>This ledger is not yet enrolled with the county hub: the county's policy packs cannot be verified and are not used for now</translation>
    </message>
    <message>
      <source>本机为%1设备，政策由县里统一制定、经县级汇总中心下发，不能在本机安装政策包</source>
      <translation>This is a %1 device: the county sets its policy and sends it through the county hub; a policy pack cannot be installed on this computer</translation>
    </message>
    <message>
      <source>汇总中心未说明原因</source>
      <translation>the county hub gave no reason</translation>
    </message>
    <message>
      <source>省 %1</source>
      <translation>province %1</translation>
    </message>
    <message>
      <source>台账中已有同名同出生日期的人：%1，身份证号 %2（%3）。请确认不是同一人</source>
      <translation>The ledger already has a person of the same name and birth date: %1, ID number %2 (%3). Please confirm this is not the same person</translation>
    </message>
    <message>
      <source>行政区划代码 %1 未知或已撤销，请核对（身份证号保持签发时的代码）</source>
      <translation>The division code %1 of the ID number is unknown or abolished: please check (an ID number keeps the code it was issued with)</translation>
    </message>
    <message>
      <source>U 盘（磁盘）读写出错——被拔出了，或已损坏</source>
      <translation>the USB stick (disk) failed: pulled out, or damaged</translation>
    </message>
    <message>
      <source>“%1”是文件，不是文件夹</source>
      <translation>“%1” is a file, not a folder</translation>
    </message>
    <message>
      <source>不能写入“%1”：%2，写入会毁掉台账。请另取一个文件名</source>
      <translation>Cannot write “%1”: %2, and writing it would destroy the ledger. Choose another file name</translation>
    </message>
    <message>
      <source>打印设置“%1”应为 1 到 60 的整数，收到“%2”</source>
      <translation>The print setting “%1” must be a whole number from 1 to 60, not “%2”</translation>
    </message>
    <message>
      <source>打印设置“%1”应为“是”或“否”，收到“%2”</source>
      <translation>The print setting “%1” must be yes or no (是 or 否), not “%2”</translation>
    </message>
    <message>
      <source>找不到文件：%1</source>
      <translation>File not found: %1</translation>
    </message>
    <message>
      <source>文件太大，磁盘或 U 盘放不下（磁盘已满？）</source>
      <translation>the file is too big for the disk or USB stick (is it full?)</translation>
    </message>
    <message>
      <source>文件夹“%1”不存在</source>
      <translation>the folder “%1” does not exist</translation>
    </message>
    <message>
      <source>文件夹不存在</source>
      <translation>the folder does not exist</translation>
    </message>
    <message>
      <source>无法写入“%1”：%2</source>
      <translation>Cannot write “%1”: %2</translation>
    </message>
    <message>
      <source>无法写入“%1”：找不到“%2”——U 盘（移动硬盘）没有插好，或名字写错了。没有写任何文件</source>
      <translation>Cannot write “%1”: “%2” is not there — the USB stick (external disk) is not plugged in properly, or its name is misspelt. Nothing was written</translation>
    </message>
    <message>
      <source>没有写入权限，或文件正被其他程序（Excel、WPS、PDF 阅读器）打开，请先关闭它</source>
      <translation>no permission to write, or the file is open in another program (Excel, WPS, a PDF reader): close it first</translation>
    </message>
    <message>
      <source>没有名为“%1”的打印设置；可用：%2</source>
      <translation>There is no print setting named “%1”; the settings are: %2</translation>
    </message>
    <message>
      <source>磁盘已满</source>
      <translation>the disk is full</translation>
    </message>
    <message>
      <source>磁盘是只读的（U 盘打开了写保护？）</source>
      <translation>the disk is read-only (is the USB stick's write protection on?)</translation>
    </message>
    <message>
      <source>读写时出错，文件没有写完。请换一个文件夹（或 U 盘）再试一次</source>
      <translation>the file could not be written to the end. Try again in another folder (or on another USB stick)</translation>
    </message>
    <message>
      <source>路径中有一段是文件而不是文件夹</source>
      <translation>a part of the path is a file, not a folder</translation>
    </message>
    <message>
      <source>身份证号码 %1 已登记：%2（%3），不能重复录入</source>
      <translation>ID number %1 is already entered: %2 (%3). It cannot be entered twice</translation>
    </message>
    <message>
      <source>身份证号码“%1”出生日期 %2 不合理</source>
      <translation>In ID number “%1”, the birth date %2 cannot be right</translation>
    </message>
    <message>
      <source>身份证号码“%1”出生日期部分“%2”不是有效日期</source>
      <translation>In ID number “%1”, the birth date part “%2” is not a valid date</translation>
    </message>
    <message>
      <source>身份证号码“%1”后三位是 000，与校验位不符：多半是 Excel 把它存成数字时丢掉了后三位（Excel 只保留 15 位数字），无法恢复；请对照身份证重新录入，并把该列设为文本</source>
      <translation>ID number “%1” ends in 000 and its check character does not match: most likely Excel dropped the last three digits when it stored it as a number (Excel keeps 15 digits only), which cannot be recovered. Enter it again from the ID card, and set the column to text</translation>
    </message>
    <message>
      <source>身份证号码“%1”含有非法字符：前 17 位须为数字，末位为数字或 X</source>
      <translation>ID number “%1” has characters it cannot have: the first 17 must be digits, the last a digit or X</translation>
    </message>
    <message>
      <source>身份证号码“%1”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；请把该列设为文本后重新录入</source>
      <translation>ID number “%1” was stored by Excel as a number (scientific notation): its last digits are lost and cannot be recovered. Set the column to text, then enter it again</translation>
    </message>
    <message>
      <source>身份证号码“%1”校验位不符：多半是前面有一位输错或两位颠倒，请对照身份证逐位核对（不要只改最后一位）</source>
      <translation>ID number “%1” does not match its check character: most likely a digit before it was mistyped or two were swapped. Check it digit by digit against the ID card (do not just change the last one)</translation>
    </message>
    <message>
      <source>身份证号码“%1”长度为 %2 位，应为 18 位</source>
      <translation>ID number “%1” has %2 {%2|character|characters}; it should have 18</translation>
    </message>
    <message>
      <source>身份证号码为空</source>
      <translation>The ID number is empty</translation>
    </message>
    <message>
      <source>这是一个文件夹的名字，请写文件名</source>
      <translation>that is the name of a folder: give a file name</translation>
    </message>
    <message>
      <source>这是加密的台账文件</source>
      <translation>it is an encrypted ledger file</translation>
    </message>
    <message>
      <source>这是台账的钥匙文件</source>
      <translation>it is a ledger's key file</translation>
    </message>
    <message>
      <source>这是台账的附属文件</source>
      <translation>it is one of a ledger's files</translation>
    </message>
    <message>
      <source>这是台账（数据库）文件</source>
      <translation>it is a ledger (database) file</translation>
    </message>
    <message>
      <source>未分户</source>
      <translation>no household</translation>
    </message>
    <message>
      <source>%1 不属于%2</source>
      <translation>%1: not any of these: %2</translation>
    </message>
    <message>
      <source>%1 不属于%2，也没有乡镇外务工经历（农村转移劳动力）</source>
      <translation>%1: not any of these: %2, and has not worked outside the township (rural transferred labour)</translation>
    </message>
    <message>
      <source>%1 属于%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>%1 属于%2，应按专门政策办理</source>
      <translation>%1: %2, which its own policy provides for</translation>
    </message>
    <message>
      <source>%1 时年龄%2岁（要求%3）</source>
      <translation>Aged %2 on %1 (%3 required)</translation>
    </message>
    <message>
      <source>%1—%2岁</source>
      <translation>%1 to %2</translation>
    </message>
    <message>
      <source>%1—不限岁</source>
      <translation>%1 or over</translation>
    </message>
    <message>
      <source>%1个月</source>
      <translation>%1 {%1|month|months}</translation>
    </message>
    <message>
      <source>%1仍在%2（%3起）</source>
      <translation>%1: still in the job (%2, from %3)</translation>
    </message>
    <message>
      <source>%1前未登记失业</source>
      <translation>Not registered unemployed before %1</translation>
    </message>
    <message>
      <source>%1在%2期内</source>
      <translation>%1 is within %2</translation>
    </message>
    <message>
      <source>%1已于%2结束，%3不在%1</source>
      <translation>The job (%1) ended on %2: not in it in %3</translation>
    </message>
    <message>
      <source>%1已到期，%2不在协议期内（续签后请登记新的协议）</source>
      <translation>%1 has run out: %2 is outside it (record the new agreement once it is renewed)</translation>
    </message>
    <message>
      <source>%1已有%2务工经历（%3起在%4），不属于新%2务工</source>
      <translation>Has already worked %2 %1 (at %4 from %3): not new to working %2</translation>
    </message>
    <message>
      <source>%1年</source>
      <translation>%1 {%1|year|years}</translation>
    </message>
    <message>
      <source>%1年毕业，%2在毕业年度内</source>
      <translation>Graduated in %1: %2 is in the year of graduation</translation>
    </message>
    <message>
      <source>%1年毕业，%2时尚未毕业</source>
      <translation>Graduates in %1: not yet graduated on %2</translation>
    </message>
    <message>
      <source>%1年毕业，未登记离校月份，无法计算离校%2内（请登记离校月份）</source>
      <translation>Graduated in %1, month of leaving school not recorded: “within %2 of leaving school” cannot be counted (record the month of leaving school)</translation>
    </message>
    <message>
      <source>%1开始于%2，不在政策有效期（%3）内</source>
      <translation>The %1 began on %2, outside the policy's period (%3)</translation>
    </message>
    <message>
      <source>%1开始于%2，在政策有效期（%3）内</source>
      <translation>The %1 began on %2, within the policy's period (%3)</translation>
    </message>
    <message>
      <source>%1没有%2务工经历，属新%2务工</source>
      <translation>Has not worked %2 %1: new to working %2</translation>
    </message>
    <message>
      <source>%1离校后至%2前未就业</source>
      <translation>No job from leaving school in %1 until %2</translation>
    </message>
    <message>
      <source>%1离校，离校%2内即%3前；%4在此期间</source>
      <translation>Left school in %1: within %2 of leaving school is until %3; %4 is within it</translation>
    </message>
    <message>
      <source>%1离校，离校%2内即%3前；%4已超过</source>
      <translation>Left school in %1: within %2 of leaving school is until %3; %4 is past it</translation>
    </message>
    <message>
      <source>%1结束在%2的务工返乡，%3入职</source>
      <translation>Returned home when the work at %2 ended on %1; began this job on %3</translation>
    </message>
    <message>
      <source>%1结束在%2的务工，返乡已超过%3个月</source>
      <translation>The work at %2 ended on %1: returned home more than %3 {%3|month|months} before this job</translation>
    </message>
    <message>
      <source>%1起登记失业</source>
      <translation>Registered unemployed from %1</translation>
    </message>
    <message>
      <source>%1（自%2起计）</source>
      <translation>%1 (counted from %2)</translation>
    </message>
    <message>
      <source>%1，%2的事项</source>
      <translation>%1, for what began on %2</translation>
    </message>
    <message>
      <source>≤%1个月</source>
      <translation>at most %1 {%1|month|months}</translation>
    </message>
    <message>
      <source>≥%1个月</source>
      <translation>at least %1 {%1|month|months}</translation>
    </message>
    <message>
      <source>不是通过有组织劳务输出就业</source>
      <translation>Not employed through organised labour export</translation>
    </message>
    <message>
      <source>临时务工（临工）</source>
      <translation>Casual work</translation>
    </message>
    <message>
      <source>入职前最近一段就业在%1（%2），不属于返乡</source>
      <translation>The last job before this one was at %1 (%2): not a return home</translation>
    </message>
    <message>
      <source>入职前没有登记外出务工经历，不能认定为新返乡</source>
      <translation>No work away from home recorded before this job: cannot count as newly returned home</translation>
    </message>
    <message>
      <source>入职前登记失业%1个月（%2起，要求≥%3个月）</source>
      <translation>Registered unemployed for %1 {%1|month|months} before the job (from %2; at least %3 {%3|month|months} required)</translation>
    </message>
    <message>
      <source>入职时在%1的务工（%2起）尚未结束</source>
      <translation>The work at %1 (from %2) had not ended when this job began</translation>
    </message>
    <message>
      <source>务工地点%1，属%2</source>
      <translation>Place of work %1: %2</translation>
    </message>
    <message>
      <source>务工地点%1，属%2，要求%3</source>
      <translation>Place of work %1: %2; required: %3</translation>
    </message>
    <message>
      <source>务工地点未登记，要求%1</source>
      <translation>Place of work not recorded; required: %1</translation>
    </message>
    <message>
      <source>劳动合同（协议）期限%1个月（要求%2）</source>
      <translation>Labour contract (agreement) for %1 {%1|month|months} (%2 required)</translation>
    </message>
    <message>
      <source>劳动合同（协议）期限未登记（要求%1）</source>
      <translation>Length of the labour contract (agreement) not recorded (%1 required)</translation>
    </message>
    <message>
      <source>协议（%1起%2个月，至%3）</source>
      <translation>the agreement (%2 {%2|month|months} from %1, until %3)</translation>
    </message>
    <message>
      <source>只有县级汇总中心能发布政策包</source>
      <translation>Only the county hub can publish a policy pack</translation>
    </message>
    <message>
      <source>培训%1天（要求≥%2天）</source>
      <translation>Trained for %1 {%1|day|days} (at least %2 {%2|day|days} required)</translation>
    </message>
    <message>
      <source>就业形式为%1</source>
      <translation>Form of employment: %1</translation>
    </message>
    <message>
      <source>就业形式为%1，要求%2</source>
      <translation>Form of employment: %1; required: %2</translation>
    </message>
    <message>
      <source>属有组织劳务输出</source>
      <translation>Organised labour export</translation>
    </message>
    <message>
      <source>已发布政策包“%1”的 %2 版，比 %3 版新；要恢复旧版的内容，请用新的版本号发布</source>
      <translation>Edition %2 of the policy pack “%1” is published, newer than edition %3: to bring back an older edition's rules, publish them under a new edition number</translation>
    </message>
    <message>
      <source>已申领（%1），%2</source>
      <translation>Claimed (%1); %2</translation>
    </message>
    <message>
      <source>截至%1没有就业记录</source>
      <translation>No job on record as of %1</translation>
    </message>
    <message>
      <source>截至%1没有职业培训记录</source>
      <translation>No vocational training on record as of %1</translation>
    </message>
    <message>
      <source>按年度发放：%1不在政策有效期（%2）内</source>
      <translation>Paid by the year: %1 is outside the policy's period (%2)</translation>
    </message>
    <message>
      <source>按年度发放：%1在政策有效期（%2）内</source>
      <translation>Paid by the year: %1 is within the policy's period (%2)</translation>
    </message>
    <message>
      <source>按月发放：%1不在政策有效期（%2）内</source>
      <translation>Paid by the month: %1 is outside the policy's period (%2)</translation>
    </message>
    <message>
      <source>按月发放：%1在政策有效期（%2）内</source>
      <translation>Paid by the month: %1 is within the policy's period (%2)</translation>
    </message>
    <message>
      <source>政策包“%1”的 %2 版已于 %3 发布，请改用新的版本号</source>
      <translation>Edition %2 of the policy pack “%1” was published on %3: give it a new edition number</translation>
    </message>
    <message>
      <source>有乡镇外务工经历（%1起在%2），属农村转移劳动力</source>
      <translation>Has worked outside the township (at %2 from %1): rural transferred labour</translation>
    </message>
    <message>
      <source>未登记毕业年份和离校月份，无法确认离校未就业</source>
      <translation>Year of graduation and month of leaving school not recorded: cannot confirm no job since leaving school</translation>
    </message>
    <message>
      <source>未登记毕业年份（高校毕业生须登记毕业年份和离校月份）</source>
      <translation>Year of graduation not recorded (a college graduate needs the year of graduation and the month of leaving school recorded)</translation>
    </message>
    <message>
      <source>本机为%1设备：只有县级设备能把县级政策包提交汇总中心签发</source>
      <translation>This is a %1 device: only a county device can submit the county policy pack to the hub for issuing</translation>
    </message>
    <message>
      <source>本机为未登记到汇总中心的设备：只有县级设备能把县级政策包提交汇总中心签发</source>
      <translation>This device is not enrolled with the county hub: only a county device can submit the county policy pack to the hub for issuing</translation>
    </message>
    <message>
      <source>此前已有创业记录（%1起）</source>
      <translation>Has started a business before (from %1)</translation>
    </message>
    <message>
      <source>此前已通过有组织劳务输出就业（%1起，%2），非首次</source>
      <translation>Already employed through organised labour export before (from %1, %2): not the first time</translation>
    </message>
    <message>
      <source>没有就业记录</source>
      <translation>No job on record</translation>
    </message>
    <message>
      <source>用人单位类型为%1</source>
      <translation>Employer type: %1</translation>
    </message>
    <message>
      <source>用人单位类型为%1，本项补贴限%2</source>
      <translation>Employer type: %1; this subsidy is only for %2</translation>
    </message>
    <message>
      <source>用人单位类型未登记（本项补贴限%1等）</source>
      <translation>Employer type not recorded (this subsidy is for %1 and the like)</translation>
    </message>
    <message>
      <source>登记为非首次有组织劳务输出</source>
      <translation>Recorded as not the first organised labour export</translation>
    </message>
    <message>
      <source>社会保险缴费月数未登记（要求≥%1个月）</source>
      <translation>Months of social insurance paid not recorded (at least %1 {%1|month|months} required)</translation>
    </message>
    <message>
      <source>离校后已于%1就业（%2），不属于离校未就业</source>
      <translation>Has had a job since leaving school (from %1, %2): not without a job since leaving school</translation>
    </message>
    <message>
      <source>稳定就业 %1/%2 个月，%3起可申请</source>
      <translation>In steady work %1 of %2 {%2|month|months}; can be claimed from %3</translation>
    </message>
    <message>
      <source>稳定就业%1个月（%2起，要求≥%3个月）</source>
      <translation>In steady work for %1 {%1|month|months} (from %2; at least %3 {%3|month|months} required)</translation>
    </message>
    <message>
      <source>缴纳社会保险%1个月（要求≥%2个月）</source>
      <translation>Social insurance paid for %1 {%1|month|months} (at least %2 {%2|month|months} required)</translation>
    </message>
    <message>
      <source>该段就业%1至%2，仅%3个月，不足%4个月</source>
      <translation>This job ran from %1 to %2, only %3 {%3|month|months}, less than %4 {%4|month|months}</translation>
    </message>
    <message>
      <source>近%1个月内</source>
      <translation>in the last %1 {%1|month|months}</translation>
    </message>
    <message>
      <source>通过有组织劳务输出就业</source>
      <translation>Employed through organised labour export</translation>
    </message>
    <message>
      <source>通过有组织劳务输出就业（%1）</source>
      <translation>Employed through organised labour export (%1)</translation>
    </message>
    <message>
      <source>非临工</source>
      <translation>Not casual work</translation>
    </message>
    <message>
      <source>非有组织劳务输出</source>
      <translation>Not organised labour export</translation>
    </message>
    <message>
      <source>首次创业</source>
      <translation>First business</translation>
    </message>
    <message>
      <source>首次通过有组织劳务输出就业</source>
      <translation>Employed through organised labour export for the first time</translation>
    </message>
    <message>
      <source>%1的一个乡镇</source>
      <translation>a township in %1</translation>
    </message>
    <message>
      <source>%1的一个地区</source>
      <translation>a place in %1</translation>
    </message>
    <message>
      <source>%1的一个村</source>
      <translation>a village in %1</translation>
    </message>
    <message>
      <source>%1的一个组</source>
      <translation>a group in %1</translation>
    </message>
    <message>
      <source>一个台账里没有的地区</source>
      <translation>a place not in the ledger</translation>
    </message>
    <message>
      <source>%1“%2”无法识别，应为：%3</source>
      <translation>%1 “%2” is not a word this column takes; it should be one of: %3</translation>
    </message>
    <message>
      <source>“%1”列（%2 列）：%3</source>
      <translation>Column “%1” (column %2): %3</translation>
    </message>
    <message>
      <source>户主%1</source>
      <translation>Head of household: %1</translation>
    </message>
    <message>
      <source>没有写入权限</source>
      <translation>no permission to write</translation>
    </message>
    <message>
      <source>读写时出错</source>
      <translation>a read or write error</translation>
    </message>
    <message>
      <source>%1的%2「%3」是本程序没有的选项：多半是这台设备的程序比中心新。请先升级中心的程序，再接受这一条（它已保留在待审核中，不会丢失）；如果中心已是最新版本，这个值不对，请不予采纳</source>
      <translation>The “%2” of “%1”, “%3”, is an option this program does not have: most likely the device's program is newer than the hub's. Upgrade the hub's program first, then accept this change (it is kept waiting for review, nothing is lost); if the hub already runs the newest version, the value is wrong: dismiss the change</translation>
    </message>
    <message>
      <source>%1家的地址</source>
      <translation>the address of %1's household</translation>
    </message>
    <message>
      <source>%1家的走访</source>
      <translation>the visits of %1's household</translation>
    </message>
    <message>
      <source>%1的就业去向</source>
      <translation>the work of %1</translation>
    </message>
    <message>
      <source>%1的应办事项</source>
      <translation>the to-do items of %1</translation>
    </message>
    <message>
      <source>%1的开户银行在审批后改过：审批时 %2，现为 %3，表上印审批时的开户银行，请核实后发放</source>
      <translation>The bank of %1 changed after approval: %2 when approved, %3 now; the paper prints the approved bank: check before paying</translation>
    </message>
    <message>
      <source>%1的本月服务</source>
      <translation>this month's services of %1</translation>
    </message>
    <message>
      <source>%1的社保卡账号第 15 位以后全是 0，多半是从 Excel 里来的、已被丢掉后几位的号码，表上账号一栏留空：请对照银行卡或存折用笔填写，并在人员信息里改正（台账页的“账号待核实”可列出全部）</source>
      <translation>The social security card account of %1 is all 0 after its 15th digit, most likely a number from Excel that lost its last digits: the account box prints blank; write it in by hand from the bank card or passbook, and correct it in the person's details (“Accounts to check” on the ledger page lists them all)</translation>
    </message>
    <message>
      <source>%1的账号在审批后改过：审批时 %2，现为 %3，表上印审批时的账号，请核实后发放</source>
      <translation>The account of %1 changed after approval: %2 when approved, %3 now; the paper prints the approved account: check before paying</translation>
    </message>
    <message>
      <source>%1的领款单位</source>
      <translation>the payee unit of %1</translation>
    </message>
    <message>
      <source>%1等 %2 人</source>
      <translation>%1 and others, %2 {%2|person|people} in all</translation>
    </message>
    <message>
      <source>%1等处</source>
      <translation>%1 and elsewhere</translation>
    </message>
    <message>
      <source>“应办事项”中的期限是估算的：%1</source>
      <translation>The deadlines in the “To do” column are estimates: %1</translation>
    </message>
    <message>
      <source>公示期按法定节假日估算：%1年放假调休安排尚未载入，请核对公示期后再张贴（县里下发安排后重新打印即可）</source>
      <translation>The notice period is estimated from the statutory holidays: the holiday schedule of %1 is not loaded yet; check the period before posting the notice (print it again once the county sends the schedule)</translation>
    </message>
    <message>
      <source>公示表要张贴，人人看得到：%1写有“%2”，请打印后遮住再张贴</source>
      <translation>The notice goes on the wall for everyone to see: %1 says “%2”; cover it after printing, before posting</translation>
    </message>
    <message>
      <source>字库中没有“%1”，这些字印出来是空白（%2），请在纸上用笔补写</source>
      <translation>The fonts lack “%1”: those characters print blank (%2); write them in by hand on the paper</translation>
    </message>
    <message>
      <source>批次中已驳回或撤销的 %1 条申领（%2）不列入</source>
      <translation>%1 {%1|claim|claims} of the batch rejected or reversed (%2) {%1|is|are} left off</translation>
    </message>
    <message>
      <source>批次中申领人已从台账删除的 %1 条申领（%2）不列入</source>
      <translation>%1 {%1|claim|claims} of the batch whose person has been deleted from the ledger (%2) {%1|is|are} left off</translation>
    </message>
    <message>
      <source>收款账号一栏留空，由%1在申请表上填写本单位账号并盖章</source>
      <translation>The payee account box is left blank: %1 writes its account on the application form and stamps it</translation>
    </message>
    <message>
      <source>政策依据</source>
      <translation>the policy basis</translation>
    </message>
    <message>
      <source>未能生成政策包待办清单（%1），“应办事项”一栏只列本月状态</source>
      <translation>The policy pack's to-do list could not be made (%1): the “To do” column lists only this month's status</translation>
    </message>
    <message>
      <source>未载入政策包，“应办事项”一栏只列本月状态</source>
      <translation>No policy pack is loaded: the “To do” column lists only this month's status</translation>
    </message>
    <message>
      <source>走访记录要挨家挨户带着走，邻居也看得到：%1写有“%2”，请先改写，或打印后遮住再带出门</source>
      <translation>The visit sheet is carried door to door where neighbours see it: %1 says “%2”; reword it first, or cover it after printing before taking it out</translation>
    </message>
    <message>
      <source>还没有设置异议受理电话，公示表上的“监督电话”印成空白横线：请在张贴前用笔填上</source>
      <translation>No complaint phone is set: the notice prints a blank line for the phone number; write it in by hand before posting the notice</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(blank)</translation>
    </message>
    <message>
      <source>%1的社保卡账号第 15 位以后都是 0，多半是从 Excel 里来的、已被丢掉后几位的号码，表上账号一栏留空：请对照银行卡或存折用笔填写，并在人员信息里改正（台账页的“账号待核实”可列出全部）</source>
      <translation>The social security card accounts of %1 are all 0 after their 15th digit, most likely numbers from Excel that lost their last digits: their account boxes print blank; write them in by hand from the bank cards or passbooks, and correct them in the persons' details (“Accounts to check” on the ledger page lists them all)</translation>
    </message>
    <message>
      <source>%1（身份证尾号 %2）</source>
      <translation>%1 (ID number ending %2)</translation>
    </message>
    <message>
      <source>%1年放假调休安排尚未载入，期限按法定节假日估算</source>
      <translation>The official holiday schedule for %1 is not loaded yet: deadlines are estimated from the statutory holidays</translation>
    </message>
    <message>
      <source>批次“%1”中没有可打印的申领，无法打印申请表</source>
      <translation>The batch “%1” has no claim to print: no application forms can be printed</translation>
    </message>
    <message>
      <source>批次“%1”中没有可打印的申领，无法打印申请表（%2）</source>
      <translation>The batch “%1” has no claim to print: no application forms can be printed (%2)</translation>
    </message>
    <message>
      <source>批次“%1”中没有申领记录，没有可打印的人员</source>
      <translation>The batch “%1” holds no claims: there is no one to print</translation>
    </message>
    <message>
      <source>批次“%1”中的申领都已驳回或撤销，没有可打印的人员（%2）</source>
      <translation>Every claim of the batch “%1” has been rejected or reversed: there is no one to print (%2)</translation>
    </message>
    <message>
      <source>%1家的户信息</source>
      <translation>the household record of %1's family</translation>
    </message>
    <message>
      <source>%1没有被接受的原因：%2</source>
      <translation>Why %1 was not accepted: %2</translation>
    </message>
    <message>
      <source>%1的人员信息</source>
      <translation>the person record of %1</translation>
    </message>
    <message>
      <source>%1跟着%2等县里审核，中心定不了它属于哪个地区。县里先处理%3：接受了它，这条也可以接受；不予采纳它，这条也一并不予采纳。%4</source>
      <translation>This “%1” waits with %2 for the county's review: the hub cannot tell which area it belongs to. The county decides %3 first: accept that, and this one can be accepted too; dismiss it, and this one is dismissed with it. %4</translation>
    </message>
    <message>
      <source>%1还在等县里审核</source>
      <translation>%1 is itself waiting for the county's review</translation>
    </message>
    <message>
      <source>它没有被接受的原因：%1</source>
      <translation>Why that one was not accepted: %1</translation>
    </message>
    <message>
      <source>它还在等县里审核</source>
      <translation>That one is itself waiting for the county's review</translation>
    </message>
    <message>
      <source>户（%1）的户信息</source>
      <translation>the household record at %1</translation>
    </message>
    <message>
      <source>%1在台账中还没有住户，没有可打印的走访记录</source>
      <translation>%1 has no households in the ledger yet: there is no visit sheet to print</translation>
    </message>
    <message>
      <source>%1截至%2没有要列出的户级责任，没有可打印的清单</source>
      <translation>%1 has no household duties to list as of %2: there is no list to print</translation>
    </message>
    <message>
      <source>%1截至%2的%3没有人员，没有可打印的内容</source>
      <translation>The %3 of %1 as of %2 lists no one: there is nothing to print</translation>
    </message>
    <message>
      <source>%1截至%2的一库五册没有人员，没有可打印的内容</source>
      <translation>The five rosters of %1 as of %2 list no one: there is nothing to print</translation>
    </message>
    <message>
      <source>%1（身份证尾号 %2，%3）</source>
      <translation>%1 (ID number ending %2, %3)</translation>
    </message>
    <message>
      <source>走访记录表按村或安置点打印：%1 不是村或安置点</source>
      <translation>A visit sheet is printed for a village or relocation site: %1 is neither</translation>
    </message>
    <message>
      <source>%1 %2 晚于今天</source>
      <translation>%1 %2 is after today</translation>
    </message>
    <message>
      <source>%1 下的地点已满 999 个，无法再新建</source>
      <translation>There are already 999 places under %1: no new one can be made</translation>
    </message>
    <message>
      <source>%1“%2”不合理</source>
      <translation>%1 “%2” cannot be right</translation>
    </message>
    <message>
      <source>%1“%2”不是数字</source>
      <translation>%1 “%2” is not a number</translation>
    </message>
    <message>
      <source>%1“%2”不是有效日期（应为 2024-03-05 这样的格式）</source>
      <translation>%1 “%2” is not a valid date (write it as 2024-03-05)</translation>
    </message>
    <message>
      <source>%1“%2”只有年份，请填写到月份（如 %3-03）</source>
      <translation>%1 “%2” is a year only: give the month too (as %3-03)</translation>
    </message>
    <message>
      <source>%1“%2”应为 6、9 或 12 位数字</source>
      <translation>%1 “%2” should have 6, 9 or 12 digits</translation>
    </message>
    <message>
      <source>%1“%2”应为四位年份</source>
      <translation>%1 “%2” should be a four-digit year</translation>
    </message>
    <message>
      <source>%1“%2”应为月数（整数）</source>
      <translation>%1 “%2” should be a number of months (a whole number)</translation>
    </message>
    <message>
      <source>%1“%2”应填“是”或“否”</source>
      <translation>%1 “%2” should be “是” (yes) or “否” (no)</translation>
    </message>
    <message>
      <source>%1“%2”没有写年份：请写成 %3 这样的格式</source>
      <translation>%1 “%2” has no year: write it as %3</translation>
    </message>
    <message>
      <source>%1“%2”被 Excel 存成了数字（输入的 %3.10 会变成 %3.1），看不出是 %3 年 1 月还是 10 月；请把该列设为文本，填写 %3-01 或 %3-10 这样的格式后重新导入</source>
      <translation>%1 “%2” was stored by Excel as a number (%3.10 typed becomes %3.1), so it cannot tell January %3 from October %3: set the column to text, write %3-01 or %3-10, and import again</translation>
    </message>
    <message>
      <source>%1下找不到乡镇（街道）“%2”</source>
      <translation>No township “%2” in %1</translation>
    </message>
    <message>
      <source>%1不能为负数</source>
      <translation>%1 cannot be negative</translation>
    </message>
    <message>
      <source>%1为空：请填写%1（只知道月份的，填 2024-03 这样）</source>
      <translation>%1 is blank: fill it in (only the month known: write it as 2024-03)</translation>
    </message>
    <message>
      <source>%1列（%2 列）是各月的就业状态，但没有写年份：这几列没有导入。请把列名写成“2026年1月”这样，或在表格标题中写明年份（如“2026年大坝村劳动力花名册”），再导入</source>
      <translation>{%2#|Column|Columns} %1 ({%2#|column|columns} %2) {%2#|holds|hold} each month's work status but {%2#|names|name} no year, so {%2#|it was|they were} not imported. Name the {%2#|column|columns} as “2026年1月”, or give the year in the sheet's title (as “2026年大坝村劳动力花名册”), then import again</translation>
    </message>
    <message>
      <source>%1列（%2 列）是各月的就业状态：每一格按它那一列的月份读取%3，请核对</source>
      <translation>{%2#|Column|Columns} %1 ({%2#|column|columns} %2) {%2#|holds|hold} each month's work status: each cell is read as the month of its column%3. Please check</translation>
    </message>
    <message>
      <source>%1的结束日期</source>
      <translation>%1 (end date)</translation>
    </message>
    <message>
      <source>%1的认定日期</source>
      <translation>%1 (date recognised)</translation>
    </message>
    <message>
      <source>%1：这一格没有导入，这份工作照常导入，请核对后补填</source>
      <translation>%1: this cell was not imported; the job was imported as usual. Check it and fill it in</translation>
    </message>
    <message>
      <source>%1：这份工作按“未登记”记录，按就业形式审核的补贴不会认定；请在程序中打开这个人，补填就业形式</source>
      <translation>%1: the job is recorded with its form “not recorded”, so subsidies judged on the form of employment will not be granted; open this person in the program and fill in the form of employment</translation>
    </message>
    <message>
      <source>%1：这份工作（就业状态和务工各列）没有导入，这个人的其余信息照常导入；请在表格中改正后用“更新”方式再导入，或在程序中打开这个人补录</source>
      <translation>%1: the job (the work status and the job's columns) was not imported; the rest of this person was imported as usual. Correct it in the sheet and import again with “Update”, or open this person in the program and enter it</translation>
    </message>
    <message>
      <source>“三类人员”是统称，请写明具体类别（脱贫人口、农村低收入人口、易地搬迁人口等）</source>
      <translation>“三类人员” (the three groups) names several categories: write the category itself (Lifted out of poverty, Rural low-income, Relocated …)</translation>
    </message>
    <message>
      <source>与户主关系为“户主”，但户主身份证号码不是本人的号码</source>
      <translation>Relation to head is “户主” (head of household), but the head of household's ID number is not this person's own</translation>
    </message>
    <message>
      <source>人员类别“%1”格式不对</source>
      <translation>Category “%1” is not written as the column takes it</translation>
    </message>
    <message>
      <source>区划代码 %1 不是贵州省现行的县或乡镇代码</source>
      <translation>Division code %1 is no current county or township code of Guizhou</translation>
    </message>
    <message>
      <source>区划代码“%1”应为 6、9、12 或 15 位数字</source>
      <translation>Division code “%1” should have 6, 9, 12 or 15 digits</translation>
    </message>
    <message>
      <source>县（市、区）“%1”有重名，请填写区划代码</source>
      <translation>More than one county is called “%1”: give the division code</translation>
    </message>
    <message>
      <source>填写了村或安置点，但没有填写乡镇（街道）</source>
      <translation>A village or resettlement site is given, but no township</translation>
    </message>
    <message>
      <source>姓名“%1…”过长</source>
      <translation>Name “%1…” is too long</translation>
    </message>
    <message>
      <source>姓名为空</source>
      <translation>The name is blank</translation>
    </message>
    <message>
      <source>就业状态为空</source>
      <translation>The work status is blank</translation>
    </message>
    <message>
      <source>工作表“%1”第 %2 行</source>
      <translation>row %2 of sheet “%1”</translation>
    </message>
    <message>
      <source>性别填的是“%1”，但身份证号码表明是%2性，请核对</source>
      <translation>Sex is given as “%1”, but the ID number says %2: please check</translation>
    </message>
    <message>
      <source>户主所在的%1未能导入，同户成员一并退回</source>
      <translation>The head of household's %1 was not imported; the household's members are sent back with it</translation>
    </message>
    <message>
      <source>户主身份证号码 %1 既不在本表中，也不在台账中</source>
      <translation>Head of household's ID number %1 is neither on this sheet nor in the ledger</translation>
    </message>
    <message>
      <source>户主身份证号码为空（户主本人可填自己的号码）</source>
      <translation>The head of household's ID number is blank (a head of household may give their own number)</translation>
    </message>
    <message>
      <source>户主（身份证号码 %1）在台账中尚未分户，请先为其建户</source>
      <translation>The head of household (ID number %1) is in the ledger but in no household yet: make their household first</translation>
    </message>
    <message>
      <source>无法导出：程序暂存表格的文件夹写不进去（%1）。这是电脑本身的磁盘，%2。原来的文件没有改动</source>
      <translation>Cannot export: the folder where the program keeps the workbook while writing it could not be written to (%1). That is the computer's own disk: %2. The file that was there before is unchanged</translation>
    </message>
    <message>
      <source>月份为空</source>
      <translation>The month is blank</translation>
    </message>
    <message>
      <source>未知的人员类别“%1”（可用：%2）</source>
      <translation>Unknown category “%1” (these are known: %2)</translation>
    </message>
    <message>
      <source>本人身份证号码与户主身份证号码相同，但与户主关系填的是“%1”</source>
      <translation>The person's ID number is the head of household's, but the relation to head is given as “%1”</translation>
    </message>
    <message>
      <source>登记日期和发现日期至少填一个</source>
      <translation>Give the registration date or the date found, at least one</translation>
    </message>
    <message>
      <source>第 %1 行</source>
      <translation>row %1</translation>
    </message>
    <message>
      <source>结束日期%1早于开始日期%2</source>
      <translation>The end date, %1, is before the start date, %2</translation>
    </message>
    <message>
      <source>请先腾出空间再导出</source>
      <translation>free some space on it, then export again</translation>
    </message>
    <message>
      <source>请填写县（市、区）或区划代码</source>
      <translation>Give the county or the division code</translation>
    </message>
    <message>
      <source>请让管理这台电脑的人查看这个文件夹的写入权限（或安全软件是否拦住了本程序）后再导出</source>
      <translation>ask whoever looks after this computer to check the folder's write permission (or whether security software is blocking this program), then export again</translation>
    </message>
    <message>
      <source>请重新启动电脑后再导出一次</source>
      <translation>restart the computer, then export again</translation>
    </message>
    <message>
      <source>贵州省内找不到县（市、区）“%1”</source>
      <translation>No county “%1” in Guizhou</translation>
    </message>
    <message>
      <source>身份证号码 %1 不在台账中，也不在本工作簿的人员表中</source>
      <translation>ID number %1 is neither in the ledger nor on this workbook's people sheets</translation>
    </message>
    <message>
      <source>身份证号码 %1 与%2重复</source>
      <translation>ID number %1 is given again: also on %2</translation>
    </message>
    <message>
      <source>身份证号码 %1 已在台账中（%2），不能重复导入；要用表格更新已有的人，请选择“更新”方式导入</source>
      <translation>ID number %1 is already in the ledger (%2) and cannot be imported again; to update people already in the ledger from a sheet, choose the “Update” import</translation>
    </message>
    <message>
      <source>身份证号码 %1 这个人在工作表“%2”第 %3 行没有导入（原因见那一行），这一行也没有导入；改正那一行后一并重新导入</source>
      <translation>The person with ID number %1 was not imported on row %3 of sheet “%2” (the reason is on that row), so this row was not imported either; correct that row, then import both again</translation>
    </message>
    <message>
      <source>台账中没有区划代码为 %1 的村（社区）或安置点</source>
      <translation>The ledger has no village (community) or relocation site with the area code %1</translation>
    </message>
    <message>
      <source>输出文件“%1”应以 .pdf 结尾</source>
      <translation>The output file “%1” should end in .pdf</translation>
    </message>
    <message>
      <source>月份应写成“年-月”，如 2025-03：%1</source>
      <translation>A month is written year-month, as 2025-03: %1</translation>
    </message>
    <message>
      <source>日期“%1”不是有效日期</source>
      <translation>The date “%1” is not a valid date</translation>
    </message>
    <message>
      <source>日期“%1”格式不对，应为 YYYY-MM-DD</source>
      <translation>The date “%1” is not written right: write it as YYYY-MM-DD</translation>
    </message>
    <message>
      <source>%1“%2”前面的 0 被表格程序去掉了（存成了数字），已按“%3”读取，请核对；以后请把该列设为文本</source>
      <translation>%1 “%2” lost its leading 0 to the spreadsheet program (it was stored as a number): read as “%3”, please check; format the column as text from now on</translation>
    </message>
    <message>
      <source>%1“%2”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；请把该列设为文本后重新录入</source>
      <translation>%1 “%2” was stored by Excel as a number (scientific notation): its last digits are lost and cannot be recovered. Format the column as text and enter it again</translation>
    </message>
    <message>
      <source>%1“%2”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写</source>
      <translation>%1 “%2” was stored by Excel as a number (scientific notation): its last digits are lost and cannot be recovered. This cell was not imported; the rest of this person was imported as usual. Format the column as text and enter it again from the bank card or passbook</translation>
    </message>
    <message>
      <source>%1“%2”第 15 位以后全是 0：多半是 Excel 把它存成数字时丢掉了后几位（Excel 只保留 15 位数字），无法恢复；这一格没有导入，这个人的其余信息照常导入；请对照银行卡或存折重新填写，并把该列设为文本</source>
      <translation>%1 “%2” has only zeros after its 15th digit: most likely Excel lost the last digits when it stored it as a number (Excel keeps 15 digits), and they cannot be recovered. This cell was not imported; the rest of this person was imported as usual. Enter it again from the bank card or passbook, and format the column as text</translation>
    </message>
    <message>
      <source>%1含有控制字符（不可见的特殊字符），请删除后重新填写</source>
      <translation>%1 holds control characters (invisible special characters): delete them and fill it in again</translation>
    </message>
    <message>
      <source>%1已被 Excel 存成数字（%2），后几位可能已丢失，无法恢复；请把该列设为文本后重新录入</source>
      <translation>%1 was stored by Excel as a number (%2): its last digits may be lost and cannot be recovered. Format the column as text and enter it again</translation>
    </message>
    <message>
      <source>%1已被 Excel 存成数字（%2），后几位可能已丢失，无法恢复；这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写</source>
      <translation>%1 was stored by Excel as a number (%2): its last digits may be lost and cannot be recovered. This cell was not imported; the rest of this person was imported as usual. Format the column as text and enter it again from the bank card or passbook</translation>
    </message>
    <message>
      <source>%1是导出时截短的长文本，这一格没有导入（台账里的全文不变；要改它，请在程序里改）</source>
      <translation>%1 is a long text the export cut short: this cell was not imported (the ledger's full text is unchanged; to change it, change it in the program)</translation>
    </message>
    <message>
      <source>%1过长（%2 字，最多 %3 字）</source>
      <translation>%1 is too long (%2 {%2|character|characters}, at most %3)</translation>
    </message>
    <message>
      <source>%1：%2。这一格没有导入，这个人的其余信息照常导入；请对照银行卡或存折核对后重新填写</source>
      <translation>%1: %2. This cell was not imported; the rest of this person was imported as usual. Check it against the bank card or passbook and enter it again</translation>
    </message>
    <message>
      <source>%1：%2（这个人已照常导入）</source>
      <translation>%1: %2 (this person was imported as usual)</translation>
    </message>
    <message>
      <source>务工地点“%1”未能识别为行政区划，按文字保存</source>
      <translation>Place of work “%1” is not a known administrative division: kept as written</translation>
    </message>
    <message>
      <source>务工开始日期%1晚于今天</source>
      <translation>The job's start date %1 is later than today</translation>
    </message>
    <message>
      <source>固定电话应为区号加 7–8 位号码，“%1”的位数不对，请核对</source>
      <translation>A landline is an area code and 7–8 digits; “%1” has the wrong number of digits: please check</translation>
    </message>
    <message>
      <source>就业状态为“%1”，但填写了务工信息，请核对</source>
      <translation>The work status is “%1”, but the job's columns are filled in: please check</translation>
    </message>
    <message>
      <source>手机号码应为 11 位，“%1”是 %2 位，请核对</source>
      <translation>A mobile number has 11 digits; “%1” has %2: please check</translation>
    </message>
    <message>
      <source>电话号码“%1”位数不对：手机 11 位，固定电话为区号加 7–8 位</source>
      <translation>Phone number “%1” has the wrong number of digits: a mobile has 11, a landline an area code and 7–8</translation>
    </message>
    <message>
      <source>电话号码“%1”只能有数字（可带区号和短横线）</source>
      <translation>Phone number “%1” may hold only digits (with an area code and hyphens)</translation>
    </message>
    <message>
      <source>填了%1但没有务工开始日期，就业情况未导入，请补录</source>
      <translation>%1 filled in, but no start date of the job: the work situation was not imported; please add it</translation>
    </message>
    <message>
      <source>已就业但没有务工开始日期，就业情况未导入，请补录</source>
      <translation>Employed, but no start date of the job: the work situation was not imported; please add it</translation>
    </message>
    <message>
      <source>就业形式未填写，这份工作按“未登记”记录，按就业形式审核的补贴（吸纳就业、灵活就业、自主创业等）不会认定；请在程序中打开这个人，补填就业形式</source>
      <translation>No form of employment given: this job is kept as “Not recorded”, and subsidies judged on the form (employment absorption, flexible employment, self-employment …) will not be granted. Open this person in the program and fill in the form of employment</translation>
    </message>
    <message>
      <source>就业状态是“已就业”，但这份工作（%1）已于%2结束：两者不一致。已按所填导入（%3记为已就业，这份工作记为已结束，这个月没有算在这份工作上），请核对是否换了工作（换了的请补录新工作）</source>
      <translation>The work status is “Employed”, but this job (%1) ended on %2: the two disagree. Imported as written (%3 kept as employed, this job as ended, the month not counted for this job); please check whether the person changed jobs (if so, add the new job)</translation>
    </message>
    <message>
      <source>就业状态是“已就业”，但这份工作（务工单位未填）已于%1结束：两者不一致。已按所填导入（%2记为已就业，这份工作记为已结束，这个月没有算在这份工作上），请核对是否换了工作（换了的请补录新工作）</source>
      <translation>The work status is “Employed”, but this job (employer not given) ended on %1: the two disagree. Imported as written (%2 kept as employed, this job as ended, the month not counted for this job); please check whether the person changed jobs (if so, add the new job)</translation>
    </message>
    <message>
      <source>%1%2早于务工开始日期%3</source>
      <translation>%1 %2 is before the job's start date %3</translation>
    </message>
    <message>
      <source>%1%2晚于今天</source>
      <translation>%1 %2 is later than today</translation>
    </message>
    <message>
      <source>%1“%2”：这一行没有务工（就业状态或务工开始日期未填），这一格没有导入</source>
      <translation>%1 “%2”: this row has no job (no work status or start date of the job), so this cell was not imported</translation>
    </message>
    <message>
      <source>%1：这一格没有导入，这份工作照常导入（按仍在进行），请核对</source>
      <translation>%1: this cell was not imported; the job was imported as usual (as still running), please check</translation>
    </message>
    <message>
      <source>%1：这份工作没有导入，这个人的其余信息照常导入，请核对</source>
      <translation>%1: this job was not imported; the rest of this person was imported as usual, please check</translation>
    </message>
    <message>
      <source>%1 %2 是 15 位的旧号码，已按国家标准升级为 18 位 %3</source>
      <translation>%1 %2 is an old 15-digit number: upgraded to the 18-digit %3 by the national standard</translation>
    </message>
    <message>
      <source>账号“%1”只能有数字（空格和短横线会自动去掉）</source>
      <translation>Account “%1” may hold only digits (spaces and hyphens are dropped)</translation>
    </message>
    <message>
      <source>账号“%1”是 %2 位，位数不对，请核对（银行卡、社保卡账号一般 16–19 位）</source>
      <translation>Account “%1” has %2 {%2|digit|digits}, which is wrong: please check (bank and social security card accounts have 16–19 digits)</translation>
    </message>
    <message>
      <source>账号“%1”第 15 位以后全是 0：多半是从 Excel 里复制的、已被 Excel 丢掉后几位的号码（Excel 只保留 15 位数字）；请对照银行卡或存折输入</source>
      <translation>Account “%1” has only zeros after its 15th digit: most likely copied from Excel, which lost its last digits (Excel keeps 15 digits). Enter it from the bank card or passbook</translation>
    </message>
    <message>
      <source>%1：本表填的是 %2，工作表“%3”第 %4 行填的是 %5，按“%3”导入；请核对哪个对</source>
      <translation>%1: this sheet gives %2, row %4 of sheet “%3” gives %5; imported as “%3” gives it, please check which is right</translation>
    </message>
    <message>
      <source>有 %1 份工作没有填务工开始日期：按它最早出现的那个月的 1 日记为开始日期，请核对</source>
      <translation>Jobs with no start date: %1; each was taken to start on the 1st of the first month naming it, please check</translation>
    </message>
    <message>
      <source>%1要用 %2 版或更新版本的程序才能启用（本机的程序是 %3 版），请升级本机程序；该政策包未启用</source>
      <translation>To take %1 into force needs version %2 of the program or later (this computer has version %3): please upgrade the program here; the pack is not taken into force</translation>
    </message>
    <message>
      <source>%1要用更新版本的程序才能启用（本机的程序是 %2 版，县里是用更新的程序签发的），请升级本机程序；该政策包未启用</source>
      <translation>To take %1 into force needs a later version of the program (this computer has version %2; the county issued it with a later program): please upgrade the program here; the pack is not taken into force</translation>
    </message>
    <message>
      <source>%1已经存在。</source>
      <translation>%1 already exists.</translation>
    </message>
    <message>
      <source>%1是一个文件夹，请选择或写上一个文件。</source>
      <translation>%1 is a folder: choose or type the name of a file.</translation>
    </message>
    <message>
      <source>文件不存在：找不到%1。它可能被移走或改了名，或者所在的 U 盘被拔出了。</source>
      <translation>File not found: %1 is not there. It may have been moved or renamed, or the USB stick holding it was pulled out.</translation>
    </message>
    <message>
      <source>文件名太长，请起一个短一些的名字</source>
      <translation>the file name is too long: choose a shorter one</translation>
    </message>
    <message>
      <source>文件名太长：%1。请起一个短一些的名字。</source>
      <translation>The file name is too long: %1. Choose a shorter name.</translation>
    </message>
    <message>
      <source>文件已经存在</source>
      <translation>the file already exists</translation>
    </message>
    <message>
      <source>文件正被其他程序（Excel、WPS、PDF 阅读器）打开，请先关闭它</source>
      <translation>the file is open in another program (Excel, WPS, a PDF reader): close it first</translation>
    </message>
    <message>
      <source>文件被占用：%1正被其他程序（Excel、WPS、PDF 阅读器）打开。请先关闭它，再试一次。</source>
      <translation>File in use: %1 is open in another program (Excel, WPS, a PDF reader). Close it there, then try again.</translation>
    </message>
    <message>
      <source>没有权限读写%1，或它正被其他程序（Excel、WPS、PDF 阅读器）打开。请先关闭它，或换一个文件夹，再试一次。</source>
      <translation>No permission to read or write %1, or it is open in another program (Excel, WPS, a PDF reader). Close it there, or choose another folder, then try again.</translation>
    </message>
    <message>
      <source>磁盘已满：%1没有写完。请腾出磁盘空间（或换一个 U 盘）后再试一次。</source>
      <translation>The disk is full: %1 was not written completely. Free some disk space (or use another USB stick), then try again.</translation>
    </message>
    <message>
      <source>磁盘是只读的（U 盘打开了写保护？）：%1写不进去。</source>
      <translation>The disk is read-only (is the USB stick write-protected?): %1 cannot be written.</translation>
    </message>
    <message>
      <source>读写%1时磁盘出错：U 盘可能被拔出了，或已损坏。请插好后再试一次。</source>
      <translation>The disk failed while reading or writing %1: the USB stick may have been pulled out, or be damaged. Plug it back in, then try again.</translation>
    </message>
    <message>
      <source>路径%1中有一段是文件而不是文件夹。</source>
      <translation>Part of the path %1 is a file, not a folder.</translation>
    </message>
    <message>
      <source>%1已在工作表%2中读取：这张表中他们的人员信息没有再读（以那张表为准），各月的就业状态和工作照常读取</source>
      <translation>%1 already read on sheet %2: their personal details on this sheet were not read again (that sheet's stand); their monthly work status and jobs were read as usual</translation>
    </message>
    <message>
      <source>人员类别中的“登记失业人员”已同时记为失业登记</source>
      <translation>“Registered unemployed” in the person category was also recorded as an unemployment registration</translation>
    </message>
    <message>
      <source>%1月</source>
      <translation>month %1</translation>
    </message>
    <message>
      <source>%1（%2）的姓名在第 %3 行填得不一样（%4：%5）：姓名不应每月不同，%6，请核对表格</source>
      <translation>%1 (%2) has a different name in {%3#|row|rows} %3 (%4: %5): a name does not change from month to month; %6. Please check the sheet</translation>
    </message>
    <message>
      <source>%1（%2）的性别在第 %3 行填得不一样（%4：%5）：性别不应每月不同，这一格没有导入，按身份证号码记录，请核对表格</source>
      <translation>%1 (%2) has a different sex in {%3#|row|rows} %3 (%4: %5): sex does not change from month to month, so the cell was not imported and the sex is taken from the ID number. Please check the sheet</translation>
    </message>
    <message>
      <source>%1，表中没有就业状态列：按人员表读只会读到每人的第一行，这张表的 %2 行都没有导入。人员信息请每人一行填在人员表中；各月的就业状态请放在名为“月度状态”的工作表中（身份证号码、月份、就业状态各一列，一人每月一行；导入模板和导出的台账里都有这张表），再导入</source>
      <translation>%1, with no work status column: read as a people sheet only each person's first row would be read, so {%2|its one row was not imported|none of its %2 rows were imported}. Put people's details in a people sheet, one row each; put each month's work status in a sheet named “月度状态” (columns for ID number, month and work status, one row per person per month; the import template and an exported ledger have this sheet), then import again</translation>
    </message>
    <message>
      <source>%1：每一行那个月的就业状态按月读取（“%2”列和“%3”列），不会把某个月的状态记成本月的；每人的各行合并为一人，人员信息取最近一个月那一行的（那一行空着的格取之前月份填的）；不同的工作（务工单位或开始日期不同）各记一段就业经历，后来换了工作或不再就业的，记为在最后填写它的那个月的月底结束，请核对</source>
      <translation>%1: each row's work status is read for its own month (columns “%2” and “%3”), never saved as this month's; each person's rows are merged into one person, the details taken from the latest month's row (its blank cells from earlier months); each different job (another employer or start date) is kept as a job of its own, and one followed by another job or by none ends at the end of the last month that names it. Please check</translation>
    </message>
    <message>
      <source>“%1”列（%2 列）</source>
      <translation>column “%1” (column %2)</translation>
    </message>
    <message>
      <source>“%1”列（%2 列）有月份没有写年份（如“%3”），按%4中的 %5 年读取%6，请核对</source>
      <translation>Column “%1” (column %2) has months written without their year (such as “%3”): read as of %5, the year given by %4%6. Please check</translation>
    </message>
    <message>
      <source>保留台账中的“%1”</source>
      <translation>the ledger's “%1” is kept</translation>
    </message>
    <message>
      <source>台账中没有身份证号为 %1 的人员</source>
      <translation>The ledger has no person with ID number %1</translation>
    </message>
    <message>
      <source>台账中没有身份证号为 %1 的人员。这个号码本身有误：%2</source>
      <translation>The ledger has no person with ID number %1. The number itself is wrong: %2</translation>
    </message>
    <message>
      <source>工作表“%1”有“%2”列（%3 列），是每人每月一行的表</source>
      <translation>Sheet “%1” has a column “%2” (column %3): it is a sheet of one row per person per month</translation>
    </message>
    <message>
      <source>工作表“%1”有“%2”列（%3 列），有 %4 人各占多行，是每人每月一行的表</source>
      <translation>Sheet “%1” has a column “%2” (column %3), and %4 {%4|person takes|people take} several rows each: it is a sheet of one row per person per month</translation>
    </message>
    <message>
      <source>打不开台账“%1”：它所在的文件夹（U 盘、光盘）是只读的，或没有写入权限——程序要在台账旁边写入它的工作文件才能打开它。请关闭 U 盘的写保护，或把台账文件%2拷到电脑上再打开。台账没有改动</source>
      <translation>Cannot open the ledger “%1”: its folder (a USB stick, a CD) is read-only, or you may not write there — the program writes its working files beside the ledger to open it. Switch off the USB stick's write protection, or copy the ledger file%2 to the computer and open it there. The ledger was not changed</translation>
    </message>
    <message>
      <source>按最近一个月（第 %1 行）的“%2”导入</source>
      <translation>imported as “%2”, the latest month's (row %1)</translation>
    </message>
    <message>
      <source>无法在“%1”新建台账：这个文件夹（U 盘、光盘）是只读的，或没有写入权限。请关闭 U 盘的写保护，或另选一个文件夹</source>
      <translation>Cannot create a ledger in “%1”: the folder (a USB stick, a CD) is read-only, or you may not write there. Switch off the USB stick's write protection, or choose another folder</translation>
    </message>
    <message>
      <source>（连同旁边的钥匙文件 %1）</source>
      <translation> (with its key file %1 beside it)</translation>
    </message>
    <message>
      <source>，没有写年份的按%1中的 %2 年读取%3</source>
      <translation>; those naming no year are read as of %2, the year given by %1%3</translation>
    </message>
    <message>
      <source>；%1月之后的%2是跨年的，按 %3 年读取</source>
      <translation>; %2 after month %1 run into the new year and are read as of %3</translation>
    </message>
    <message>
      <source>政策包 %1</source>
      <translation>Policy pack %1</translation>
    </message>
    <message>
      <source>政策包 %1 第 %2 行：%3</source>
      <translation>Policy pack %1, line %2: %3</translation>
    </message>
    <message>
      <source>政策包 %1：%2</source>
      <translation>Policy pack %1: %2</translation>
    </message>
    <message>
      <source>%1要用 %2 版或更新版本的程序才能签发（本机的程序是 %3 版），请升级本机程序</source>
      <translation>To sign %1 needs version %2 of the program or later (this computer has version %3): please upgrade the program here</translation>
    </message>
    <message>
      <source>%1%2（第 %3 行）也在工作表%4中：这张旧表或备份中他们的行没有读取，以工作表%4为准，请核对</source>
      <translation>%1%2 ({%3#|row|rows} %3) {%1#|is|are} also in {%4#|sheet|sheets} %4: their {%3#|row|rows} in this old sheet or backup {%3#|was|were} not read, {%4#|sheet %4 counts|sheets %4 count}. Please check</translation>
    </message>
    <message>
      <source>%1%2（第 %3 行）也在显示的工作表%4中：这张隐藏的工作表中他们的行没有读取，以显示的工作表%4为准，请核对</source>
      <translation>%1%2 ({%3#|row|rows} %3) {%1#|is|are} also in the shown {%4#|sheet|sheets} %4: their {%3#|row|rows} in this hidden sheet {%3#|was|were} not read, the shown {%4#|sheet %4 counts|sheets %4 count}. Please check</translation>
    </message>
    <message>
      <source>%1%2（第 %3 行）同一%5的%6记录也在工作表%4中：这张旧表或备份中这些行没有读取，以工作表%4为准，请核对</source>
      <translation>The %6 {%3#|record|records} of %1%2 ({%3#|row|rows} %3) of the same %5 {%3#|is|are} also in {%4#|sheet|sheets} %4: {%3#|this row|these rows} of this old sheet or backup {%3#|was|were} not read, {%4#|sheet %4 counts|sheets %4 count}. Please check</translation>
    </message>
    <message>
      <source>%1%2（第 %3 行）同一%5的%6记录也在显示的工作表%4中：这张隐藏的工作表中这些行没有读取，以显示的工作表%4为准，请核对</source>
      <translation>The %6 {%3#|record|records} of %1%2 ({%3#|row|rows} %3) of the same %5 {%3#|is|are} also in the shown {%4#|sheet|sheets} %4: {%3#|this row|these rows} of this hidden sheet {%3#|was|were} not read, the shown {%4#|sheet %4 counts|sheets %4 count}. Please check</translation>
    </message>
    <message>
      <source>%1在第 %2 行的身份证号码是 %3，第 %4 行（“%5”列，%6 列）却是 %7：同一户的同一个人各月的身份证号码应当相同，第 %4 行按 %3 读取（%8），请核对表格中的号码</source>
      <translation>%1 has ID number %3 in {%2#|row|rows} %2, but %7 in {%4#|row|rows} %4 (column “%5”, column %6): one person of one household has the same ID number every month, so {%4#|row %4 was|rows %4 were} read as %3 (%8). Please check the numbers in the sheet</translation>
    </message>
    <message>
      <source>%1已填了这个人%2的就业状态“%3”，这一行是“%4”：一个月只能有一个就业状态，按%1导入，这一行没有导入，请核对</source>
      <translation>In %1 this person's work status for %2 is already “%3”, in this row “%4”: a month has one work status, so the one in %1 was imported and this row was not. Please check</translation>
    </message>
    <message>
      <source>%1是公式没有保存结果，按空白读取</source>
      <translation>%1 is a formula whose result was not saved; read as blank</translation>
    </message>
    <message>
      <source>%1是公式的错误值“%2”，按空白读取</source>
      <translation>%1 is a formula's error value “%2”; read as blank</translation>
    </message>
    <message>
      <source>%1（%2，%3户）</source>
      <translation>%1 (%2, household of %3)</translation>
    </message>
    <message>
      <source>人员类别中的“登记失业人员”未能记为失业登记：%1</source>
      <translation>“登记失业人员” (registered unemployed) in the person category could not be recorded as an unemployment registration: %1</translation>
    </message>
    <message>
      <source>人员类别填了“登记失业人员”但没有登记日期，未记为失业登记（享受政策要看失业登记）：请写成“登记失业人员（2024-06-01）”，或在“失业登记”表中填写</source>
      <translation>The person category says “登记失业人员” (registered unemployed) without the date of registration, so no unemployment registration was recorded (the policies look at the registration): write it as “登记失业人员（2024-06-01）”, or fill it in the “失业登记” sheet</translation>
    </message>
    <message>
      <source>取最近一个月填的号码</source>
      <translation>the latest month's number</translation>
    </message>
    <message>
      <source>台账中已有这条记录，%1不同（台账：%2，表格：%3）；要修改请用“更新”方式导入</source>
      <translation>The ledger already has this record with another %1 (ledger: %2, sheet: %3); to change it, import with “Update”</translation>
    </message>
    <message>
      <source>台账中是这个号码</source>
      <translation>the ledger holds this number</translation>
    </message>
    <message>
      <source>台账中有 %1 人不在表中：%2%3。表格导入不删除人员，他们在台账中照旧；如已迁出、去世或重复录入，请在程序中打开这个人，点“删除”并写明原因</source>
      <translation>%1 {%1|person|people} of the ledger {%1|is|are} not on the sheet: %2%3. Importing a sheet deletes no one: {%1|this person stays|they stay} in the ledger as {%1|before|they were}. If {%1|this person|they} moved away, died or {%1|was|were} entered twice, open the person in the program, click “Delete” and give the reason</translation>
    </message>
    <message>
      <source>有 %1 行在表格中是隐藏的（被筛选或手动隐藏）：第 %2 行，已照常读取，请核对</source>
      <translation>%1 {%1|row is|rows are} hidden in the sheet (filtered or hidden by hand): {%1|row|rows} %2. {%1|It was|They were} read as usual; please check</translation>
    </message>
    <message>
      <source>有 %1 行是小计或合计（第 %2 行，如“%3”），不是人员，未读取</source>
      <translation>%1 {%1|row is a subtotal or total|rows are subtotals or totals} ({%1|row|rows} %2, such as “%3”), not {%1|a person|people}, and {%1|was|were} not read</translation>
    </message>
    <message>
      <source>等 %1 人</source>
      <translation> and others, %1 {%1|person|people} in all</translation>
    </message>
    <message>
      <source>等 %1 行</source>
      <translation> and others, %1 {%1|row|rows} in all</translation>
    </message>
    <message>
      <source>这一行“%1”只有这一格，没有身份证号码，是表下的说明、合计或签名，不是人员，未读取；如果是人员，请补填身份证号码</source>
      <translation>This row “%1” has only this cell and no ID number: a note, total or signature under the form, not a person, and was not read; if it is a person, fill in the ID number</translation>
    </message>
    <message>
      <source>这一行“%1”是小计或合计，不是人员，未读取</source>
      <translation>This row “%1” is a subtotal or total, not a person, and was not read</translation>
    </message>
    <message>
      <source>这一行“%1”是表尾的合计或签名，不是人员，未读取</source>
      <translation>This row “%1” is the form's total or signature at its foot, not a person, and was not read</translation>
    </message>
    <message>
      <source>这一行在表格中是隐藏的，已照常读取</source>
      <translation>This row is hidden in the sheet; it was read as usual</translation>
    </message>
    <message>
      <source>（“长期”按无固定期限读）</source>
      <translation> (“长期” is read as open-ended)</translation>
    </message>
    <message>
      <source>第 %1 行是模板的填写示例（“%2”），不是人员，未读取；如果是人员，请删去“示例”字样后再导入</source>
      <translation>{%1#|Row %1 is the template's example|Rows %1 are the template's examples} (“%2”), not {%1#|a person|people}, and {%1#|was|were} not read; if {%1#|it is a person|they are people}, delete the word “示例” and import again</translation>
    </message>
    <message>
      <source>第 %1 行的劳动合同期限是“无固定期限”%2：工作照常导入，合同期限未记录（无固定期限合同没有月数；台账中已填的期限不变）；申请要看合同期限的补贴时，请以劳动合同核对</source>
      <translation>{%1#|Row %1 has a contract|Rows %1 have contracts} whose term is “open-ended”%2: the {%1#|job was|jobs were} imported as usual, the {%1#|term|terms} not recorded (an open-ended contract has no months; a term the ledger holds is kept); for a subsidy that looks at the contract's term, check it against the contract</translation>
    </message>
    <message>
      <source>这一行是模板的填写示例（“%1”），不是人员，未读取；如果是人员，请删去“示例”字样后再导入</source>
      <translation>This row is the template's example (“%1”), not a person, and was not read; if it is a person, delete the word “示例” and import again</translation>
    </message>
    <message>
      <source>这一行的劳动合同期限是“无固定期限”%1：工作照常导入，合同期限未记录（无固定期限合同没有月数；台账中已填的期限不变）；申请要看合同期限的补贴时，请以劳动合同核对</source>
      <translation>This row's contract term is “open-ended”%1: the job was imported as usual, the term not recorded (an open-ended contract has no months; a term the ledger holds is kept); for a subsidy that looks at the contract's term, check it against the contract</translation>
    </message>
    <message>
      <source>%1 既是县定放假日又是县定上班日</source>
      <translation>%1 is given both as a county holiday and as a county working day</translation>
    </message>
    <message>
      <source>%1延续执行到 %2 不晚于文件原定的结束日期 %3：延续执行请填写更晚的日期</source>
      <translation>%1 continued to %2 is not later than the end its document gives, %3: give a later date to continue it</translation>
    </message>
    <message>
      <source>%1长期有效，不需要延续执行</source>
      <translation>%1 has no end date and needs no continuation</translation>
    </message>
    <message>
      <source>应有且只有一个基础政策包，找到 %1 个</source>
      <translation>There must be exactly one base policy pack; found %1</translation>
    </message>
    <message>
      <source>延续执行政策必须写明县里的文件文号</source>
      <translation>Continuing a policy needs the number of the county's document</translation>
    </message>
    <message>
      <source>监测收入线是每月的金额（元），不能为负数：收到 %1</source>
      <translation>The monitoring income line is a monthly amount (yuan) and cannot be negative: got %1</translation>
    </message>
    <message>
      <source>设定县定金额须写明县里定这个金额的文件文号：申请表、花名册和公示表引用它作为补贴标准的依据</source>
      <translation>A county amount needs the number of the county document that sets it: the application forms, rosters and public notices cite it as the basis of the subsidy's amount</translation>
    </message>
    <message>
      <source>设定防止返贫监测收入线须写明县里定这条线的文件文号：公益性岗位收入超线的提醒引用它</source>
      <translation>The monitoring income line needs the number of the county document that sets it: the reminder of a public-welfare post's income over the line cites it</translation>
    </message>
    <message>
      <source>%1（另有 %2 处问题）</source>
      <translation>%1 (and %2 more {%2|problem|problems})</translation>
    </message>
    <message>
      <source>不能为空</source>
      <translation>cannot be empty</translation>
    </message>
    <message>
      <source>不认识的字段（可能拼错了）</source>
      <translation>an unknown field (perhaps misspelt)</translation>
    </message>
    <message>
      <source>取值“%1”不在允许范围内（允许：%2）</source>
      <translation>the value “%1” is not allowed (allowed: %2)</translation>
    </message>
    <message>
      <source>取值不合法（%1）</source>
      <translation>the value is not valid (%1)</translation>
    </message>
    <message>
      <source>应为 true 或 false</source>
      <translation>should be true or false</translation>
    </message>
    <message>
      <source>应为列表 [ … ]</source>
      <translation>should be a list [ … ]</translation>
    </message>
    <message>
      <source>应为数字</source>
      <translation>should be a number</translation>
    </message>
    <message>
      <source>应为整数</source>
      <translation>should be a whole number</translation>
    </message>
    <message>
      <source>应为文字（加引号）</source>
      <translation>should be text (in quotes)</translation>
    </message>
    <message>
      <source>应为日期（如 2025-12-31，不加引号）</source>
      <translation>should be a date (such as 2025-12-31, without quotes)</translation>
    </message>
    <message>
      <source>应为有限的数字（不能写 inf 或 nan）</source>
      <translation>should be a finite number (not inf or nan)</translation>
    </message>
    <message>
      <source>应为表（{ … } 或 [表名]）</source>
      <translation>should be a table ({ … } or [name])</translation>
    </message>
    <message>
      <source>数值太大</source>
      <translation>the value is too large</translation>
    </message>
    <message>
      <source>数值太小</source>
      <translation>the value is too small</translation>
    </message>
    <message>
      <source>格式不对（规则编号只用小写字母、数字和下划线）</source>
      <translation>wrongly written (a rule's id uses only lower-case letters, digits and underscores)</translation>
    </message>
    <message>
      <source>缺少必填项</source>
      <translation>a required value is missing</translation>
    </message>
    <message>
      <source>就业状态用词“%1”写了两次</source>
      <translation>Status word “%1” is written twice</translation>
    </message>
    <message>
      <source>就业状态用词“%1”和“%2”只差前后的空格，是同一个词写了两次</source>
      <translation>Status words “%1” and “%2” differ only by spaces before or after: the same word written twice</translation>
    </message>
    <message>
      <source>就业状态用词“%1”本程序已读作“%2”，不能再说成“%3”（导入时仍会按本程序的读法）</source>
      <translation>Status word “%1” already reads as “%2” in this program; it cannot be made to mean “%3” (imports would still read it the program’s way)</translation>
    </message>
    <message>
      <source>就业状态用词“%1”本身就是一种就业状态，不能读作“%2”</source>
      <translation>Status word “%1” is itself an employment status; it cannot be read as “%2”</translation>
    </message>
    <message>
      <source>就业状态用词“%1”读作“%2”不行：就业状态只有%3</source>
      <translation>Status word “%1” cannot be read as “%2”: the employment statuses are %3</translation>
    </message>
    <message>
      <source>就业状态用词表中有一个用词是空的（读作“%1”的那一项）</source>
      <translation>One of the status words is empty (the row read as “%1”)</translation>
    </message>
    <message>
      <source>%1的最低服务只能增加，不能少于%2%3次（%4）</source>
      <translation>The minimum services for the %1 may only be raised: %2 at least {%3|once|%3 times} (%4)</translation>
    </message>
    <message>
      <source>“%1”只能填写县定金额，不能改变标准的种类或最高限额（%2）</source>
      <translation>“%1” takes a county figure only: the kind of figure and its cap cannot change (%2)</translation>
    </message>
    <message>
      <source>“%1”的依据“%2”没有以所列文件的文号或《标题》开头（已列文件：%3）</source>
      <translation>The basis “%2” of “%1” does not begin with the number or 《title》 of a document listed (documents listed: %3)</translation>
    </message>
    <message>
      <source>“%1”的标准是省里定的（%2，%3），县里不能修改</source>
      <translation>The figure of “%1” is the province's (%2, %3): the county cannot change it</translation>
    </message>
    <message>
      <source>“%1”的金额 %2 元超过政策规定的最高 %3 元（%4）</source>
      <translation>The figure of %2 yuan for “%1” is above the policy's cap of %3 yuan (%4)</translation>
    </message>
    <message>
      <source>“%1”（%2）：%3 前的金额 %4 元须大于 0 元%5</source>
      <translation>“%1” (%2): the figure of %4 yuan before %3 must be above 0 yuan%5</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>，且不超过政策规定的最高 %1 元</source>
      <translation> and at most the policy's cap of %1 yuan</translation>
    </message>
    <message>
      <source>“%1”的条件只能从严，不能放宽（%2）：%3</source>
      <translation>The conditions of “%1” may only be made stricter, not looser (%2): %3</translation>
    </message>
    <message>
      <source>全部既往就业</source>
      <translation>every earlier job</translation>
    </message>
    <message>
      <source>政策包里没有编号为 %1 的规则，无从修改</source>
      <translation>No pack has a rule with id %1: there is nothing to change</translation>
    </message>
    <message>
      <source>没有可用的政策包</source>
      <translation>There is no pack to use</translation>
    </message>
    <message>
      <source>%1–%2</source>
      <translation>%1–%2</translation>
    </message>
    <message>
      <source>每天 %1</source>
      <translation>%1 a day</translation>
    </message>
    <message>
      <source>%1 同时在两个公益性岗位：%2（%3起）与 %4（%5起）</source>
      <translation>%1 holds two public-welfare posts at once: %2 (from %3) and %4 (from %5)</translation>
    </message>
    <message>
      <source>%1 灵活就业收入连续%2个月（%3至%4）%5，应退出公益性岗位</source>
      <translation>%1’s income from flexible work was %5 for %2 months in a row (%3 to %4): to leave the public-welfare post</translation>
    </message>
    <message>
      <source>%1%2次</source>
      <translation>%1 {%2|once|%2 times}</translation>
    </message>
    <message>
      <source>%1发现失业，%2个工作日内办结失业登记</source>
      <translation>Found unemployed on %1: register the unemployment within %2 working {%2|day|days}</translation>
    </message>
    <message>
      <source>%1发现失业，%2个工作日内提供“1311”就业服务（%3）</source>
      <translation>Found unemployed on %1: give the “1311” employment services within %2 working {%2|day|days} (%3)</translation>
    </message>
    <message>
      <source>%1就业状态按月更新</source>
      <translation>Monthly update of the work status for %1</translation>
    </message>
    <message>
      <source>%1就业（%2）后第%3次跟踪回访</source>
      <translation>Follow-up visit no. %3 after the job that began on %1 (%2)</translation>
    </message>
    <message>
      <source>%1（登记%2个月）最低服务，%3起计</source>
      <translation>%1 (registered %2 {%2|month|months}): the minimum services, counted from %3</translation>
    </message>
    <message>
      <source>%1（登记%2个月，%3）最低服务，%4起计</source>
      <translation>%1 (registered %2 {%2|month|months}, %3): the minimum services, counted from %4</translation>
    </message>
    <message>
      <source>%1：待县里核定标准</source>
      <translation>%1: yet to be set by the county</translation>
    </message>
    <message>
      <source>劳动年龄内有劳动能力%1人，均未就业，需动态清零</source>
      <translation>{%1|One person|%1 people} of working age able to work, none in work: to be cleared</translation>
    </message>
    <message>
      <source>有劳动力%1人（%2），无人就业</source>
      <translation>{%1|One person|%1 people} able to work (%2), none in work</translation>
    </message>
    <message>
      <source>超过当月的监测线（%1起 %2 元/月，此前 %3 元/月）</source>
      <translation>above each month’s monitoring line (%2 yuan a month from %1, %3 yuan a month before)</translation>
    </message>
    <message>
      <source>超过监测线 %1 元/月</source>
      <translation>above the monitoring line of %1 yuan a month</translation>
    </message>
    <message>
      <source>防止返贫监测收入线：待县里核定标准</source>
      <translation>Monitoring income line: yet to be set by the county</translation>
    </message>
    <message>
      <source>岗位一</source>
      <translation>the first post</translation>
    </message>
    <message>
      <source>岗位二</source>
      <translation>the second post</translation>
    </message>
    <message>
      <source>待县里核定标准</source>
      <translation>To be set by the county</translation>
    </message>
    <message>
      <source>%1（县定标准）</source>
      <translation>%1 (the county's figure)</translation>
    </message>
    <message>
      <source>%1（县定标准，最高 %2）</source>
      <translation>%1 (the county's figure, at most %2)</translation>
    </message>
    <message>
      <source>办结失业登记</source>
      <translation>Completing the unemployment registration</translation>
    </message>
    <message>
      <source>待县里核定标准（最高 %1）</source>
      <translation>To be set by the county (at most %1)</translation>
    </message>
    <message>
      <source>提供“1311”就业服务</source>
      <translation>The “1311” employment service</translation>
    </message>
    <message>
      <source>%1 %2/%3</source>
      <translation>%1 %2/%3</translation>
    </message>
    <message>
      <source>监测收入线：%1</source>
      <translation>monitoring line: %1</translation>
    </message>
    <message>
      <source>%1：办理时限只能缩短，不能从 %2 个工作日延长到 %3 个工作日</source>
      <translation>%1: a time limit may only be shortened, not lengthened from %2 {%2|workday|workdays} to %3 {%3|workday|workdays}</translation>
    </message>
    <message>
      <source>本机已启用政策包“%1”的 %2 版，比 %3 版新；要换回旧版，请县里按新版本号重新发布</source>
      <translation>This computer already uses version %2 of policy pack “%1”, newer than version %3; to go back to the old one, the county must publish it again under a new version number</translation>
    </message>
    <message>
      <source>%1（最高 %2）</source>
      <translation>%1 (at most %2)</translation>
    </message>
    <message>
      <source>%1的新金额%2起执行，但这项补贴只执行到%3，新金额用不上（%3以后的月份和就业都不能申领）：请同时写明延续执行到哪一天和依据的文件</source>
      <translation>The new figure of %1 applies from %2, but the subsidy itself runs only to %3, so the new figure is never used (no month or job after %3 can be claimed): write as well the day it is extended to and the document that extends it</translation>
    </message>
    <message>
      <source>中心拒绝了上传：%1</source>
      <translation>The county hub refused the upload: %1</translation>
    </message>
    <message>
      <source>县里的中心暂时不能接收数据包，没有导入任何修改，请稍后再同步</source>
      <translation>The county hub cannot take bundles just now. No change was imported; please sync again later</translation>
    </message>
    <message>
      <source>县里的中心正忙，暂时不能接收数据包，没有导入任何修改，请稍后再同步</source>
      <translation>The county hub is busy and cannot take bundles just now. No change was imported; please sync again later</translation>
    </message>
    <message>
      <source>县里的中心磁盘已满，暂时不能接收数据包，没有导入任何修改，请稍后再同步（急用可改用U盘交换）</source>
      <translation>The county hub's disk is full and it cannot take bundles just now. No change was imported; please sync again later (if it is urgent, exchange bundles on a USB stick)</translation>
    </message>
    <message>
      <source>同步没有完成：%1</source>
      <translation>The sync did not finish: %1</translation>
    </message>
    <message>
      <source>超过当月的监测线（%1起的监测线待县里核定，此前 %2 元/月）</source>
      <translation>above each month’s monitoring line (the county has yet to set the line from %1; %2 yuan a month before)</translation>
    </message>
    <message>
      <source>超过监测线（监测线待县里核定）</source>
      <translation>above the monitoring line (the county has yet to set the line)</translation>
    </message>
    <message>
      <source>“%1”（%2）的县定金额 %3 元须写明县里定这个金额的文件文号，并列入本包的文件：申请表、花名册和公示表引用它作为补贴标准的依据</source>
      <translation>The county's figure of %3 yuan for “%1” (%2) needs the number of the county document that sets it, listed among this pack's documents: the application form, roster and public notice cite it as the basis of the subsidy's figure</translation>
    </message>
    <message>
      <source>“%1”（%2）的县定金额须大于 0 元；本县不实行这项补贴的，请停用这项补贴</source>
      <translation>The county's figure for “%1” (%2) must be above 0 yuan; if the county does not grant this subsidy, switch it off</translation>
    </message>
    <message>
      <source>“%1”（%2）：写了县定标准的文号却没有写县定金额</source>
      <translation>“%1” (%2): the county figure's document number is given, but no county figure</translation>
    </message>
    <message>
      <source>“%1”（%2）：写了县定金额的执行日期却没有写县定金额</source>
      <translation>“%1” (%2): the day the county figure applies from is given, but no county figure</translation>
    </message>
    <message>
      <source>“%1”（%2）：写了文号却没有写新的结束日期</source>
      <translation>“%1” (%2): a document number is given, but no new end date</translation>
    </message>
    <message>
      <source>“%1”（%2）：写了此前的金额却没有写新金额的执行日期</source>
      <translation>“%1” (%2): the figure before is given, but not the day the new figure applies from</translation>
    </message>
    <message>
      <source>“%1”（%2）：县定标准的文号 %3 不在本包所列的文件中</source>
      <translation>“%1” (%2): the document number %3 of the county figure is not among this pack's documents</translation>
    </message>
    <message>
      <source>“%1”（%2）：改变有效期必须写明县里的文号</source>
      <translation>“%1” (%2): a change of the period in force needs the county's document number</translation>
    </message>
    <message>
      <source>“%1”（%2）：文号 %3 不在本包所列的文件中</source>
      <translation>“%1” (%2): document number %3 is not among this pack's documents</translation>
    </message>
    <message>
      <source>“%1”（%2）：此前金额的文号 %3 不在本包所列的文件中</source>
      <translation>“%1” (%2): the document number %3 of the figure before is not among this pack's documents</translation>
    </message>
    <message>
      <source>写了此前的监测收入线却没有写新收入线的执行日期</source>
      <translation>The monitoring income line before is given, but not the day the new line applies from</translation>
    </message>
    <message>
      <source>写了监测收入线的执行日期却没有写监测收入线</source>
      <translation>The day the monitoring income line applies from is given, but not the line</translation>
    </message>
    <message>
      <source>写了监测收入线的文号却没有写监测收入线</source>
      <translation>The monitoring income line's document number is given, but not the line</translation>
    </message>
    <message>
      <source>此前监测收入线的文号 %1 不在本包所列的文件中</source>
      <translation>The document number %1 of the monitoring income line before is not among this pack's documents</translation>
    </message>
    <message>
      <source>监测收入线的文号 %1 不在本包所列的文件中</source>
      <translation>The monitoring income line's document number %1 is not among this pack's documents</translation>
    </message>
    <message>
      <source>防止返贫监测收入线 %1 元/月须写明县里定这条线的文件文号，并列入本包的文件：公益性岗位收入超线的提醒引用它</source>
      <translation>The monitoring income line of %1 yuan a month needs the number of the county document that sets it, listed among this pack's documents: the warning of a public welfare post's income above the line cites it</translation>
    </message>
    <message>
      <source>本包新增的“%1”与已有的“%2”（%3）是同一条规则：已有的规则只能修改，不能再新增一条</source>
      <translation>The new “%1” of this pack is the rule “%2” (%3), which exists already: an existing rule can only be changed, not added again</translation>
    </message>
    <message>
      <source>中心不认得本机的密钥：县里重新登记过本机的，请导入县里最新发的登记文件后再同步（本机数据都保留）；否则请核对同步地址是不是本县的中心</source>
      <translation>The county hub does not know this computer's key. If the county enrolled this computer again, import the newest enrolment file the county gave you, then sync (the data on this computer all stay); otherwise check that the sync address is your county's hub</translation>
    </message>
    <message>
      <source>中心已经收到过这次请求，没有再接收：请再同步一次</source>
      <translation>The county hub had already received this request and did not take it again. Please sync again</translation>
    </message>
    <message>
      <source>中心核对本机请求的签名不符，没有接收：请再同步一次；一直这样，请告诉县里管理汇总中心的同志</source>
      <translation>The county hub found this computer's request signature did not match and took nothing. Please sync again; if it keeps happening, tell the county's hub staff</translation>
    </message>
    <message>
      <source>县里已于 %1 注销了本机（%2），不能再同步。电脑找回或换了电脑的，请县里用原设备名 %2 重新登记，导入新的登记文件后即可同步；本机台账里的数据都保留</source>
      <translation>The county revoked this computer (%2) on %1, so it can no longer sync. If the computer was found again or replaced, ask the county to enrol it again under the same name %2 and import the new enrolment file; then it syncs again. The ledger's data on this computer all stay</translation>
    </message>
    <message>
      <source>县里已注销了本机（%1），不能再同步。电脑找回或换了电脑的，请县里用原设备名 %1 重新登记，导入新的登记文件后即可同步；本机台账里的数据都保留</source>
      <translation>The county revoked this computer (%1), so it can no longer sync. If the computer was found again or replaced, ask the county to enrol it again under the same name %1 and import the new enrolment file; then it syncs again. The ledger's data on this computer all stay</translation>
    </message>
    <message>
      <source>数据包 %1 MB，超过中心允许的 %2 MB：请改用U盘交换</source>
      <translation>The bundle is %1 MB, more than the %2 MB the county hub accepts: please exchange it on a USB stick</translation>
    </message>
    <message>
      <source>本机的日期和时间与中心相差太多，中心没有接收：请核对本机的日期和时间后再同步</source>
      <translation>This computer's date and time are too far from the county hub's, so the hub took nothing. Please check this computer's date and time, then sync again</translation>
    </message>
    <message>
      <source>已有名为 %1 的用户（已停用）。要让此人重新使用本台账，请重新启用并设新口令：设置 → 用户与口令 → 重新启用所选用户…</source>
      <translation>There is already a user named %1 (disabled). To let this person use the ledger again, re-enable them with a new password: Settings → Users and passwords → Re-enable selected user…</translation>
    </message>
    <message>
      <source>用户 %1 已停用。要让此人重新使用本台账，请重新启用并设新口令：设置 → 用户与口令 → 重新启用所选用户…</source>
      <translation>User %1 is disabled. To let this person use the ledger again, re-enable them with a new password: Settings → Users and passwords → Re-enable selected user…</translation>
    </message>
    <message>
      <source>用户 %1 已停用，县里不能重置其口令：请本台账的管理员在这台电脑上重新启用此人（设置 → 用户与口令 → 重新启用所选用户…），重新启用时即设新口令</source>
      <translation>User %1 is disabled, so the county cannot reset their password: ask this ledger's administrator to re-enable them on that computer (Settings → Users and passwords → Re-enable selected user…), which sets a new password</translation>
    </message>
    <message>
      <source>%1不能低于%2</source>
      <translation>%1 cannot be below %2</translation>
    </message>
    <message>
      <source>%1不能减少</source>
      <translation>%1 cannot be reduced</translation>
    </message>
    <message>
      <source>%1不能取消</source>
      <translation>%1 cannot be dropped</translation>
    </message>
    <message>
      <source>%1不能增加或取消（原为%2）</source>
      <translation>%1 cannot be extended or dropped (it was %2)</translation>
    </message>
    <message>
      <source>%1不能新增</source>
      <translation>%1 cannot be added</translation>
    </message>
    <message>
      <source>%1不能短于%2</source>
      <translation>%1 cannot be shorter than %2</translation>
    </message>
    <message>
      <source>%1不能高于%2</source>
      <translation>%1 cannot be above %2</translation>
    </message>
    <message>
      <source>%1天</source>
      <translation>%1 {%1|day|days}</translation>
    </message>
    <message>
      <source>%1岁</source>
      <translation>%1 {%1|year|years} of age</translation>
    </message>
    <message>
      <source>“农村转移劳动力也可享受”</source>
      <translation>“Rural transferred labour qualifies too”</translation>
    </message>
    <message>
      <source>不享受本项补贴的人员类别</source>
      <translation>The groups of people the subsidy is not for</translation>
    </message>
    <message>
      <source>享受补贴的人员类别</source>
      <translation>The groups of people the subsidy is for</translation>
    </message>
    <message>
      <source>务工地点范围</source>
      <translation>Where the work may be</translation>
    </message>
    <message>
      <source>劳动合同（协议）期限的上限</source>
      <translation>The longest labour contract (agreement) term</translation>
    </message>
    <message>
      <source>对用人单位类型的限制</source>
      <translation>The limit on kinds of employer</translation>
    </message>
    <message>
      <source>就业形式</source>
      <translation>Employment form</translation>
    </message>
    <message>
      <source>政策包写明要求 %1 版的程序，但用到了%2，%3 版的程序起才认识：请改为要求 %3 版（或删去这一要求，签发时自动写明）</source>
      <translation>The pack states it needs version %1 of the program, but it uses %2, which programs know from version %3 on: state version %3 instead (or drop the statement: publishing writes it)</translation>
    </message>
    <message>
      <source>新外出务工</source>
      <translation>New work away from home</translation>
    </message>
    <message>
      <source>新返乡</source>
      <translation>Newly returned home</translation>
    </message>
    <message>
      <source>登记失业</source>
      <translation>Registered as unemployed</translation>
    </message>
    <message>
      <source>离校后可享受的期限</source>
      <translation>The time after leaving school it may be claimed in</translation>
    </message>
    <message>
      <source>离校未就业</source>
      <translation>Unemployed since leaving school</translation>
    </message>
    <message>
      <source>要求的劳动合同（协议）期限</source>
      <translation>The labour contract (agreement) term required</translation>
    </message>
    <message>
      <source>要求的培训天数</source>
      <translation>The days of training required</translation>
    </message>
    <message>
      <source>要求的失业登记时长</source>
      <translation>The time registered as unemployed required</translation>
    </message>
    <message>
      <source>要求的最低年龄</source>
      <translation>The lowest age</translation>
    </message>
    <message>
      <source>要求的最高年龄</source>
      <translation>The highest age</translation>
    </message>
    <message>
      <source>要求的社会保险缴费月数</source>
      <translation>The months of social insurance contributions required</translation>
    </message>
    <message>
      <source>要求的稳定就业时长</source>
      <translation>The stable employment required</translation>
    </message>
    <message>
      <source>认定“新”务工时查看此前务工的期限</source>
      <translation>The earlier work looked at to tell “new” work</translation>
    </message>
    <message>
      <source>返乡后可享受的期限</source>
      <translation>The time after returning home it may be claimed in</translation>
    </message>
    <message>
      <source>首次有组织劳务输出</source>
      <translation>First organised labour export</translation>
    </message>
    <message>
      <source>县级政策包“%1”用了内置政策包的编号：县级政策包须用本县自己的编号</source>
      <translation>County pack “%1” takes the built-in pack's id: a county pack takes an id of the county's own</translation>
    </message>
    <message>
      <source>中心没有给出各设备情况</source>
      <translation>The county hub did not give the devices' state</translation>
    </message>
    <message>
      <source>中心没有给出未接受的修改</source>
      <translation>The county hub did not give the held changes</translation>
    </message>
    <message>
      <source>中心没有记下这次不予采纳</source>
      <translation>The county hub did not record this dismissal</translation>
    </message>
    <message>
      <source>中心没有记下这次接受</source>
      <translation>The county hub did not record this acceptance</translation>
    </message>
    <message>
      <source>中心没有重新核对</source>
      <translation>The county hub did not check the held changes again</translation>
    </message>
    <message>
      <source>写不了文件</source>
      <translation>a file could not be written</translation>
    </message>
    <message>
      <source>写不了文件（%1）</source>
      <translation>a file could not be written (%1)</translation>
    </message>
    <message>
      <source>台账钥匙没有更换：%1</source>
      <translation>The ledger's key was not changed: %1</translation>
    </message>
    <message>
      <source>在台账旁边写新的加密台账时出错：%1。台账没有改动；加密或更换钥匙时要另有约 %2 MB 的空闲空间，请腾出空间后再试</source>
      <translation>The new encrypted ledger could not be written beside the ledger: %1. The ledger was not changed; encrypting it or changing its key needs about %2 MB of free space more. Free some space, then try again</translation>
    </message>
    <message>
      <source>在台账旁边写新的加密台账时出错：%1。台账没有改动；请排除后再试一次</source>
      <translation>The new encrypted ledger could not be written beside the ledger: %1. The ledger was not changed; put that right, then try again</translation>
    </message>
    <message>
      <source>%1“%2”应为天数（整数）</source>
      <translation>%1 “%2” should be a number of days (a whole number)</translation>
    </message>
    <message>
      <source>“%1”一项必须保持为“否”</source>
      <translation>“%1” must stay “no”</translation>
    </message>
    <message>
      <source>“%1”一项必须保持为“是”</source>
      <translation>“%1” must stay “yes”</translation>
    </message>
    <message>
      <source>中心的证书无法核实（证书过期，或不是县里的中心；县里自己签发的证书，要先把县里的根证书装进本机，见部署说明）</source>
      <translation>the hub's certificate cannot be verified (it has expired, or this is not the county's hub; for a certificate the county issued itself, first install the county's root certificate on this computer, see the deployment guide)</translation>
    </message>
    <message>
      <source>中心的这份回复没有县里中心的有效签名，无法核实是中心发出的（可能是网络上有人冒充中心作答，或中心的程序太旧），本机没有采用它。请稍后再试；一直这样，请告诉管理汇总中心的同志核查网络和中心的程序</source>
      <translation>This answer does not carry the county hub's valid signature, so it cannot be checked as the hub's (someone on the network may be answering in the hub's place, or the hub's program is too old); this computer did not use it. Please try again later; if it keeps happening, ask the county's hub staff to check the network and the hub's program</translation>
    </message>
    <message>
      <source>找不到这个地址（域名写错了，或本机没有连上网络）</source>
      <translation>the address cannot be found (the name is misspelt, or this computer is not connected to the network)</translation>
    </message>
    <message>
      <source>接收中心回复时中断：%1。请稍后重试</source>
      <translation>The county hub's answer was cut off while it came in: %1. Please try again later</translation>
    </message>
    <message>
      <source>无法连接到中心 %1：%2。可改用U盘交换数据包</source>
      <translation>Could not connect to the county hub at %1: %2. You can exchange bundles on a USB stick instead</translation>
    </message>
    <message>
      <source>网络不通（本机没有连上网络，或到中心的线路断了）</source>
      <translation>the network is down (this computer is not connected, or the line to the hub is broken)</translation>
    </message>
    <message>
      <source>网络出错</source>
      <translation>a network error</translation>
    </message>
    <message>
      <source>连接中途断开</source>
      <translation>the connection broke off midway</translation>
    </message>
    <message>
      <source>连接超时（网络太慢或不通）</source>
      <translation>the connection timed out (the network is too slow or down)</translation>
    </message>
    <message>
      <source>那里没有中心在服务（连接被拒绝：地址或端口不对，或县里的服务没有运行）</source>
      <translation>no county hub is serving there (the connection was refused: the address or port is wrong, or the county's service is not running)</translation>
    </message>
    <message>
      <source>加密后的台账校验不符，台账没有改动</source>
      <translation>The encrypted copy did not match the ledger when checked; the ledger was not changed</translation>
    </message>
    <message>
      <source>台账正被另一个程序使用，请先关闭它再设置口令或更换钥匙</source>
      <translation>Another program is using the ledger. Please close it first, then set the password or change the key</translation>
    </message>
    <message>
      <source>%1。改对之前不能按中心的时钟重新核对</source>
      <translation>%1. Until it is put right, the held changes cannot be checked again by the hub's clock</translation>
    </message>
    <message>
      <source>%1在中心台账里已损坏（修改的内容读不出来），不能接受。只能不予采纳%2</source>
      <translation>%1 is damaged in the county hub's ledger (what it changes cannot be read) and cannot be accepted. It can only be dismissed%2</translation>
    </message>
    <message>
      <source>%1已处理（不予采纳，%2 %3）</source>
      <translation>%1 has already been decided (dismissed by %2 at %3)</translation>
    </message>
    <message>
      <source>%1已处理（已接受，%2 %3）</source>
      <translation>%1 has already been decided (accepted by %2 at %3)</translation>
    </message>
    <message>
      <source>%1（%2）不能接受：%3。只能不予采纳%4</source>
      <translation>%1 (%2) cannot be accepted: %3. It can only be dismissed%4</translation>
    </message>
    <message>
      <source>%1（%2）现在不能接受：%3。也可以不予采纳%4</source>
      <translation>%1 (%2) cannot be accepted yet: %3. It can also be dismissed%4</translation>
    </message>
    <message>
      <source>不予采纳必须写明原因%1，设备上会看到</source>
      <translation>A dismissal needs its reason written%1; the device will show it</translation>
    </message>
    <message>
      <source>中心没有这条未接受修改%1</source>
      <translation>The county hub does not hold this change for review%1</translation>
    </message>
    <message>
      <source>中心电脑的日期可能不对：与 %1 台设备最近同步来的修改时间对照，中心的时钟快了约 %2 天。在改对之前，中心不把自己的时间告诉各设备（各设备照常录入，不会因此被锁住），但联网同步会因时间不符被拒绝（可先用U盘交换）。请县里管理汇总中心的同志尽快把中心电脑的日期和时间改对（常见原因：主板电池没电后日期被重置）</source>
      <translation>The county hub computer's date may be wrong: compared with the changes %1 {%1|device|devices} synced most recently, the hub's clock is about %2 {%2|day|days} fast. Until it is put right, the hub does not tell the devices its time (they go on entering as usual and are not locked out), but syncing over the network is refused because the times do not match (exchange bundles on a USB stick meanwhile). Please ask the county's hub staff to put the hub computer's date and time right soon (a common cause: the date reset after the motherboard battery ran out)</translation>
    </message>
    <message>
      <source>中心电脑的日期可能不对：与 %1 台设备最近同步来的修改时间对照，中心的时钟慢了约 %2 天。在改对之前，中心不把自己的时间告诉各设备（各设备照常录入，不会因此被锁住），但联网同步会因时间不符被拒绝（可先用U盘交换）。请县里管理汇总中心的同志尽快把中心电脑的日期和时间改对（常见原因：主板电池没电后日期被重置）</source>
      <translation>The county hub computer's date may be wrong: compared with the changes %1 {%1|device|devices} synced most recently, the hub's clock is about %2 {%2|day|days} slow. Until it is put right, the hub does not tell the devices its time (they go on entering as usual and are not locked out), but syncing over the network is refused because the times do not match (exchange bundles on a USB stick meanwhile). Please ask the county's hub staff to put the hub computer's date and time right soon (a common cause: the date reset after the motherboard battery ran out)</translation>
    </message>
    <message>
      <source>中心电脑的日期可能不对：与中心上次运行时记下的时间对照，中心的时钟快了约 %1 天。在改对之前，中心不把自己的时间告诉各设备（各设备照常录入，不会因此被锁住），但联网同步会因时间不符被拒绝（可先用U盘交换）。请县里管理汇总中心的同志尽快把中心电脑的日期和时间改对（常见原因：主板电池没电后日期被重置）</source>
      <translation>The county hub computer's date may be wrong: compared with the time the hub noted when it last ran, the hub's clock is about %1 {%1|day|days} fast. Until it is put right, the hub does not tell the devices its time (they go on entering as usual and are not locked out), but syncing over the network is refused because the times do not match (exchange bundles on a USB stick meanwhile). Please ask the county's hub staff to put the hub computer's date and time right soon (a common cause: the date reset after the motherboard battery ran out)</translation>
    </message>
    <message>
      <source>中心电脑的日期可能不对：与中心上次运行时记下的时间对照，中心的时钟慢了约 %1 天。在改对之前，中心不把自己的时间告诉各设备（各设备照常录入，不会因此被锁住），但联网同步会因时间不符被拒绝（可先用U盘交换）。请县里管理汇总中心的同志尽快把中心电脑的日期和时间改对（常见原因：主板电池没电后日期被重置）</source>
      <translation>The county hub computer's date may be wrong: compared with the time the hub noted when it last ran, the hub's clock is about %1 {%1|day|days} slow. Until it is put right, the hub does not tell the devices its time (they go on entering as usual and are not locked out), but syncing over the network is refused because the times do not match (exchange bundles on a USB stick meanwhile). Please ask the county's hub staff to put the hub computer's date and time right soon (a common cause: the date reset after the motherboard battery ran out)</translation>
    </message>
    <message>
      <source>汇总中心的电脑账户</source>
      <translation>the county hub computer's account</translation>
    </message>
    <message>
      <source>没有编号为 %1 的未接受修改%2</source>
      <translation>There is no held change numbered %1%2</translation>
    </message>
    <message>
      <source>申领日期%1还没有到（中心今天是%2），补贴不能预先发放；从%1起才能接受</source>
      <translation>the claim date %1 has not come yet (today at the county hub is %2), and a subsidy cannot be paid in advance; it can be accepted from %1</translation>
    </message>
    <message>
      <source>第 %1 条</source>
      <translation>Held change %1</translation>
    </message>
    <message>
      <source>这条修改</source>
      <translation>This change</translation>
    </message>
    <message>
      <source>（--dismiss … --reason …）</source>
      <translation> (--dismiss … --reason …)</translation>
    </message>
    <message>
      <source>（--reason）</source>
      <translation> (--reason)</translation>
    </message>
    <message>
      <source>（fieldapp hub rejected 列出全部）</source>
      <translation> (fieldapp hub rejected lists them all)</translation>
    </message>
    <message>
      <source>（点「不予采纳…」并写明原因）</source>
      <translation> (press “Dismiss…” and write the reason)</translation>
    </message>
    <message>
      <source>（点「从中心刷新」看最新的列表）</source>
      <translation> (press “Refresh from the hub” to see the current list)</translation>
    </message>
    <message>
      <source>%1“%2”超过 %3 年，不会有这么长的期限</source>
      <translation>%1 “%2” is more than %3 years: no term is that long</translation>
    </message>
    <message>
      <source>县里的中心暂时处理不了（中心自己的问题，不是本机的），请稍后再试；一直这样，请告诉管理汇总中心的同志</source>
      <translation>The county hub cannot handle this just now (the hub's own trouble, not this computer's). Please try again later; if it keeps happening, tell whoever runs the county hub</translation>
    </message>
    <message>
      <source>%1 不是汇总中心文件夹</source>
      <translation>%1 is not a county hub folder</translation>
    </message>
    <message>
      <source>%1中的“%2”</source>
      <translation>“%2” in %1</translation>
    </message>
    <message>
      <source>%1已处理（%2，%3 %4）</source>
      <translation>%1 has already been decided (%2, by %3 at %4)</translation>
    </message>
    <message>
      <source>不能停用自己</source>
      <translation>You cannot disable yourself</translation>
    </message>
    <message>
      <source>中心电脑的时钟改对后按同样的规定重新核对：可以收下，接受</source>
      <translation>Checked again by the same rules once the county hub computer's clock was put right: it may be taken, accepted</translation>
    </message>
    <message>
      <source>依据（文号和条款）</source>
      <translation>the basis (document number and clause)</translation>
    </message>
    <message>
      <source>办理时限</source>
      <translation>the deadlines</translation>
    </message>
    <message>
      <source>办结失业登记的办理时限</source>
      <translation>the deadline for completing an unemployment registration</translation>
    </message>
    <message>
      <source>县定标准的文号</source>
      <translation>the document number of the county's figure</translation>
    </message>
    <message>
      <source>县定金额</source>
      <translation>the county's figure</translation>
    </message>
    <message>
      <source>县定金额的执行日期</source>
      <translation>the day the county's figure applies from</translation>
    </message>
    <message>
      <source>县级政策包“%1”所扩展的政策包不在已有的政策包中（已有：%2）</source>
      <translation>The pack that county pack “%1” extends is not among the packs there are (there are: %2)</translation>
    </message>
    <message>
      <source>县级政策包“%1”缺少它所扩展的基础政策包</source>
      <translation>County pack “%1” is missing the base pack it extends</translation>
    </message>
    <message>
      <source>发布日期</source>
      <translation>the issue date</translation>
    </message>
    <message>
      <source>发文单位</source>
      <translation>the issuing office</translation>
    </message>
    <message>
      <source>口令太容易猜：123456、888888、123123 这样的口令，捡到笔记本的人头几次就会试。请换一个别人猜不到的口令</source>
      <translation>The password is too easy to guess: whoever finds the laptop tries passwords such as 123456, 888888 and 123123 first. Please choose one nobody else can guess</translation>
    </message>
    <message>
      <source>口令至少 %1 位</source>
      <translation>A password has at least %1 characters</translation>
    </message>
    <message>
      <source>只有县级汇总中心能重置设备台账的口令</source>
      <translation>Only the county hub can reset the password of a device's ledger</translation>
    </message>
    <message>
      <source>只有能管理用户的人才能这样做，请找本台账的管理员</source>
      <translation>Only a user who manages users can do this: please ask this ledger's administrator</translation>
    </message>
    <message>
      <source>台账 %1 没有设置口令（未加密），不需要县里重置：不用口令就能打开，带用户名和口令打开一次即加密，那时设的口令就是新口令</source>
      <translation>Ledger %1 has no password (it is not encrypted), so the county need not reset one: it opens without a password, and opening it once with a user name and password encrypts it, with the password set then as the new one</translation>
    </message>
    <message>
      <source>台账中没有名为 %1 的用户</source>
      <translation>The ledger has no user named %1</translation>
    </message>
    <message>
      <source>各项服务规定的依据</source>
      <translation>the clauses of the service rules</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>the name</translation>
    </message>
    <message>
      <source>就业状态用词</source>
      <translation>the employment status words</translation>
    </message>
    <message>
      <source>已有名为 %1 的用户</source>
      <translation>There is already a user named %1</translation>
    </message>
    <message>
      <source>开始执行日期</source>
      <translation>the day it applies from</translation>
    </message>
    <message>
      <source>当前用户不在本台账的用户名单中</source>
      <translation>The current user is not among this ledger's users</translation>
    </message>
    <message>
      <source>执行日期</source>
      <translation>the day it applies from</translation>
    </message>
    <message>
      <source>找不到台账文件 %1：请核对路径（设备上的台账通常是用户数据文件夹里的 ledger.db）</source>
      <translation>The ledger file %1 is not there: please check the path (a device's ledger is usually ledger.db in the user data folder)</translation>
    </message>
    <message>
      <source>提供“1311”就业服务的办理时限</source>
      <translation>the deadline for the “1311” employment services</translation>
    </message>
    <message>
      <source>政策包的基本信息</source>
      <translation>the pack's particulars</translation>
    </message>
    <message>
      <source>文件日期</source>
      <translation>the document's date</translation>
    </message>
    <message>
      <source>文号</source>
      <translation>the document number</translation>
    </message>
    <message>
      <source>是否实行</source>
      <translation>whether it is granted</translation>
    </message>
    <message>
      <source>最高限额</source>
      <translation>the cap</translation>
    </message>
    <message>
      <source>服务套餐</source>
      <translation>the service bundles</translation>
    </message>
    <message>
      <source>服务等级</source>
      <translation>the service levels</translation>
    </message>
    <message>
      <source>本包对规则的修改</source>
      <translation>this pack's changes to rules</translation>
    </message>
    <message>
      <source>本包所列的文件</source>
      <translation>the documents listed in this pack</translation>
    </message>
    <message>
      <source>本包所列的第 %1 份文件</source>
      <translation>document no. %1 listed in this pack</translation>
    </message>
    <message>
      <source>本包新增的第 %1 条规则</source>
      <translation>new rule no. %1 of this pack</translation>
    </message>
    <message>
      <source>本包新增的规则</source>
      <translation>the new rules of this pack</translation>
    </message>
    <message>
      <source>本包的第 %1 项修改</source>
      <translation>change no. %1 of this pack</translation>
    </message>
    <message>
      <source>材料清单</source>
      <translation>the evidence list</translation>
    </message>
    <message>
      <source>此前收入线的文号</source>
      <translation>the document number of the line before</translation>
    </message>
    <message>
      <source>此前的收入线</source>
      <translation>the line before</translation>
    </message>
    <message>
      <source>此前的金额</source>
      <translation>the figure before</translation>
    </message>
    <message>
      <source>此前金额的文号</source>
      <translation>the document number of the figure before</translation>
    </message>
    <message>
      <source>没有名为 %1 的用户</source>
      <translation>There is no user named %1</translation>
    </message>
    <message>
      <source>版本号</source>
      <translation>the version</translation>
    </message>
    <message>
      <source>用户 %1 没有停用，不用重新启用</source>
      <translation>User %1 is not disabled: there is nothing to re-enable</translation>
    </message>
    <message>
      <source>用户名不能为空</source>
      <translation>The user name cannot be empty</translation>
    </message>
    <message>
      <source>用户名中有不能显示的字符</source>
      <translation>The user name has characters that cannot be shown</translation>
    </message>
    <message>
      <source>用户名最多 %1 个字</source>
      <translation>A user name has at most %1 characters</translation>
    </message>
    <message>
      <source>申领条件</source>
      <translation>the conditions</translation>
    </message>
    <message>
      <source>申领次数限制</source>
      <translation>the limit on claims</translation>
    </message>
    <message>
      <source>监测收入线</source>
      <translation>the monitoring income line</translation>
    </message>
    <message>
      <source>第 %1 个服务套餐</source>
      <translation>service bundle no. %1</translation>
    </message>
    <message>
      <source>第 %1 个服务等级</source>
      <translation>service level no. %1</translation>
    </message>
    <message>
      <source>结束日期</source>
      <translation>the end date</translation>
    </message>
    <message>
      <source>节假日和调休安排</source>
      <translation>the holidays and working days moved</translation>
    </message>
    <message>
      <source>补贴标准</source>
      <translation>the subsidy's standard</translation>
    </message>
    <message>
      <source>补贴标准的单位</source>
      <translation>the standard's unit</translation>
    </message>
    <message>
      <source>补贴标准的种类</source>
      <translation>the kind of standard</translation>
    </message>
    <message>
      <source>补贴金额</source>
      <translation>the subsidy's amount</translation>
    </message>
    <message>
      <source>资金来源</source>
      <translation>the source of funds</translation>
    </message>
    <message>
      <source>这个台账登记在别的汇总中心，本中心无法重置它的口令</source>
      <translation>This ledger is enrolled with another county hub, so this hub cannot reset its password</translation>
    </message>
    <message>
      <source>这个台账还没有加密（没有用户）。请先用用户名和口令打开它，台账会随即加密</source>
      <translation>This ledger is not encrypted yet (it has no users). Open it with a user name and password first: the ledger is encrypted then</translation>
    </message>
    <message>
      <source>这个台账还没有登记到县里，县里无法重置它的口令</source>
      <translation>This ledger is not enrolled with the county yet, so the county cannot reset its password</translation>
    </message>
    <message>
      <source>%1“%2”超过 100 万元，不会是一个月的收入</source>
      <translation>%1 “%2” is more than 1,000,000 yuan: no month's income</translation>
    </message>
    <message>
      <source>%1 不是明文台账，旁边也没有它的钥匙文件 %2。若这是加密的台账，请把钥匙文件连同台账一起拷来放在它旁边；钥匙文件丢了只能从备份恢复</source>
      <translation>%1 is not a plain ledger and its key file %2 is not beside it. If it is an encrypted ledger, copy its key file with it and put it beside it; a lost key file can only be recovered from a backup</translation>
    </message>
    <message>
      <source>%1 是台账的备份文件，不能直接打开：请用“设置 → 从备份恢复”把它恢复成台账</source>
      <translation>%1 is a backup of a ledger and cannot be opened as one: restore it into a ledger under “Settings → Restore from backup”</translation>
    </message>
    <message>
      <source>%1 是台账的钥匙文件，不是台账本身：请给出它旁边的台账文件 %2</source>
      <translation>%1 is the ledger's key file, not the ledger: give the ledger file beside it, %2</translation>
    </message>
    <message>
      <source>%1的%2“%3”不是数字</source>
      <translation>%1: %2 “%3” is not a number</translation>
    </message>
    <message>
      <source>%1的%2“%3”不能为负数</source>
      <translation>%1: %2 “%3” cannot be negative</translation>
    </message>
    <message>
      <source>%1的%2“%3”超过 %4 天，不会有这么长的培训</source>
      <translation>%1: %2 “%3” is more than %4 days: no training is that long</translation>
    </message>
    <message>
      <source>%1的%2“%3”超过 %4 年，不会有这么长的期限</source>
      <translation>%1: %2 “%3” is more than %4 years: no term is that long</translation>
    </message>
    <message>
      <source>%1的%2“%3”超过 100 万元，不会是一个月的收入</source>
      <translation>%1: %2 “%3” is more than 1,000,000 yuan: no month's income</translation>
    </message>
    <message>
      <source>同步没有完成，但中心已经收到并导入了本机这次上传的修改，只是还没能给本机回复（中心自己的问题）：请稍后再同步一次，取回中心的回复，本机不用重新录入；一直这样，请告诉县里管理汇总中心的同志</source>
      <translation>The sync did not finish, but the county hub has received and imported the changes this computer sent; it could not answer this computer yet (the hub's own trouble). Please sync again later to fetch the hub's answer; nothing needs entering again on this computer. If it keeps happening, tell the county's hub staff</translation>
    </message>
    <message>
      <source>不能确定县里的中心是否已记下这次的操作（中心记下时与它的数据库断开了连接）：请刷新后查看，没有记下的再做一次</source>
      <translation>Cannot tell whether the county hub recorded this (it lost the connection to its database while recording it). Refresh and check; do again whatever was not recorded</translation>
    </message>
    <message>
      <source>不能确定县里的中心是否已收下本机这次上传的修改（中心保存时与它的数据库断开了连接）：请稍后再同步一次，中心已收下的不会重复收下，本机不用重新录入</source>
      <translation>Cannot tell whether the county hub took the changes this computer sent (it lost the connection to its database while saving them). Sync again later: the hub never takes the same change twice, and nothing needs to be entered again on this computer</translation>
    </message>
    <message>
      <source>用户 %1 已停用，不能再修改本台账：请找本台账的管理员</source>
      <translation>User %1 has been disabled and can no longer change this ledger: please ask this ledger's administrator</translation>
    </message>
    <message>
      <source>%1还没有到（今天是%2），不能生成这个月的月报：请选今天所在的月份或以前的月份</source>
      <translation>%1 has not come yet (today is %2): no monthly report can be made for it. Please choose this month or an earlier one</translation>
    </message>
    <message>
      <source>数据包不是发给本机的：这是交给「%1」的数据包（本机或别的设备导出的），本机不能导入，要交给县里导入</source>
      <translation>This bundle is not for this computer: it is for “%1” (exported by this or another device). It cannot be imported here; take it to the county to import</translation>
    </message>
    <message>
      <source>只有数字的口令至少要 %1 位，也不能是生日这样的日期（如 19850317）：拿走台账文件的人可以在自己的电脑上一个个试，6 位数字几天就能试完，生日一两个小时。请加上字母或汉字，或换一串更长、不是日期的数字</source>
      <translation>A password of digits only needs at least %1 digits and must not be a date such as a birthday (e.g. 19850317): whoever takes the ledger file can try passwords one by one on their own computer, all six-digit ones in a few days, birthdays in an hour or two. Please add letters or Chinese characters, or choose a longer number that is not a date</translation>
    </message>
    <message>
      <source>%1 版已提交，正在等待县级汇总中心签发：下次与汇总中心交换数据时签发，不必再提交</source>
      <translation>Edition %1 is submitted and waits for the county hub to issue it: it is issued at the next exchange with the hub, no need to submit it again</translation>
    </message>
    <message>
      <source>已提交的 %1 版还在等待县级汇总中心签发：请先与汇总中心交换数据，收到签发结果后再提交新的修改</source>
      <translation>Edition %1, submitted, still waits for the county hub to issue it: exchange data with the hub first, and submit new changes once its answer has come back</translation>
    </message>
    <message>
      <source>%1 是文件夹，请给出其中的数据包文件</source>
      <translation>%1 is a folder: choose the bundle file in it</translation>
    </message>
    <message>
      <source>%1（文件名或文件夹写错了？）</source>
      <translation>%1 (is the file or folder name mistyped?)</translation>
    </message>
    <message>
      <source>不能确定是否已导入</source>
      <translation>It cannot be told whether it was imported</translation>
    </message>
    <message>
      <source>发送设备已被注销，其数据包不再接受</source>
      <translation>The sending device has been revoked; its bundles are no longer accepted</translation>
    </message>
    <message>
      <source>台账不能写入（只读），没有导入任何修改</source>
      <translation>The ledger cannot be written (read-only); no change was imported</translation>
    </message>
    <message>
      <source>台账正忙（另一项导入、审核或同步正在写入），请稍后再试</source>
      <translation>The ledger is busy (another import, review or sync is writing): please try again later</translation>
    </message>
    <message>
      <source>找不到数据包文件</source>
      <translation>The bundle file cannot be found</translation>
    </message>
    <message>
      <source>收件密钥 %1</source>
      <translation>recipient key %1</translation>
    </message>
    <message>
      <source>数据包不完整（可能拷贝中断或U盘被拔出）</source>
      <translation>The bundle is incomplete (the copy may have been interrupted or the USB stick pulled out)</translation>
    </message>
    <message>
      <source>数据包不是发给本机的</source>
      <translation>The bundle is not for this computer</translation>
    </message>
    <message>
      <source>数据包中的修改序号与已有记录重复但内容不同（设备数据可能被复制）</source>
      <translation>The bundle reuses change numbers already received with other contents (the device's data may have been copied)</translation>
    </message>
    <message>
      <source>数据包内容不合格</source>
      <translation>The bundle's contents are not valid</translation>
    </message>
    <message>
      <source>数据包含有其他设备的新修改，不能代为提交</source>
      <translation>The bundle holds another device's new changes, which cannot be submitted for it</translation>
    </message>
    <message>
      <source>数据包已损坏或被改动，签名或校验不符</source>
      <translation>The bundle is damaged or has been altered: its signature or checksum does not match</translation>
    </message>
    <message>
      <source>数据包来自未登记的设备或密钥</source>
      <translation>The bundle comes from a device or key that is not enrolled</translation>
    </message>
    <message>
      <source>数据包格式比本程序新，请先升级本程序（劳动力台账）</source>
      <translation>The bundle's format is newer than this program: first upgrade this program (the labour ledger)</translation>
    </message>
    <message>
      <source>数据包缺少部分修改，不能导入</source>
      <translation>The bundle lacks some changes and cannot be imported</translation>
    </message>
    <message>
      <source>文件头不完整</source>
      <translation>the file's header is incomplete</translation>
    </message>
    <message>
      <source>文件头无法识别</source>
      <translation>the file's header cannot be read</translation>
    </message>
    <message>
      <source>文件头格式号不对</source>
      <translation>the file's header has a wrong format number</translation>
    </message>
    <message>
      <source>文件过短</source>
      <translation>the file is too short</translation>
    </message>
    <message>
      <source>本台账尚未登记到县级汇总中心</source>
      <translation>This ledger is not yet enrolled with the county hub</translation>
    </message>
    <message>
      <source>格式 %1，本程序支持到 %2</source>
      <translation>format %1; this program reads up to %2</translation>
    </message>
    <message>
      <source>磁盘空间不足或无法写入</source>
      <translation>The disk is full or cannot be written</translation>
    </message>
    <message>
      <source>签名不符</source>
      <translation>the signature does not match</translation>
    </message>
    <message>
      <source>解密失败（文件被截断或改动）</source>
      <translation>it could not be decrypted (the file was cut short or altered)</translation>
    </message>
    <message>
      <source>请先用县里发的登记文件登记本机</source>
      <translation>first enrol this computer with the enrolment file the county gave</translation>
    </message>
    <message>
      <source>这不是劳动力台账的数据包</source>
      <translation>This is not a bundle of the labour ledger</translation>
    </message>
    <message>
      <source>这台电脑的台账标识会编出与另一台电脑相同的编号</source>
      <translation>This computer's ledger would number claims and batches the same as another computer's</translation>
    </message>
    <message>
      <source>这是一个旧的数据包（已导入过更新的），拒绝重放</source>
      <translation>This is an old bundle (a newer one was already imported); it is not imported again</translation>
    </message>
    <message>
      <source>这是演示台账的数据包（人员都是虚构的），正式的县级汇总中心不接收演示数据</source>
      <translation>This is a bundle of a demo ledger (its people are made up); a real county hub does not take demo data</translation>
    </message>
    <message>
      <source>%1写的资金来源是“%2”，按政策和申领时的人员类别应从“%3”列支：资金来源由政策核定，请在程序中按政策重新申领</source>
      <translation>%1 gives its fund as “%2”, but by the policy and the categories held when it was claimed it is paid from “%3”: the policy sets the fund; claim again in the program by the policy</translation>
    </message>
    <message>
      <source>%1：台账上%2在%3不属于%4中的任何一类，这项补贴只发给这些人员：请先核对人员类别登记，再按政策重新申领</source>
      <translation>%1: the ledger records %2 as none of %4 %3, and this subsidy is paid only to them: check the category registration, then claim again by the policy</translation>
    </message>
    <message>
      <source>%1“%2”只填到月份，已按%3记为开始日期，请核对</source>
      <translation>%1 “%2” gives only a month: %3 is taken as the start date, please check</translation>
    </message>
    <message>
      <source>%1：%2，这项补贴不能申领；请按政策重新申领</source>
      <translation>%1: %2, so this subsidy cannot be claimed; claim again by the policy</translation>
    </message>
    <message>
      <source>%1：台账上%2在%3属于%4，这项补贴不发给这些人员：请先核对人员类别登记，再按政策重新申领</source>
      <translation>%1: the ledger records %2 as %4 %3, and this subsidy is not paid to them: check the category registration, then claim again by the policy</translation>
    </message>
    <message>
      <source>%1写的补贴名称是“%2”、政策依据是“%3”，按政策应是“%4”、“%5”：申请表、花名册和公示表照申领印补贴名称和政策依据，请在程序中按政策重新申领</source>
      <translation>%1 names its subsidy “%2” under “%3”, but by the policy it is “%4” under “%5”: the claim form, roster and public notice print the subsidy's name and clause as the claim has them; claim again in the program by the policy</translation>
    </message>
    <message>
      <source>%1“%2”只填到月份，已按%3记为结束日期，请核对</source>
      <translation>%1 “%2” gives only a month: %3 is taken as the end date, please check</translation>
    </message>
    <message>
      <source>%1在台账上已删除，不能为其申领或报送%2：申领只能为台账上在册的人员提出，删除的人员不列入花名册。如是误删，请先恢复这个人，再重新申领</source>
      <translation>%1 is deleted in the ledger, so %2 cannot be claimed or passed on for them: claims are made only for persons on the ledger, and deleted persons are left off the roster. If they were deleted by mistake, restore them first, then claim again</translation>
    </message>
    <message>
      <source>这条%1的%2在%3，不在%4负责的范围内：每台设备只记本机为本范围打印、导出的材料，记到别处的会被当作那里打印、公示过的材料</source>
      <translation>The “%2” of this %1 is in %3, outside the area of %4: each device logs only what it printed or exported for its own area; one logged for elsewhere would pass there as a paper printed and posted there</translation>
    </message>
    <message>
      <source>恢复会替换这台电脑上现在的台账，须由能打开现在这个台账的用户、用现在的口令进行：已停用的用户、已改掉的旧口令都不能恢复。当前台账没有改动</source>
      <translation>A restore replaces the ledger now on this computer, so it must be done by a user who can open that ledger now, with their password now: a disabled user, or a password changed since, cannot restore. The ledger was not changed</translation>
    </message>
    <message>
      <source>恢复前的台账读不出用户名单（已损坏？）：已按它的钥匙文件沿用停用和改过的口令，备份之后新增的用户没有带过来。请管理员核对用户名单</source>
      <translation>The list of users of the ledger before the restore could not be read (is it damaged?): disabled users and changed passwords were carried over from its key file, but users added after the backup were not. Please have an administrator check the list of users</translation>
    </message>
    <message>
      <source>用户 %1 在备份之后已停用：恢复后仍是停用的，旧口令打不开台账</source>
      <translation>User %1 was disabled after the backup was made: they stay disabled after the restore, and their old password does not open the ledger</translation>
    </message>
    <message>
      <source>用户 %1 在备份之后改过口令，新口令无法沿用：恢复后此人打不开台账，请管理员为其重设口令</source>
      <translation>User %1's password was changed after the backup was made, and the new password cannot be carried over: after the restore they cannot open the ledger. Please have an administrator set them a new password</translation>
    </message>
    <message>
      <source>用户 %1 在备份之后改过口令：恢复后仍用新口令，旧口令打不开台账</source>
      <translation>User %1's password was changed after the backup was made: the new password stays after the restore, and the old one does not open the ledger</translation>
    </message>
    <message>
      <source>用户 %1 在备份之后重新启用：恢复后照旧可用，用重新启用时设的口令</source>
      <translation>User %1 was enabled again after the backup was made: they can still log in after the restore, with the password set when they were enabled again</translation>
    </message>
    <message>
      <source>用户 %1 已停用，不能恢复台账：请找本台账的管理员。当前台账没有改动</source>
      <translation>User %1 has been disabled and cannot restore the ledger: please ask this ledger's administrator. The ledger was not changed</translation>
    </message>
    <message>
      <source>用户 %1 是备份之后新增的：恢复后保留，口令不变</source>
      <translation>User %1 was added after the backup was made: they are kept after the restore, with the same password</translation>
    </message>
    <message>
      <source>用户和口令与恢复前的台账相同（备份之后没有变动）</source>
      <translation>Users and passwords are as in the ledger before the restore (none changed since the backup)</translation>
    </message>
    <message>
      <source>这台电脑上原来没有台账（或原来的台账打不开），无法知道备份之后哪些用户停用了、改了口令：恢复后的用户和口令是备份时的。请管理员马上在 设置 → 用户与口令 核对用户名单，停用不该再用的人，为口令可能外泄的人重设口令</source>
      <translation>There was no ledger on this computer before (or it could not be opened), so there is no knowing which users were disabled or had their password changed after the backup: the users and passwords are as at the backup. Please have an administrator check the list of users at once in Settings → Users and passwords, disable whoever should no longer use it and set new passwords for anyone whose password may be known</translation>
    </message>
    <message>
      <source>用户 %1 只在备份里有，恢复前的台账里没有：恢复后先停用，请管理员核对后再重新启用</source>
      <translation>User %1 is in the backup but was not in the ledger before the restore: they are disabled after the restore; please have an administrator check and enable them again</translation>
    </message>
    <message>
      <source>%1；此人在台账上登记了两遍，申领在另一条登记上</source>
      <translation>%1; this person is entered twice in the ledger, the claim on the other entry</translation>
    </message>
    <message>
      <source>%1；此人在台账上登记了两遍，申领在已删除的那条登记上</source>
      <translation>%1; this person is entered twice in the ledger, the claim on the entry since deleted</translation>
    </message>
    <message>
      <source>%1已「%2」，%3的身份证号码只有县里可以更正：补贴按身份证号码核对是否重复申领，改了号码，原来的号码就可以再申领一次。号码确有错误的，请县里更正；或先驳回这条申领（已审批、已发放的由县里撤销），再改号码</source>
      <translation>%1 is “%2”: only the county may correct %3's ID number. Repeat claims are found by ID number, so with the number changed the old number could be claimed for again. If the number is wrong, ask the county to correct it, or first reject the claim (the county reverses an approved or paid one), then change the number</translation>
    </message>
    <message>
      <source>%1“%2”只填到月份，这个月还没有过完，已按今天（%3）记为结束日期，请核对</source>
      <translation>%1 “%2” gives only a month, which is not over yet: today (%3) is taken as the end date, please check</translation>
    </message>
    <message>
      <source>%1%2晚于今天：这一格没有导入，按还没有结束记，请核对</source>
      <translation>%1 %2 is later than today: this cell is not imported, and it is kept as not yet ended, please check</translation>
    </message>
    <message>
      <source>%1“%2”只填到月份，已按%3记入，请核对</source>
      <translation>%1 “%2” gives only a month: %3 is taken, please check</translation>
    </message>
    <message>
      <source>口令不能是生日这样的日期（如 1990-05-21、90年5月21日）：拿走台账文件的人可以在自己的电脑上把每一天的各种写法一个个试，一两个小时就能试完。请加上别的字母或汉字，或换一个不是日期的口令</source>
      <translation>A password must not be a date such as a birthday (e.g. 1990-05-21 or 21.5.90): whoever takes the ledger file can try every day in every way of writing it on their own computer, in an hour or two. Please add other letters or Chinese characters, or choose a password that is not a date</translation>
    </message>
    <message>
      <source>那里的中心不用 HTTPS 连接（地址写的是 https://，对方却按 http:// 回答）：直接连县里中心电脑的端口（如 :8765）时地址写 http://，经县里的 HTTPS 代理（nginx、Caddy）时才写 https://</source>
      <translation>the hub there does not use HTTPS (the address says https://, but it answers in plain http://): write http:// when connecting straight to the port of the county's hub computer (such as :8765), and https:// only through the county's HTTPS proxy (nginx, Caddy)</translation>
    </message>
    <message>
      <source>本机为%1设备，政策由县里统一下发；本机政策包文件夹 %3 里的政策包（%2）不使用，可以删去</source>
      <translation>This is a %1 device: its policy comes from the county; the policy packs in this computer's pack folder %3 (%2) are not used and may be deleted</translation>
    </message>
    <message>
      <source>%1已「%2」，等待发放，%3不能迁入台账上没有的户：定不了迁往哪里，申领记在%4，迁走以后仍列在%4的公示表和批次里、按%4发放。请先建好新的户再迁入；要迁出%4先驳回申领（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移</source>
      <translation>%1 is “%2” and waiting to be paid: %3 cannot move into a household the ledger does not hold, as where they go cannot be told. The claim is recorded in %4: after the move it would still be listed on %4's public notice and batches and paid by %4. Make the new household first, then move them in; to move them out of %4, first reject the claim (the county reverses an approved one), or wait until it is paid, or ask the county to move them</translation>
    </message>
    <message>
      <source>申领已「%1」，所属批次只有乡镇、县里可以调整：乡镇按这个批次公示、报送花名册，村里移出或改动批次，县里收到的花名册就变了（%2）</source>
      <translation>The claim is “%1”: only the township or the county can change its batch. The township posts the notice and sends the roster on by this batch; a village taking the claim out of it or changing it would change the roster the county receives (%2)</translation>
    </message>
    <message>
      <source>「%1」的申领不能删除：它留在台账上备查（更正请新建申领）</source>
      <translation>A claim that is “%1” cannot be deleted: it stays in the ledger for the record (to correct it, make a new claim)</translation>
    </message>
    <message>
      <source>%1填的是%2，但身份证号码表明是%3出生，已按身份证号码导入，请核对（是否把别人的身份证号码抄到了这一行）</source>
      <translation>%1 is given as %2, but the ID number says born %3: imported by the ID number; please check (was someone else's ID number copied onto this row?)</translation>
    </message>
    <message>
      <source>%1：这一格没有读取，出生日期按身份证号码（%2）导入</source>
      <translation>%1: this cell was not read; the date of birth was imported from the ID number (%2)</translation>
    </message>
    <message>
      <source>这张表没有“村民组”列，表中的人按工作表名称记在“%1”，请核对</source>
      <translation>This sheet has no “Villager group” column: its people were put in “%1”, as the sheet is named; please check</translation>
    </message>
    <message>
      <source>%1“%2”不是岁数：这一格没有读取，年龄按身份证号码（%3出生）计算</source>
      <translation>%1 “%2” is not an age: this cell was not read; the age is reckoned from the ID number (born %3)</translation>
    </message>
    <message>
      <source>%1填的是%2岁，但身份证号码表明是%3出生（现年%4岁），已按身份证号码导入，请核对（是否把别人的身份证号码抄到了这一行）</source>
      <translation>%1 is given as %2, but the ID number says born %3 (aged %4 today): imported by the ID number; please check (was someone else's ID number copied onto this row?)</translation>
    </message>
    <message>
      <source>有 %1 行是表尾的合计或签名（第 %2 行，如“%3”），不是人员，未读取</source>
      <translation>%1 rows are the form's totals or signatures at its foot (rows %2, such as “%3”), not people, and were not read</translation>
    </message>
    <message>
      <source>有 %1 行的“村民组”一格空白（第 %2 行），按工作表名称记在“%3”，请核对</source>
      <translation>%1 {%1|row's|rows'} “Villager group” {%1|cell is|cells are} blank ({%1|row|rows} %2): {%1|its household was|their households were} put in “%3”, as the sheet is named; please check</translation>
    </message>
    <message>
      <source>%1“%2”是一个数，不是日期（应为 2024-03-05 这样的格式）</source>
      <translation>%1 “%2” is a number, not a date (write it as 2024-03-05)</translation>
    </message>
    <message>
      <source>身份证号码“%1”在表格里存成了数字，后几位已丢失，无法恢复；请在 LibreOffice 或 WPS 中把身份证号码这一列设为文本，对照身份证重新填写后再导入</source>
      <translation>ID number “%1” is stored in the sheet as a number and its last digits are lost, which cannot be recovered; in LibreOffice or WPS set the ID number column to text, fill it in again from the ID cards and import again</translation>
    </message>
    <message>
      <source>身份证号码“%1”在表格里存成了数字：.xls 格式的表格里，数字最多只能存 15 位，18 位身份证号码的后几位已丢失，无法恢复；请把身份证号码这一列设为文本，对照身份证重新填写后再导入</source>
      <translation>ID number “%1” is stored in the sheet as a number: an .xls file keeps at most 15 digits of a number, so the last digits of the 18-digit ID number are lost and cannot be recovered; set the ID number column to text, fill it in again from the ID cards and import again</translation>
    </message>
    <message>
      <source>把%1迁入%2已有的户，须由%2接收：本机只能提出迁入，等%2的设备接收后才迁过去（%3）</source>
      <translation>Moving %1 into a household %2 already has needs %2 to take them in: this device can only offer the move, and it happens once the device of %2 accepts (%3)</translation>
    </message>
    <message>
      <source>这一行的村是“%1”，不是这张表其他行的“%2”：工作表名称“%3”说的是那个村的村民组，这一户没有记在“%3”，记在“%1”，请核对</source>
      <translation>This row's village is “%1”, not “%2” as on the sheet's other rows: the sheet's name “%3” is a group of that village, so this household was not put in “%3” but in “%1”; please check</translation>
    </message>
    <message>
      <source>区划代码 %1 的地点台账中以代码为名称，表中写的是“%2”：区域由县里统一维护，本机不能改名，请县里记上名称</source>
      <translation>The place with area code %1 is held in the ledger by its code; the sheet names it “%2”. Areas are kept by the county and this computer cannot rename it: please ask the county to record the name</translation>
    </message>
    <message>
      <source>区划代码 %1 的地点台账中原以代码为名称，表中写的是“%2”：已记为“%2”</source>
      <translation>The place with area code %1 was held in the ledger by its code; the sheet names it “%2”: recorded as “%2”</translation>
    </message>
    <message>
      <source>区划代码 %1 的地点表中没有写名称，台账中暂以代码为名称：区域由县里统一维护，请县里在导入的表格中写上它的“%2”，即可记上名称</source>
      <translation>The place with area code %1 has no name in the sheet: the ledger holds it by its code for now. Areas are kept by the county: ask the county to give its “%2” in a sheet it imports to record the name</translation>
    </message>
    <message>
      <source>区划代码 %1 的地点表中没有写名称，台账中暂以代码为名称：在表格的“%2”一列写上名称，再导入一次（按月更新也可），即可记上名称</source>
      <translation>The place with area code %1 has no name in the sheet: the ledger holds it by its code for now. Write its name in the sheet's “%2” column and import again (a monthly update will do) to record the name</translation>
    </message>
    <message>
      <source>台账中这户在“%1”，没有按工作表名称改记到“%2”：表格导入不改变一户所在的村民组，要改请在程序中打开这户，改“所在区域”</source>
      <translation>The ledger holds this household in “%1”: it was not moved to “%2”, as the sheet is named. A spreadsheet import does not change a household's villager group; to change it, open the household in the program and change its “Area”</translation>
    </message>
    <message>
      <source>%1在表格里存成了数字（%2），后几位可能已丢失，无法恢复；请在 LibreOffice 或 WPS 中把该列设为文本后重新录入</source>
      <translation>%1 is stored in the sheet as a number (%2): its last digits may be lost and cannot be recovered. In LibreOffice or WPS, format the column as text and enter it again</translation>
    </message>
    <message>
      <source>%1在表格里存成了数字（%2），后几位可能已丢失，无法恢复；这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写</source>
      <translation>%1 is stored in the sheet as a number (%2): its last digits may be lost and cannot be recovered. This cell was not imported; the rest of this person was imported as usual. Format the column as text and enter it again from the bank card or passbook</translation>
    </message>
    <message>
      <source>%1在表格里存成了数字（%2）：.xls 格式的表格里，数字最多只能存 15 位，后几位可能已丢失，无法恢复；请把该列设为文本后重新录入</source>
      <translation>%1 is stored in the sheet as a number (%2): an .xls file keeps at most 15 digits of a number, so its last digits may be lost and cannot be recovered. Format the column as text and enter it again</translation>
    </message>
    <message>
      <source>%1在表格里存成了数字（%2）：.xls 格式的表格里，数字最多只能存 15 位，后几位可能已丢失，无法恢复；这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写</source>
      <translation>%1 is stored in the sheet as a number (%2): an .xls file keeps at most 15 digits of a number, so its last digits may be lost and cannot be recovered. This cell was not imported; the rest of this person was imported as usual. Format the column as text and enter it again from the bank card or passbook</translation>
    </message>
    <message>
      <source>%1的迁入在接收之前已被提出的村撤回或改过：这次接收的不是现在提出的迁入，没有迁入。请同步后重新查看待接收的迁入人员（%2）</source>
      <translation>The move of %1 was withdrawn or changed by the village that offered it before it was taken in: this take-in answered an offer that no longer stands, so %1 was not moved in. Sync, then look at the people offered to move in again (%2)</translation>
    </message>
    <message>
      <source>已提出把%1迁入%2的户，待对方接收：请先撤回迁入再修改（%3）</source>
      <translation>%1 has been offered to a household of %2, waiting for them to take %1 in: withdraw the offer first, then make the change (%3)</translation>
    </message>
    <message>
      <source>%1原是户主：原来那一户现在没有户主，请为它另定户主</source>
      <translation>%1 was the head: the household they left has no head now; choose a new head for it</translation>
    </message>
    <message>
      <source>%1已经在这一户里</source>
      <translation>%1 is already in this household</translation>
    </message>
    <message>
      <source>%1没有待对方村接收的迁入</source>
      <translation>%1 is not offered to another village</translation>
    </message>
    <message>
      <source>%1没有要迁入本村的户，或对方已撤回</source>
      <translation>%1 is not offered to a household of this village, or the other village has withdrawn the offer</translation>
    </message>
    <message>
      <source>已提出把%1迁入%2的户，待对方村接收：对方村同步后接收，%1才迁过去；在此之前%1仍在本户</source>
      <translation>%1 has been offered to a household of %2, waiting for that village: %1 moves once it syncs and takes them in; until then %1 stays in this household</translation>
    </message>
    <message>
      <source>要迁入的户已注销，请另选一户</source>
      <translation>The household to move into has been closed: choose another</translation>
    </message>
    <message>
      <source>请写明迁户原因（分户、合户、婚迁……）</source>
      <translation>Give the reason for the move (new household, joining a household, marriage …)</translation>
    </message>
    <message>
      <source>请选择迁入哪一户，或新建一户</source>
      <translation>Choose the household to move into, or make a new one</translation>
    </message>
    <message>
      <source>这一户已有户主：请选择与户主的关系（配偶、子女……）</source>
      <translation>This household already has a head: choose the relation to the head (spouse, child …)</translation>
    </message>
    <message>
      <source>区划与台账不同：表中是“%1”，台账中这户在“%2”。表格导入不改变一户所在的地点，区划和详细地址这几格没有导入，这一行的其他修改照常导入；整户搬迁请在程序中打开这户，改“所在区域”和地址</source>
      <translation>The area differs from the ledger's: the sheet says “%1”, the ledger holds this household in “%2”. A spreadsheet import does not change where a household is: the area and address cells were not imported, the row's other changes were; to move the whole household, open it in the program and change its “Area” and address</translation>
    </message>
    <message>
      <source>这条%1的标识已是中心一条%2的标识：一个标识只能指一条记录（本程序给每条新记录取新的标识），否则中心会把那条%2当作这条记录发给本机</source>
      <translation>The id of this “%1” already names a “%2” at the hub: an id names one record only (this program gives every new record a new id), or the hub would send that “%2” to this device as this record</translation>
    </message>
    <message>
      <source>%1 中有一个单元格的标记长达 %2 字节，不是正常的表格</source>
      <translation>a cell's mark-up in %1 is %2 bytes long: it is not a normal spreadsheet</translation>
    </message>
    <message>
      <source>%1 的压缩比异常（疑似压缩炸弹）</source>
      <translation>its part %1 is packed far too tightly (it looks like a zip bomb)</translation>
    </message>
    <message>
      <source>Excel 或 WPS</source>
      <translation>Excel or WPS</translation>
    </message>
    <message>
      <source>LibreOffice 或 WPS</source>
      <translation>LibreOffice or WPS</translation>
    </message>
    <message>
      <source>一个有内容的单元格声明重复 %1 次</source>
      <translation>a cell holding data is declared repeated %1 times</translation>
    </message>
    <message>
      <source>一行有内容的数据声明重复 %1 次</source>
      <translation>a row holding data is declared repeated %1 times</translation>
    </message>
    <message>
      <source>不支持的文件类型“%1”：请使用 xlsx、xls 或 csv 文件（其他格式请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入）</source>
      <translation>The file type “%1” is not supported: please use an xlsx, xls or csv file (open another format in Excel or WPS, save it as .xlsx and import that)</translation>
    </message>
    <message>
      <source>其中有 %1 张工作表，超过了可读取的 %2 张（一个县每村一张也只有几百张）；请删去多余的工作表，或分成几个文件后再导入</source>
      <translation>it has %1 sheets, more than the %2 that can be read (a sheet for each village of a county is only a few hundred); please delete the sheets not needed, or split it into several files, and import again</translation>
    </message>
    <message>
      <source>其中的文件目录有 %1 MB（表格的只有几 KB 到几百 KB），不是正常的表格文件</source>
      <translation>its table of contents is %1 MB (a spreadsheet's is a few KB to a few hundred KB): it is not a normal spreadsheet file</translation>
    </message>
    <message>
      <source>其中的文字部分解压后超过 %1 MB（20 万人的台账也只有约 160 MB），不是正常的台账表格；如确是台账，请在 Excel 或 WPS 中打开它，另存为 CSV 后再导入</source>
      <translation>its text, unpacked, takes more than %1 MB (a ledger of 200,000 people takes only about 160 MB): it is not a normal ledger spreadsheet; if it really is a ledger, please open it in Excel or WPS, save it as CSV and import that</translation>
    </message>
    <message>
      <source>其中的文字部分超过 %1 MB（一张 .xls 工作表最多 65,536 行，写满人员的台账也只有几 MB），不是正常的台账表格；如确是台账，请在 Excel 或 WPS 中打开它，另存为 CSV 后再导入</source>
      <translation>its text takes more than %1 MB (an .xls sheet has at most 65,536 rows, and a ledger full of people takes only a few MB): it is not a normal ledger spreadsheet; if it really is a ledger, please open it in Excel or WPS, save it as CSV and import that</translation>
    </message>
    <message>
      <source>其中隐藏的行分成了 %1 段以上，超过了可读取的 %2 段（最大的台账每隔一行隐藏一行也只有这么多）；请取消隐藏后保存，或另存为 CSV 后再导入</source>
      <translation>its hidden rows fall in more than %1 runs, more than the %2 that can be read (the largest ledger with every other row hidden has no more); please unhide them and save, or save it as CSV, and import again</translation>
    </message>
    <message>
      <source>到第 %1 行为止已有 %2 行填了内容（最宽的一行 %3 列），超过了可读取的 %4 个单元格；请分成几个文件后再导入</source>
      <translation>by line %1, %2 lines hold something (the widest %3 columns), more than the %4 cells that can be read; please split it into several files and import again</translation>
    </message>
    <message>
      <source>压缩包中的 %1 声称解压后有 %2 字节</source>
      <translation>its part %1 claims to take %2 bytes unpacked</translation>
    </message>
    <message>
      <source>各工作表的范围合计达 %1 个单元格，读到工作表“%2”（%3 行 × %4 列）时超过了整个文件可读取的 %5 个单元格；请删除多余的工作表或行列，或分成几个文件后再导入</source>
      <translation>its sheets together span %1 cells: at the sheet “%2” (%3 rows × %4 columns) they pass the %5 cells that can be read of a whole file; please delete the sheets, rows or columns not needed, or split it into several files, and import again</translation>
    </message>
    <message>
      <source>声明了 %1 个重复的列</source>
      <translation>it declares %1 repeated columns</translation>
    </message>
    <message>
      <source>声明了 %1 个重复的行</source>
      <translation>it declares %1 repeated rows</translation>
    </message>
    <message>
      <source>工作簿设置了打开密码（已加密），本程序无法读取；请在 %1 中输入密码打开，取消打开密码后保存，再导入</source>
      <translation>the workbook has a password to open it (it is encrypted), so this program cannot read it; please open it in %1 with the password, remove the password, save it and import it again</translation>
    </message>
    <message>
      <source>工作表“%1”已损坏（可能没有复制完整，或保存时中断），整个文件都未导入；请重新复制，或在 %2 中打开后另存为 .xlsx 再导入</source>
      <translation>the sheet “%1” is damaged (it may not have been copied completely, or its saving was cut off), and none of the file was imported; please copy it again, or open it in %2, save it as .xlsx and import that</translation>
    </message>
    <message>
      <source>工作表“%1”的合并单元格互相重叠（同一格被合并了不止一次），不是 Excel、WPS 或 LibreOffice 保存的表格，整个文件都未导入；请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。台账没有改动</source>
      <translation>The merged cells of the sheet “%1” lie over one another (a cell is merged more than once): it was not saved by Excel, WPS or LibreOffice, and none of the file was imported; please open it in Excel or WPS, save it as .xlsx and import that. The ledger is unchanged</translation>
    </message>
    <message>
      <source>工作表“%1”的范围达 %2 行 × %3 列（%4 个单元格），超过了可读取的 %5 个单元格；请删除多余的行列或另存为 CSV 后再导入</source>
      <translation>the sheet “%1” spans %2 rows × %3 columns (%4 cells), more than the %5 cells that can be read; please delete the rows and columns not needed, or save it as CSV, and import again</translation>
    </message>
    <message>
      <source>工作表“%1”的行一直延续到第 %2 行以后，超过了可读取的 %3 个单元格；这些行可能看起来是空白的，但有单元格填了内容（空格、白色的字）或隐藏了：请选中数据下面多余的行整行删除后保存，或另存为 CSV 后再导入</source>
      <translation>the rows of the sheet “%1” run on past row %2, more than the %3 cells that can be read; those rows may look blank but have cells with something in them (spaces, white text) or are hidden: please select the rows below the data, delete them whole and save, or save it as CSV, and import again</translation>
    </message>
    <message>
      <source>找不到表头：表格中需要有“姓名”和“身份证号码”两列（列名可在前 20 行内的任意一行）</source>
      <translation>No header found: the spreadsheet needs the two columns “姓名” (name) and “身份证号码” (ID number) (their names may be on any of the first 20 rows)</translation>
    </message>
    <message>
      <source>拒绝读取表格文件 %1：%2。文件未被读取，台账没有改动</source>
      <translation>The spreadsheet file %1 was refused: %2. The file was not read and the ledger is unchanged</translation>
    </message>
    <message>
      <source>文件不完整或已损坏（可能没有复制完整，或保存时中断）；请重新复制，或在 %1 中打开后另存为 .xlsx 再导入</source>
      <translation>the file is incomplete or damaged (it may not have been copied completely, or its saving was cut off); please copy it again, or open it in %1, save it as .xlsx and import that</translation>
    </message>
    <message>
      <source>文件不完整或已损坏（表格内容没有到结尾，可能没有复制完整，或保存时中断）；请重新复制后再导入</source>
      <translation>the file is incomplete or damaged (its content stops before its end: it may not have been copied completely, or its saving was cut off); please copy it again and import that</translation>
    </message>
    <message>
      <source>文件不完整或已损坏；请重新复制后再导入</source>
      <translation>the file is incomplete or damaged; please copy it again and import that</translation>
    </message>
    <message>
      <source>文件已损坏（其中的数据无法解压）；请重新复制后再导入</source>
      <translation>the file is damaged (its data cannot be unpacked); please copy it again and import that</translation>
    </message>
    <message>
      <source>文件已损坏（可能没有复制完整）；请重新复制后再导入</source>
      <translation>the file is damaged (it may not have been copied completely); please copy it again and import that</translation>
    </message>
    <message>
      <source>文件已损坏，或不是 %1 表格；请在 %1 中打开它，另存为 .xlsx 后再导入</source>
      <translation>the file is damaged, or is not a spreadsheet of %1; please open it in %1, save it as .xlsx and import that</translation>
    </message>
    <message>
      <source>文件是空的（可能没有保存或复制完整）；请重新复制或保存该文件</source>
      <translation>the file is empty (it may not have been saved or copied completely); please copy or save it again</translation>
    </message>
    <message>
      <source>文件有 %1 MB，超过了 %2 MB</source>
      <translation>the file is %1 MB, more than %2 MB</translation>
    </message>
    <message>
      <source>文件超过了 %1 行（Excel 一张表最多这么多行）</source>
      <translation>the file has more than %1 lines (an Excel sheet has at most that many rows)</translation>
    </message>
    <message>
      <source>无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV</source>
      <translation>The file's encoding cannot be told: please save it as a CSV in UTF-8 or GBK</translation>
    </message>
    <message>
      <source>无法读取表格文件 %1：%2。台账没有改动</source>
      <translation>The spreadsheet file %1 cannot be read: %2. The ledger is unchanged</translation>
    </message>
    <message>
      <source>无法读取表格文件 %1：不是有效的 ODS 文件</source>
      <translation>The spreadsheet file %1 cannot be read: it is not a valid ODS file</translation>
    </message>
    <message>
      <source>有两个工作表都叫“%1”，分不清读哪一个；请在 LibreOffice 或 WPS 中把其中一个改名后再导入</source>
      <translation>two sheets are both called “%1”, so which to read cannot be told; please rename one of them in LibreOffice or WPS and import again</translation>
    </message>
    <message>
      <source>有声明重复 0 次的单元格，其中的内容读不到（文件可能已损坏）</source>
      <translation>it has a cell declared repeated 0 times, whose content cannot be read (the file may be damaged)</translation>
    </message>
    <message>
      <source>有声明重复 0 次的行，其中的内容读不到（文件可能已损坏）</source>
      <translation>it has a row declared repeated 0 times, whose content cannot be read (the file may be damaged)</translation>
    </message>
    <message>
      <source>第 %1 行有 %2 列，超过了 Excel 一张表最多的 %3 列</source>
      <translation>line %1 has %2 columns, more than an Excel sheet's %3</translation>
    </message>
    <message>
      <source>第 %1 行有一格的内容长达十几万字以上，不是正常的表格（Excel 的一格最多 32,767 个字）</source>
      <translation>a cell on line %1 holds more than a hundred thousand characters: it is not a normal spreadsheet (an Excel cell holds at most 32,767)</translation>
    </message>
    <message>
      <source>解压后有 %1 MB，超过了 %2 MB</source>
      <translation>unpacked, it takes %1 MB, more than %2 MB</translation>
    </message>
    <message>
      <source>解压后超过 %1 MB</source>
      <translation>unpacked, it takes more than %1 MB</translation>
    </message>
    <message>
      <source>这个文件不是表格文件；请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入</source>
      <translation>this file is not a spreadsheet; please open it in Excel or WPS, save it as .xlsx and import that</translation>
    </message>
    <message>
      <source>这个文件不是表格，而是 Word 文档；请选择台账的 Excel 或 WPS 表格文件</source>
      <translation>this file is not a spreadsheet but a Word document; please choose the ledger's Excel or WPS spreadsheet file</translation>
    </message>
    <message>
      <source>这个文件不是表格，而是其他文件；请选择台账的 Excel 或 WPS 表格文件</source>
      <translation>this file is not a spreadsheet but some other file; please choose the ledger's Excel or WPS spreadsheet file</translation>
    </message>
    <message>
      <source>这个文件不是表格，而是压缩包或其他文件；请选择台账的 Excel 或 WPS 表格文件</source>
      <translation>this file is not a spreadsheet but an archive or some other file; please choose the ledger's Excel or WPS spreadsheet file</translation>
    </message>
    <message>
      <source>这个文件实际是“XML 电子表格 2003”格式，不是真正的 Excel 表格；请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入</source>
      <translation>this file is in fact in the “XML Spreadsheet 2003” format, not a real Excel workbook; please open it in Excel or WPS, save it as .xlsx and import that</translation>
    </message>
    <message>
      <source>这个文件实际是网页（HTML）格式（一些系统导出的“Excel”其实是网页），不是真正的 Excel 表格；请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入</source>
      <translation>this file is in fact a web page (HTML; the “Excel” some systems export is really a web page), not a real Excel workbook; please open it in Excel or WPS, save it as .xlsx and import that</translation>
    </message>
    <message>
      <source>这是 Excel 二进制工作簿（.xlsb），本程序不读取这种格式；请在 Excel 或 WPS 中打开它，另存为 .xlsx（Excel 工作簿）后再导入</source>
      <translation>this is an Excel binary workbook (.xlsb), a format this program does not read; please open it in Excel or WPS, save it as .xlsx (Excel Workbook) and import that</translation>
    </message>
    <message>
      <source>这是 Excel 或 WPS 打开表格时在旁边生成的临时文件，不是表格本身；请选择“%1”（最好先在 Excel 或 WPS 中保存并关闭它）</source>
      <translation>this is the temporary file Excel or WPS makes beside a spreadsheet it has open, not the spreadsheet itself; please choose “%1” (best save and close it in Excel or WPS first)</translation>
    </message>
    <message>
      <source>（无扩展名）</source>
      <translation>(no extension)</translation>
    </message>
    <message>
      <source>“%1”不能说成“%2”：就业状态只有%3</source>
      <translation>“%1” cannot be said to mean “%2”: the employment statuses are only %3</translation>
    </message>
    <message>
      <source>“%1”已按“%2”读取，不能再说成“%3”</source>
      <translation>“%1” is read as “%2” already and cannot be said to mean “%3”</translation>
    </message>
    <message>
      <source>表格“%1”在预览之后又改过了（可能在别的程序里保存过或被替换），没有导入；请重新预览，看过后再确认</source>
      <translation>The spreadsheet “%1” has changed since it was previewed (it may have been saved in another program or replaced) and was not imported; please preview it again and confirm once you have looked it over</translation>
    </message>
    <message>
      <source>说明用词时要写明表格里的词（“%1”前面是空的）</source>
      <translation>Saying what a word means needs the word as the spreadsheet writes it (there is none before “%1”)</translation>
    </message>
    <message>
      <source>同一身份证号码在别的乡镇已申领</source>
      <translation>claimed in another township under the same ID number</translation>
    </message>
    <message>
      <source>同一身份证号码在别的村已申领</source>
      <translation>claimed in another village under the same ID number</translation>
    </message>
    <message>
      <source>同一身份证号码在本机区域以外已申领</source>
      <translation>claimed outside this device's area under the same ID number</translation>
    </message>
    <message>
      <source>%1的%2不在%3负责的范围内</source>
      <translation>The “%2” of “%1” is outside the area of %3</translation>
    </message>
    <message>
      <source>这条%1不在%2负责的范围内</source>
      <translation>This “%1” is outside the area of %2</translation>
    </message>
    <message>
      <source>这条%1的%2不在%3负责的范围内：每台设备只记本机为本范围打印、导出的材料，记到别处的会被当作那里打印、公示过的材料</source>
      <translation>The “%2” of this %1 is outside the area of %3: each device logs only what it printed or exported for its own area; one logged for elsewhere would pass there as a paper printed and posted there</translation>
    </message>
    <message>
      <source>%1就业状态填的是“未就业”，但台账中%2开始的务工（%3）仍在进行，未作修改，请核对</source>
      <translation>The employment status for %1 is “Not employed”, but the ledger has a job begun on %2 (%3) still running: it was left as it is; please check</translation>
    </message>
    <message>
      <source>%1就业状态填的是“未就业”，但台账中%2开始的务工（未填单位）仍在进行，未作修改，请核对</source>
      <translation>The employment status for %1 is “Not employed”, but the ledger has a job begun on %2 (no employer given) still running: it was left as it is; please check</translation>
    </message>
    <message>
      <source>%1是公式的错误值“%2”（公式没有找到要取的值），请在表格中改正公式或填入号码后重新导入</source>
      <translation>%1 is a formula's error value “%2” (the formula found no value to take): correct the formula in the spreadsheet or type the number in, then import again</translation>
    </message>
    <message>
      <source>%1是公式的错误值“%2”，请在表格中改正公式或填入号码后重新导入</source>
      <translation>%1 is a formula's error value “%2”: correct the formula in the spreadsheet or type the number in, then import again</translation>
    </message>
    <message>
      <source>%1是公式，文件里没有保存公式算出的结果（这个文件是程序生成的，没有用 Excel 或 WPS 保存过）：请在 Excel 或 WPS 中打开这个文件，保存一次后再导入</source>
      <translation>%1 is a formula, and the file holds no result of it (the file was made by a program and never saved in Excel or WPS): open the file in Excel or WPS, save it once, then import it again</translation>
    </message>
    <message>
      <source>“%1”列（%2 列）在表格中是隐藏的，其中的内容已照常读取，请核对（要不导入这一列，请删除该列后再导入）</source>
      <translation>Column “%1” (column %2) is hidden in the spreadsheet; what it holds was read as usual; please check (to leave the column out, delete it, then import again)</translation>
    </message>
    <message>
      <source>人员类别“%1”只写了年份“%2”：已记为%3，认定日期没有记录（要记下日期，请写成 2016-12-31 这样）</source>
      <translation>The category “%1” gives only the year “%2”: it is recorded as %3 with no date it was recognised (to record the date, write it as 2016-12-31)</translation>
    </message>
    <message>
      <source>工作表“%1”从名称看是旧表或备份，在其他工作表之后读取：其他工作表中已有的人以其他工作表为准，其余的行照常读取，请核对</source>
      <translation>Sheet “%1” looks by its name like an old copy or a backup and was read after the other sheets: a person the other sheets already have is taken as they have them, its other rows were read as usual; please check</translation>
    </message>
    <message>
      <source>工作表“%1”从名称看是旧表或备份，在其他工作表之后读取：其他工作表中已有的记录以其他工作表为准，其余的行照常读取，请核对</source>
      <translation>Sheet “%1” looks by its name like an old copy or a backup and was read after the other sheets: a record the other sheets already have is taken as they have it, its other rows were read as usual; please check</translation>
    </message>
    <message>
      <source>工作表“%1”在表格中是隐藏的，在显示的工作表之后读取：其中的行已照常读取，已在显示的工作表中的人以显示的为准，请核对（隐藏的可能是旧表或备份）</source>
      <translation>Sheet “%1” is hidden in the spreadsheet and was read after the sheets shown: its rows were read as usual, a person already on a sheet shown as that sheet has them; please check (a hidden sheet may be an old copy or a backup)</translation>
    </message>
    <message>
      <source>工作表“%1”在表格中是隐藏的，在显示的工作表之后读取：其中的行已照常读取，显示的工作表中已有的记录以显示的为准，请核对（隐藏的可能是旧表或备份）</source>
      <translation>Sheet “%1” is hidden in the spreadsheet and was read after the sheets shown: its rows were read as usual, a record the sheets shown already have as they have it; please check (a hidden sheet may be an old copy or a backup)</translation>
    </message>
    <message>
      <source>工作表“%1”没有读取：前 %2 行里找不到表头（需要“姓名”和“身份证号码”两列，户主名单可写“户主姓名”）；这张表里如有人员，请把列名改成这样后再导入</source>
      <translation>Sheet “%1” was not read: no header was found in its first %2 rows (it needs the two columns “姓名” (name) and “身份证号码” (ID number); a list of heads may have “户主姓名”); if the sheet has people in it, name its columns so, then import again</translation>
    </message>
    <message>
      <source>户主姓名“%1”与上方最近的户主（第 %2 行 %3）不符：请把本户成员排在户主之后，或填写户主身份证号码</source>
      <translation>The head's name “%1” is not that of the nearest head above (row %2, %3): put the household's members after their head, or fill in the head's ID number</translation>
    </message>
    <message>
      <source>户主身份证号码 %1 与台账不同：台账中这个人在%2（%3）的户。表格导入不改变一个人所在的户，户主身份证号码、与户主关系和户的地址、户编号、户备注这几格没有导入，这一行的其他修改照常导入；要迁户或分户，请在程序中打开这个人，点“迁到别户…”并写明原因</source>
      <translation>The head's ID number %1 is not the ledger's: in the ledger this person is in the household of %2 (%3). An import moves no one to another household: the head's ID number, the relation to the head and the household's address, number and notes were not imported, the row's other changes were; to move the person or make a household of their own, open the person in the program, click “Move to another household…” and give the reason</translation>
    </message>
    <message>
      <source>户主身份证号码为空，按合并单元格取上一行的 %1，请核对</source>
      <translation>The head's ID number is blank; taken as %1 from the row above, as the cells are merged; please check</translation>
    </message>
    <message>
      <source>表中没有“户主身份证号码”列，而这一行上方没有户主行：请把户主排在本户成员之前，或填写户主身份证号码</source>
      <translation>The sheet has no “Head of household's ID number” column and there is no head's row above this row: put the head before the household's members, or fill in the head's ID number</translation>
    </message>
    <message>
      <source>表中没有“户主身份证号码”列：新的家庭成员按排列顺序并入其上方最近的户主（与户主关系为“户主”的行）的户（台账中已有的人不改变所在的户），请核对</source>
      <translation>The sheet has no “Head of household's ID number” column: each new member is placed, by the order of the rows, in the household of the nearest head above (the row whose relation to the head is “Head”) (a person the ledger has already stays in their household); please check</translation>
    </message>
    <message>
      <source>这一行在第 %1 行另一段表格的表头之下，未导入（见第 %1 行）</source>
      <translation>This row is under another table's header at row %1 and was not imported (see row %1)</translation>
    </message>
    <message>
      <source>这一行是另一段表格的表头，列的排列与第 %1 行的表头不同（%2 列这里是“%3”，第 %1 行是“%4”）：这一段按第一个表头读会读错，其下各行都未导入；请把这一段连同它的表头移到单独的工作表后再导入</source>
      <translation>This row is another table's header, its columns not in the order of the header at row %1 (column %2 is “%3” here, “%4” at row %1): read by the first header this part would be read wrong, so none of the rows under it were imported; move this part with its header to a sheet of its own, then import again</translation>
    </message>
    <message>
      <source>这一行是表头（与第 %1 行的表头相同），不是人员，未读取</source>
      <translation>This row is a header (the same as the header at row %1), not a person, and was not read</translation>
    </message>
    <message>
      <source>“%1”没有保存：台账无法写入这次的打印记录（%2），而每份打印件都必须记入打印记录。原来的文件没有改动，台账也没有改动。请%3后再保存一次</source>
      <translation>“%1” was not saved: the ledger cannot log this print (%2), and every printed paper must be in the print log. The file that was there is unchanged, and so is the ledger. Please %3, then save again</translation>
    </message>
    <message>
      <source>“%1”没有保存：台账无法写入这次的打印记录（%2），而每份打印件都必须记入打印记录。没有写入任何文件，台账也没有改动。请%3后再保存一次</source>
      <translation>“%1” was not saved: the ledger cannot log this print (%2), and every printed paper must be in the print log. No file was written and the ledger is unchanged. Please %3, then save again</translation>
    </message>
    <message>
      <source>“%1”没有留下：文件已写出，但台账无法写入这次的导出记录（%2），而每次导出都必须记入导出记录，所以已把它删除。台账没有改动。请%3后再导出一次</source>
      <translation>“%1” was not kept: the file was written, but the ledger cannot log this export (%2), and every export must be in the export log, so the file was deleted. The ledger is unchanged. Please %3, then export again</translation>
    </message>
    <message>
      <source>去掉写保护、重新打开台账</source>
      <translation>turn the write protection off and open the ledger again</translation>
    </message>
    <message>
      <source>另一个程序正在写入台账，还没有结束</source>
      <translation>another program is writing to the ledger and has not finished</translation>
    </message>
    <message>
      <source>台账所在的磁盘已满，或存放台账的 U 盘被拔出了</source>
      <translation>the ledger's disk is full, or the USB stick holding the ledger was pulled out</translation>
    </message>
    <message>
      <source>台账文件是只读的（U 盘打开了写保护？）</source>
      <translation>the ledger's file is read-only (is the USB stick's write protection on?)</translation>
    </message>
    <message>
      <source>找不到台账文件：存放它的 U 盘被拔出了，或文件被移走、替换了</source>
      <translation>the ledger's file cannot be found: the USB stick holding it was pulled out, or the file was moved or replaced</translation>
    </message>
    <message>
      <source>插好 U 盘（或把台账放回原处）</source>
      <translation>plug the USB stick back in (or put the ledger back where it was)</translation>
    </message>
    <message>
      <source>没有打印：台账无法写入这次的打印记录（%2），而每份打印件都必须记入打印记录。没有送任何一页到打印机“%1”，台账也没有改动。请%3后再打印一次</source>
      <translation>Not printed: the ledger cannot log this print (%2), and every printed paper must be in the print log. No page was sent to the printer “%1” and the ledger is unchanged. Please %3, then print again</translation>
    </message>
    <message>
      <source>稍等片刻</source>
      <translation>wait a moment</translation>
    </message>
    <message>
      <source>腾出台账所在磁盘的空间（或插好 U 盘）</source>
      <translation>free some space on the ledger's disk (or plug the USB stick back in)</translation>
    </message>
    <message>
      <source>这是正式台账，不能放入演示数据。演示数据要放在单独的演示台账里：请另选一个新的台账文件来生成演示数据。</source>
      <translation>This is a real ledger: demo data cannot go into it. Demo data belongs in a demo ledger of its own: choose a new ledger file to make the demo data in.</translation>
    </message>
    <message>
      <source>列名“%1”</source>
      <translation>the column heading “%1”</translation>
    </message>
    <message>
      <source>工作表名“%1”</source>
      <translation>the sheet's name “%1”</translation>
    </message>
    <message>
      <source>文件名“%1”</source>
      <translation>the file's name “%1”</translation>
    </message>
    <message>
      <source>标题“%1”</source>
      <translation>the title “%1”</translation>
    </message>
    <message>
      <source>第 %1 行的“%2”</source>
      <translation>“%2” in row %1</translation>
    </message>
    <message>
      <source>表头“%1”</source>
      <translation>the header “%1”</translation>
    </message>
    <message>
      <source>%1（%2，%3 录入）</source>
      <translation>%1 (%2, entered by %3)</translation>
    </message>
    <message>
      <source>%1（%2，未知 录入）</source>
      <translation>%1 (%2, entered by someone unknown)</translation>
    </message>
    <message>
      <source>身份证号 %1 在本台账中登记了 %2 次：%3。请核对后删除重复录入的一条（删除原因选“重复录入”）</source>
      <translation>ID number %1 is entered %2 times in this ledger: %3. Please check, and delete the one entered twice (with the reason “Entered twice”)</translation>
    </message>
    <message>
      <source>%1的迁入在答复之前已被提出的村撤回或改过：这次不接收的不是现在提出的迁入，现在的迁入仍待答复。请同步后重新查看待接收的迁入人员（%2）</source>
      <translation>The move of %1 was withdrawn or changed by the village that offered it before it was answered: this refusal answered an offer that no longer stands, and the offer standing now still waits for an answer. Sync, then look at the people offered to move in again (%2)</translation>
    </message>
    <message>
      <source>%1已提出迁入别村的户，待对方接收：这一行没有导入；撤回迁入后再导入这一行</source>
      <translation>%1 has been offered to a household of another village and is waiting to be taken in: this row was not imported; take the offer back, then import this row again</translation>
    </message>
    <message>
      <source>把%1迁入本机范围以外已有的户，须由那里接收：本机只能提出迁入，等那里的设备接收后才迁过去（%2）</source>
      <translation>Moving %1 into an existing household outside this device's area is for that area to take in: this device can only offer the move, and %1 moves once that area's device takes them in (%2)</translation>
    </message>
    <message>
      <source>%1的迁入在答复之前已被提出的村撤回：不用再答复。请同步后重新查看待接收的迁入人员（%2）</source>
      <translation>The move of %1 was withdrawn by the village that offered it before it was answered: no answer is needed. Sync, then look at the people offered to move in again (%2)</translation>
    </message>
    <message>
      <source>汇总中心只按已签发的县级政策包审核各设备的修改；本机政策包文件夹 %2 里的政策包（%1）不使用，可以删去。要改政策，请签发新版本</source>
      <translation>The county hub judges every device’s changes by the county packs it has published only; the policy packs in this computer’s pack folder %2 (%1) are not used and may be deleted. To change the policy, publish a new edition</translation>
    </message>
    <message>
      <source>汇总中心的政策包要签发后才启用（签发的版本发给各设备，各设备和中心按同一个版本审核），不能在中心安装政策包；请签发新版本</source>
      <translation>The county hub’s policy packs take effect only once published (the published edition goes to every device, and the devices and the hub judge by the same one); packs cannot be installed on the hub: publish a new edition</translation>
    </message>
    <message>
      <source>「%1」由县级汇总中心签发，任何设备都不能修改或删除，县级设备也不能（%2）</source>
      <translation>“%1” is signed by the county hub: no device may change or delete it, a county device neither (%2)</translation>
    </message>
    <message>
      <source>「%1」由县级汇总中心签发，设备对它的修改谁也不能接受，只能不予采纳；要改政策，请签发新版本</source>
      <translation>“%1” is signed by the county hub: a device’s change of it cannot be accepted by anyone, only dismissed; to change the policy, publish a new edition</translation>
    </message>
    <message>
      <source>，已%1的</source>
      <translation>, those passed (“%1”)</translation>
    </message>
    <message>
      <source>%1 %2…（%3）</source>
      <translation>%1 %2… (%3)</translation>
    </message>
    <message>
      <source>%1 不是本台账的用户</source>
      <translation>%1 is not a user of this ledger</translation>
    </message>
    <message>
      <source>%1 是文件夹，请选择备份文件本身</source>
      <translation>%1 is a folder: please choose the backup file itself</translation>
    </message>
    <message>
      <source>%1 有本机程序没有的选项，无法使用：多半是本机的程序比中心旧，请升级本机的程序（这条记录仍在台账中，没有丢失）</source>
      <translation>%1 has a choice this computer's program does not have and cannot be used: most likely this computer's program is older than the hub's; please upgrade it (the record is still in the ledger, nothing is lost)</translation>
    </message>
    <message>
      <source>%1 的数据不合格，无法使用。请县里更正这条记录（它仍在台账中，没有丢失）</source>
      <translation>%1 holds data that is not valid and cannot be used. Please ask the county to correct this record (it is still in the ledger, nothing is lost)</translation>
    </message>
    <message>
      <source>%1（身份证号 %2）</source>
      <translation>%1 (ID number %2)</translation>
    </message>
    <message>
      <source>“%1”存的是%2</source>
      <translation>“%1” holds %2</translation>
    </message>
    <message>
      <source>不是台账的钥匙文件</source>
      <translation>This is not a ledger's key file</translation>
    </message>
    <message>
      <source>口令不对，或这个文件不是台账</source>
      <translation>Wrong password, or this file is not a ledger</translation>
    </message>
    <message>
      <source>口令已连续输错 %1 次，请 %2 秒后再试</source>
      <translation>The password was wrong %1 times in a row: please try again in %2 seconds</translation>
    </message>
    <message>
      <source>台账 %1 正被另一个程序使用（打开着的桌面程序或另一个命令），请先关闭它再恢复。台账没有改动</source>
      <translation>The ledger %1 is in use by another program (an open copy of the desktop program, or a command): please close it before restoring. The ledger is unchanged</translation>
    </message>
    <message>
      <source>台账“%1”已经存在（可能刚由另一个窗口或命令新建）。没有改动它；请选“打开已有台账”，用新建它时设置的用户名和口令登录，或另取一个文件名</source>
      <translation>The ledger “%1” already exists (perhaps just created by another window or command). It was not changed; choose “Open an existing ledger” and log in with the user name and password set when it was created, or choose another file name</translation>
    </message>
    <message>
      <source>台账“%1”正在新建：另一个窗口（或命令）正在建立它。这里没有改动任何文件；请等它建好，再用新建它时设置的用户名和口令打开它</source>
      <translation>The ledger “%1” is being created by another window (or command). No file was changed here; wait until it is made, then open it with the user name and password set when it was created</translation>
    </message>
    <message>
      <source>台账中有这个人：%1，但%2，本程序读不了，暂时不能使用。%3（这个人仍在台账中，没有丢失，不要重新录入）</source>
      <translation>The ledger has this person: %1, but %2, which this program cannot read, so they cannot be used for now. %3 (the person is still in the ledger, nothing is lost: do not enter them again)</translation>
    </message>
    <message>
      <source>台账已被另一个程序换了钥匙或从备份恢复，请关闭本程序后重新登录再试</source>
      <translation>Another program has changed the ledger's key or restored it from a backup: please close this program, log in again and try again</translation>
    </message>
    <message>
      <source>台账文件“%1”已被另一个文件替换（例如从 U 盘拷回的旧台账）。这次的修改没有保存。请关闭本程序，确认要用哪一份台账后再打开</source>
      <translation>The ledger file “%1” has been replaced by another file (an old ledger copied back from a USB stick, say). This change was not saved. Close this program, make sure which ledger is to be used, then open it again</translation>
    </message>
    <message>
      <source>台账还没有加密（没有设置用户和口令），不能备份。请先设置口令。</source>
      <translation>The ledger is not encrypted yet (no user and password set), so it cannot be backed up. Please set a password first.</translation>
    </message>
    <message>
      <source>备份中的台账已损坏</source>
      <translation>The ledger inside the backup is damaged</translation>
    </message>
    <message>
      <source>备份中的台账无法读取：%1</source>
      <translation>The ledger inside the backup cannot be read: %1</translation>
    </message>
    <message>
      <source>备份文件 %1 不完整（大小不符）</source>
      <translation>The backup %1 is incomplete (its size is wrong)</translation>
    </message>
    <message>
      <source>备份文件 %1 不完整（文件过短：拷贝没有完成？）</source>
      <translation>The backup %1 is incomplete (the file is too short: was the copy not finished?)</translation>
    </message>
    <message>
      <source>备份文件 %1 已损坏</source>
      <translation>The backup %1 is damaged</translation>
    </message>
    <message>
      <source>备份文件 %1 已损坏或不完整</source>
      <translation>The backup %1 is damaged or incomplete</translation>
    </message>
    <message>
      <source>备份文件 %1 已损坏（校验值不符）</source>
      <translation>The backup %1 is damaged (its checksum does not match)</translation>
    </message>
    <message>
      <source>备份文件 %1 已损坏，或不是台账备份</source>
      <translation>The backup %1 is damaged, or is not a backup of a ledger</translation>
    </message>
    <message>
      <source>备份文件校验失败：%1</source>
      <translation>The backup failed its check: %1</translation>
    </message>
    <message>
      <source>备份文件格式比本程序新，请先升级本程序（劳动力台账）</source>
      <translation>The backup was made by a newer version of this program: please upgrade this program (Labour Ledger) first</translation>
    </message>
    <message>
      <source>找不到台账文件“%1”：存放它的 U 盘被拔出了，或文件被移走、删除了。这次的修改没有保存。请插好 U 盘（或把台账放回原处）后再保存一次</source>
      <translation>Cannot find the ledger file “%1”: the USB stick holding it was pulled out, or the file was moved or deleted. This change was not saved. Plug the USB stick back in (or put the ledger back where it was), then save again</translation>
    </message>
    <message>
      <source>找不到台账的钥匙文件 %1（它应在台账文件旁边）</source>
      <translation>Cannot find the ledger's key file %1 (it should be beside the ledger file)</translation>
    </message>
    <message>
      <source>找不到备份文件 %1</source>
      <translation>Cannot find the backup %1</translation>
    </message>
    <message>
      <source>找不到批次 %1</source>
      <translation>Cannot find the batch %1</translation>
    </message>
    <message>
      <source>找不到批次编号为 %1 的批次</source>
      <translation>No batch has the batch number %1</translation>
    </message>
    <message>
      <source>找不到申请编号为 %1 的申领</source>
      <translation>No claim has the application number %1</translation>
    </message>
    <message>
      <source>找不到申领记录 %1</source>
      <translation>Cannot find the claim %1</translation>
    </message>
    <message>
      <source>找不到记录 %1</source>
      <translation>Cannot find the record %1</translation>
    </message>
    <message>
      <source>文件 %1 不是台账备份</source>
      <translation>The file %1 is not a backup of a ledger</translation>
    </message>
    <message>
      <source>新台账文件不完整，未替换</source>
      <translation>The new ledger file is incomplete: the ledger was not replaced</translation>
    </message>
    <message>
      <source>有 %1 条批次的编号都是 %2（不同电脑编的），请按纸上的姓名、身份证号核对</source>
      <translation>%1 batches have the number %2 (numbered on different computers): please tell them apart by the names and ID numbers on the paper</translation>
    </message>
    <message>
      <source>有 %1 条申领的编号以 %2 开头，请多写几位或写完整编号</source>
      <translation>%1 claims have numbers beginning with %2: please type more of it, or the whole number</translation>
    </message>
    <message>
      <source>有 %1 条申领的编号都是 %2（不同电脑编的），请按纸上的姓名、身份证号核对</source>
      <translation>%1 claims have the number %2 (numbered on different computers): please tell them apart by the name and ID number on the paper</translation>
    </message>
    <message>
      <source>有多个批次的编号以 %1 开头，请多写几位或写完整编号</source>
      <translation>Several batches have numbers beginning with %1: please type more of it, or the whole number</translation>
    </message>
    <message>
      <source>用户 %1 已停用，请找本台账的管理员</source>
      <translation>The user %1 is disabled: please ask this ledger's administrator</translation>
    </message>
    <message>
      <source>用户名或口令不对</source>
      <translation>Wrong user name or password</translation>
    </message>
    <message>
      <source>用户名或口令不对（已连续输错 %1 次）</source>
      <translation>Wrong user name or password (%1 wrong tries in a row)</translation>
    </message>
    <message>
      <source>请在台账页双击这个人打开，改正这一项后保存</source>
      <translation>Double-click this person on the Ledger page to open them, correct this, then save</translation>
    </message>
    <message>
      <source>这个台账已加密，请给出用户名和口令</source>
      <translation>This ledger is encrypted: please give a user name and password</translation>
    </message>
    <message>
      <source>这是本机程序没有的选项，多半是本机的程序比中心旧，请升级本机的程序</source>
      <translation>This is a choice this computer's program does not have: most likely this computer's program is older than the hub's; please upgrade it</translation>
    </message>
    <message>
      <source>钥匙文件中有旧格式的口令，不能更换台账钥匙</source>
      <translation>The key file holds a password in the old format, so the ledger's key cannot be changed</translation>
    </message>
    <message>
      <source>钥匙文件中的口令格式不认识</source>
      <translation>The key file holds a password in a format this program does not know</translation>
    </message>
    <message>
      <source>钥匙文件已损坏</source>
      <translation>The key file is damaged</translation>
    </message>
    <message>
      <source>钥匙文件已损坏（%1）</source>
      <translation>The key file is damaged (%1)</translation>
    </message>
    <message>
      <source>钥匙文件已损坏（口令格不完整）</source>
      <translation>The key file is damaged (a password entry is incomplete)</translation>
    </message>
    <message>
      <source>钥匙文件格式比本程序新，请先升级本程序（劳动力台账）</source>
      <translation>The key file was made by a newer version of this program: please upgrade this program (Labour Ledger) first</translation>
    </message>
    <message>
      <source>%1 不是劳动力台账的设备登记文件</source>
      <translation>%1 is not a Labour Ledger enrolment file</translation>
    </message>
    <message>
      <source>%1 不是劳动力台账的设备登记文件（内容损坏或选错了文件）</source>
      <translation>%1 is not a Labour Ledger enrolment file (it is damaged, or the wrong file was chosen)</translation>
    </message>
    <message>
      <source>%1 不是完整的设备登记文件（内容损坏），请到县里重新登记</source>
      <translation>%1 is not a whole enrolment file (its content is damaged): please have the county enrol this device again</translation>
    </message>
    <message>
      <source>%1 只能是 是/否</source>
      <translation>%1 can only be yes or no (是/否)</translation>
    </message>
    <message>
      <source>%1 是文件夹，请选择县里发的登记文件本身</source>
      <translation>%1 is a folder: please choose the enrolment file the county gave you</translation>
    </message>
    <message>
      <source>%1 需要数字，收到“%2”</source>
      <translation>%1 needs a number, not “%2”</translation>
    </message>
    <message>
      <source>%1的冲突中没有要保留的那个值（可能已被同步带来的值取代），没有处理；请重新列出冲突再决定</source>
      <translation>The value to keep is no longer in the conflict over %1 (a value a sync brought may have replaced it). Nothing was done: list the conflicts again, then decide</translation>
    </message>
    <message>
      <source>%1的冲突在列出之后又变了，请再看一遍</source>
      <translation>The conflict over %1 changed after it was listed: please look at it again</translation>
    </message>
    <message>
      <source>中心指纹不符：登记文件为 %1，应为 %2</source>
      <translation>The hub's fingerprint does not match: the enrolment file has %1, it should be %2</translation>
    </message>
    <message>
      <source>中心暂时无法访问（HTTP %1）：地址没有错，县里的汇总中心服务可能没有运行或正忙。请稍后再试，或改用U盘交换数据包</source>
      <translation>The hub cannot be reached for now (HTTP %1): the address is right, but the county's hub service may not be running, or is busy. Please try again later, or exchange bundles by USB stick instead</translation>
    </message>
    <message>
      <source>中心的回复无法识别</source>
      <translation>The hub's answer cannot be read</translation>
    </message>
    <message>
      <source>中心的地址应为 %1（HTTP %2），请把中心地址改成它</source>
      <translation>The hub's address should be %1 (HTTP %2): please change the hub's address to it</translation>
    </message>
    <message>
      <source>冲突 %1（%2）在列出之后又变了，或核对码抄错了（给的是 %3；现在有 %4 个值，核对码 %5），没有处理；请重新列出冲突，看过各个值再决定</source>
      <translation>The conflict %1 (%2) changed after it was listed, or the check code was copied wrong (%3 was given; it now has %4 values, check code %5). Nothing was done: list the conflicts again and decide after looking at each value</translation>
    </message>
    <message>
      <source>冲突的编号至少要写 %1 位，收到的“%2”只有 %3 位（用 fieldapp conflicts 查看编号）</source>
      <translation>A conflict's number needs at least %1 characters; “%2” has only %3 (fieldapp conflicts lists the numbers)</translation>
    </message>
    <message>
      <source>县里没有报告过编号为 %1 的未接受修改</source>
      <translation>The county has reported no refused change numbered %1</translation>
    </message>
    <message>
      <source>地址不完整：%1</source>
      <translation>The address is incomplete: %1</translation>
    </message>
    <message>
      <source>地址应以 http:// 或 https:// 开头：%1</source>
      <translation>The address must begin with http:// or https://: %1</translation>
    </message>
    <message>
      <source>已取消上传；台账没有改动，下次同步时会重新上传</source>
      <translation>Upload cancelled; the ledger is unchanged, and the changes will be uploaded at the next sync</translation>
    </message>
    <message>
      <source>找不到冲突 %1：它可能已经解决（在本机，或在别的设备上、同步带来了结果），也可能编号有误；台账没有改动</source>
      <translation>Cannot find the conflict %1: it may have been resolved (on this device, or on another and brought by a sync), or the number is wrong. The ledger is unchanged</translation>
    </message>
    <message>
      <source>找不到登记文件 %1</source>
      <translation>Cannot find the enrolment file %1</translation>
    </message>
    <message>
      <source>本台账尚未登记到县级汇总中心，请先用县里发的登记文件登记本机</source>
      <translation>This ledger is not enrolled with the county hub yet: please enrol this device with the enrolment file the county gave you first</translation>
    </message>
    <message>
      <source>本台账已登记为设备 %1（区域 %2），这个登记文件是给设备 %3（区域 %4）的：请核对是不是拿错了登记文件；确需把本台账改为 %3 请加 --force</source>
      <translation>This ledger is enrolled as the device %1 (area %2), and this enrolment file is for the device %3 (area %4): please check it is not the wrong file; to make this ledger %3 anyway, add --force</translation>
    </message>
    <message>
      <source>本台账已登记到另一个中心（%1）；确需改换请加 --force</source>
      <translation>This ledger is enrolled with another hub (%1); to change it anyway, add --force</translation>
    </message>
    <message>
      <source>本台账没有登记中心的公钥，请重新登记</source>
      <translation>This ledger holds no hub's public key: please enrol it again</translation>
    </message>
    <message>
      <source>登记文件 %1 已加密：请输入县里登记设备时告诉你的 %2 位登记码</source>
      <translation>The enrolment file %1 is encrypted: please type the %2-digit enrolment code the county gave you when it enrolled this device</translation>
    </message>
    <message>
      <source>登记文件 %1 无法读取：%2</source>
      <translation>The enrolment file %1 cannot be read: %2</translation>
    </message>
    <message>
      <source>登记文件中的%1；没有登记，请到县里重新登记</source>
      <translation>%1 (in the enrolment file). Nothing was enrolled: please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件中的中心指纹与密钥不符</source>
      <translation>The hub's fingerprint in the enrolment file does not match its keys</translation>
    </message>
    <message>
      <source>登记文件中的区域代码「%1」不对：应为 6、9、12 或 15 位数字；没有登记，请到县里重新登记</source>
      <translation>The area code “%1” in the enrolment file is wrong: it must have 6, 9, 12 or 15 digits. Nothing was enrolled: please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件中的区域代码不是文字，不能登记；请到县里重新登记</source>
      <translation>The area code in the enrolment file is not text, so it cannot be used: please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件中的设备名称%1；没有登记，请到县里重新登记</source>
      <translation>The device name in the enrolment file %1. Nothing was enrolled: please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件内容不完整：%1</source>
      <translation>The enrolment file is incomplete: %1</translation>
    </message>
    <message>
      <source>登记文件内容不完整：没有设备信息，请到县里重新登记</source>
      <translation>The enrolment file is incomplete: it has no device. Please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件格式比本程序新，请先升级 fieldapp</source>
      <translation>The enrolment file was made by a newer version of this program: please upgrade this program first</translation>
    </message>
    <message>
      <source>登记文件没有写设备名称（县里签发的内容不完整），不能登记；请到县里重新登记</source>
      <translation>The enrolment file names no device (what the county issued is incomplete), so it cannot be used: please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件的签名不符，可能被改动，请到县里重新登记</source>
      <translation>The enrolment file's signature does not match: it may have been altered. Please have the county enrol this device again</translation>
    </message>
    <message>
      <source>登记文件的角色不对：设备不能登记为县级汇总中心</source>
      <translation>The enrolment file's role is wrong: a device cannot be enrolled as the county hub</translation>
    </message>
    <message>
      <source>登记码不对：请核对县里告诉你的 16 位数字（这个登记码只对应这一个登记文件）</source>
      <translation>Wrong enrolment code: please check the 16 digits the county gave you (the code belongs to this one enrolment file only)</translation>
    </message>
    <message>
      <source>登记码应为 %1 位数字（县里登记设备时告诉你的那串），请核对后重输</source>
      <translation>The enrolment code has %1 digits (the ones the county gave you when it enrolled this device): please check it and type it again</translation>
    </message>
    <message>
      <source>编号 %1 不止对应一处冲突，请多写几位（用 fieldapp conflicts 查看编号）</source>
      <translation>The number %1 names more than one conflict: please type more of it (fieldapp conflicts lists the numbers)</translation>
    </message>
    <message>
      <source>请用 --keep 指定保留哪个值，或用 --value 给出新值（二选一）</source>
      <translation>Say which value to keep with --keep, or give a new value with --value (one or the other)</translation>
    </message>
    <message>
      <source>这不是县级汇总中心的台账</source>
      <translation>This is not the county hub's ledger</translation>
    </message>
    <message>
      <source>这个地址上没有劳动力台账的汇总中心：%1（对方回答的不是中心的内容）。请向县里核对中心地址，特别是冒号后的端口号（如 :8765）；也可改用U盘交换数据包</source>
      <translation>There is no Labour Ledger hub at this address: %1 (what it answered is not a hub's). Please check the hub's address with the county, especially the port number after the colon (such as :8765); or exchange bundles by USB stick instead</translation>
    </message>
    <message>
      <source>这个地址上没有汇总中心：%1（对方回答 HTTP %2）。请向县里核对中心地址，特别是冒号后的端口号（如 :8765）；也可改用U盘交换数据包</source>
      <translation>There is no hub at this address: %1 (it answered HTTP %2). Please check the hub's address with the county, especially the port number after the colon (such as :8765); or exchange bundles by USB stick instead</translation>
    </message>
    <message>
      <source>这个数据包已经导入过，无需重复导入，台账没有改动</source>
      <translation>This bundle was imported already: there is no need to import it again. The ledger is unchanged</translation>
    </message>
    <message>
      <source>这个登记文件来自培训用的汇总中心，只能用于演示台账。正式台账请用县里正式汇总中心发的登记文件。</source>
      <translation>This enrolment file comes from a training hub and is for demo ledgers only. Enrol a real ledger with a file from the county's real hub.</translation>
    </message>
    <message>
      <source>这是县级汇总中心的台账，不能登记为设备</source>
      <translation>This is the county hub's ledger: it cannot be enrolled as a device</translation>
    </message>
    <message>
      <source>这是演示台账（人员都是虚构的），不能登记到县里正式的汇总中心。正式工作请新建一个台账，再用这个登记文件登记。</source>
      <translation>This is a demo ledger (its people are made up): it cannot be enrolled with the county's real hub. For real work, make a new ledger and enrol it with this file.</translation>
    </message>
    <message>
      <source>TOML 语法错误（%1）</source>
      <translation>TOML syntax error (%1)</translation>
    </message>
    <message>
      <source>pack.requires：应为程序的版本号，加引号（如 requires = "0.3.0"）</source>
      <translation>pack.requires: must be a version of the program, in quotes (such as requires = "0.3.0")</translation>
    </message>
    <message>
      <source>“{”缺少“}”</source>
      <translation>a “{” lacks its “}”</translation>
    </message>
    <message>
      <source>一行只能写一项（这一项后面还有别的内容）</source>
      <translation>one item a line (something else follows this one)</translation>
    </message>
    <message>
      <source>不是 UTF-8 编码的文本文件（请用记事本打开，“另存为”时编码选 UTF-8）</source>
      <translation>not a text file in UTF-8 (open it in Notepad and choose UTF-8 as the encoding under “Save as”)</translation>
    </message>
    <message>
      <source>不认识的申领状态“%1”（可用：%2）</source>
      <translation>Unknown claim state “%1” (the states are: %2)</translation>
    </message>
    <message>
      <source>值不合法（文字要加引号）</source>
      <translation>the value is not valid (text needs quotes)</translation>
    </message>
    <message>
      <source>列表缺少“]”</source>
      <translation>a list lacks its “]”</translation>
    </message>
    <message>
      <source>包头写的是 %1，与发布记录不符</source>
      <translation>its header says %1, which is not what was published</translation>
    </message>
    <message>
      <source>同一个表写了两次</source>
      <translation>the same table is written twice</translation>
    </message>
    <message>
      <source>同一个键写了两次</source>
      <translation>the same key is written twice</translation>
    </message>
    <message>
      <source>含有不允许的字符</source>
      <translation>it holds a character not allowed</translation>
    </message>
    <message>
      <source>引号没有闭合</source>
      <translation>a quotation is not closed</translation>
    </message>
    <message>
      <source>政策包中没有编号为 %1 的规则</source>
      <translation>The policy pack has no rule numbered %1</translation>
    </message>
    <message>
      <source>政策包没有 [pack] 段</source>
      <translation>the policy pack has no [pack] table</translation>
    </message>
    <message>
      <source>文件不存在</source>
      <translation>the file does not exist</translation>
    </message>
    <message>
      <source>文字里的“\”要写成“\\”</source>
      <translation>a “\” in text must be written “\\”</translation>
    </message>
    <message>
      <source>日期 %1 写法不对（应写 %2，月、日写两位）</source>
      <translation>the date %1 is written wrongly (write %2: the month and the day in two digits)</translation>
    </message>
    <message>
      <source>日期不存在或写法不对（如 2027-02-05，月、日写两位）</source>
      <translation>the date does not exist or is written wrongly (such as 2027-02-05: the month and the day in two digits)</translation>
    </message>
    <message>
      <source>表名缺少“]]”</source>
      <translation>the table's name lacks its “]]”</translation>
    </message>
    <message>
      <source>表名缺少“]”</source>
      <translation>the table's name lacks its “]”</translation>
    </message>
    <message>
      <source>这一行看不懂</source>
      <translation>this line cannot be read</translation>
    </message>
    <message>
      <source>键名开头的字符不允许（键名用英文字母、数字、下划线）</source>
      <translation>a key's name begins with a character not allowed (keys use letters, digits and underscores)</translation>
    </message>
    <message>
      <source>键后面缺少“=”</source>
      <translation>a “=” is missing after the key</translation>
    </message>
    <message>
      <source>%1 位</source>
      <translation>%1</translation>
    </message>
    <message>
      <source>%1 或 %2</source>
      <translation>%1 or %2</translation>
    </message>
    <message>
      <source>中有不能显示的字符（换行、制表符等）</source>
      <translation>holds characters that cannot be shown (line breaks, tabs and the like)</translation>
    </message>
    <message>
      <source>区域代码「%1」不对：%2 不是贵州省现行的县（市、区）代码</source>
      <translation>The area code “%1” is wrong: %2 is not the code of a current county (city, district) of Guizhou</translation>
    </message>
    <message>
      <source>区域代码「%1」不对：%2没有代码为 %3 的乡镇（街道）</source>
      <translation>The area code “%1” is wrong: %2 has no township (subdistrict) with the code %3</translation>
    </message>
    <message>
      <source>区域代码「%1」不对：%2设备的区域代码应为 %3数字</source>
      <translation>The area code “%1” is wrong: the area code of a %2 device has %3 digits</translation>
    </message>
    <message>
      <source>最多 %1 个字，「%2…」有 %3 个</source>
      <translation>is at most %1 characters long; “%2…” has %3</translation>
    </message>
    <message>
      <source>设备角色只能是：%1（县级汇总中心是中心自己）</source>
      <translation>A device's role can only be: %1 (the county hub is the hub itself)</translation>
    </message>
    <message>
      <source>区划代码“%1”前后不应有空白</source>
      <translation>Division code “%1” should have no spaces before or after it</translation>
    </message>
    <message>
      <source>区划代码 %1 不是%2已知的乡镇（街道），请选该县现有的乡镇或村组。</source>
      <translation>The division code %1 is no known township (subdistrict) of %2: please choose one of the county's townships, villages or groups.</translation>
    </message>
    <message>
      <source>区划代码 %1 不是已知的县级代码</source>
      <translation>The division code %1 is no known county's code</translation>
    </message>
    <message>
      <source>区划代码 %1 是%2已撤销的旧代码，演示数据只能建在现行的县里；%3。</source>
      <translation>The division code %1 is the retired code of %2: demo data can only be made in a current county; %3.</translation>
    </message>
    <message>
      <source>区划代码 %1 是%2，不在贵州省；演示数据只能建在贵州现行的县里。</source>
      <translation>The division code %1 is %2, outside Guizhou: demo data can only be made in a current county of Guizhou.</translation>
    </message>
    <message>
      <source>区划表里没有%1的乡镇（街道），演示数据要建在乡镇下的村里；请选另一个县，或先在台账里建好这个县的乡镇。</source>
      <translation>The division table has no township (subdistrict) of %1, and demo data goes in the villages under a township: please choose another county, or first make this county's townships in the ledger.</translation>
    </message>
    <message>
      <source>请改用它现在的代码 %1</source>
      <translation>please use its code now, %1, instead</translation>
    </message>
    <message>
      <source>请选一个现行的县</source>
      <translation>please choose a current county</translation>
    </message>
    <message>
      <source>这台电脑登记负责%1，演示数据只能加在%1以内；%2不在其中，请选%1或其下的村组。</source>
      <translation>This computer is enrolled for %1, and demo data can only be added within %1; %2 is not in it: please choose %1 or a village or group under it.</translation>
    </message>
    <message>
      <source>%1要迁入的户在%2负责的范围内：直接迁户即可，不用提出迁入</source>
      <translation>The household %1 is to move into lies in the area of %2: move them there directly; no move-in offer is needed</translation>
    </message>
    <message>
      <source>提出把%1迁入的户在台账上没有（没有这一户、已删除，或不在台账上的村）：没有哪个村能接收，迁入没有提出（%2）</source>
      <translation>The household %1 was offered to is not in the ledger (no such household, deleted, or not in a village the ledger lists): no village could take %1 in, so no move-in was offered (%2)</translation>
    </message>
    <message>
      <source>%1已「%2」，乡镇审核、公示的是原来的社保卡（银行）账号，这时改账号，县里审批时就记下新账号，钱发到没有审核、公示过的账号：已交县里核对，县里核实后接受</source>
      <translation>%1 is “%2”: the township reviewed and posted the social security card (bank) account it had then. Changed now, the county would keep the new account when approving and pay to an account no review or notice has shown. Sent to the county to check; it is accepted once the county has verified it</translation>
    </message>
    <message>
      <source>批次“%1”里%2已「%3」，是乡镇（县里）审核过、按它公示和发放的花名册：村里不能把申领编进这个批次（%4），否则花名册上多出没有经过乡镇审核的申领。请编进本村自己的批次</source>
      <translation>In batch “%1”, %2 is “%3”: it is the roster the township (county) reviewed, posts and pays from, so the village cannot put a claim into it (%4), or the roster would list a claim the township never reviewed. Put it into a batch of the village's own</translation>
    </message>
    <message>
      <source>批次“%1”里%2已「%3」：乡镇按这个批次公示、报送花名册，村里不能再修改或删除这个批次（%4），否则乡镇审核过的花名册会变；如有错误请乡镇处理</source>
      <translation>In batch “%1”, %2 is “%3”: the township posts and sends on this batch's roster, so the village can no longer change or delete the batch (%4), or the roster the township reviewed would change. If something is wrong, ask the township to put it right</translation>
    </message>
    <message>
      <source>%1迁到别的村（安置点）后，记在原村的草稿申领不能再提交，已一并删除：%2；需要的请在迁入地重新申领</source>
      <translation>Once %1 lives in another village (relocation site), the drafts recorded in the village they left can no longer be submitted, and were deleted with the move: %2; claim again where they now live if needed</translation>
    </message>
    <message>
      <source>不予采纳必须写明原因，设备上会看到</source>
      <translation>A dismissal must give its reason; the device will see it</translation>
    </message>
    <message>
      <source>原因中有不能显示的字符（如换行），请写成一行</source>
      <translation>The reason has characters that cannot be shown (such as a line break): please write it on one line</translation>
    </message>
    <message>
      <source>原因应为文字</source>
      <translation>The reason should be text</translation>
    </message>
    <message>
      <source>原因最多 %1 字</source>
      <translation>The reason may have at most %1 characters</translation>
    </message>
    <message>
      <source>只有县级设备可以审核未接受的修改</source>
      <translation>Only a county device can review the changes not accepted</translation>
    </message>
    <message>
      <source>只有县级设备可以查看各设备同步情况</source>
      <translation>Only a county device can see how each device syncs</translation>
    </message>
    <message>
      <source>只有县级设备可以查看和审核未接受的修改</source>
      <translation>Only a county device can see and review the changes not accepted</translation>
    </message>
    <message>
      <source>审核人的用户名不对：%1</source>
      <translation>The reviewer's user name is wrong: %1</translation>
    </message>
    <message>
      <source>查询的状态不对：应为 held（待审核）、accepted（已接受）或 dismissed（不予采纳）</source>
      <translation>The state asked for is wrong: it should be held (to review), accepted or dismissed</translation>
    </message>
    <message>
      <source>查询请求不应带内容</source>
      <translation>A query should carry no content</translation>
    </message>
    <message>
      <source>要审核的修改编号不对（应为正整数）</source>
      <translation>The number of the change to review is wrong (it should be a positive whole number)</translation>
    </message>
    <message>
      <source>请求内容不是有效的 JSON</source>
      <translation>The request's content is not valid JSON</translation>
    </message>
    <message>
      <source>请求内容应为 JSON 对象</source>
      <translation>The request's content should be a JSON object</translation>
    </message>
    <message>
      <source>这份台账属于设备「%1」，不能由设备「%2」提交：一份台账只能登记为一台设备（是不是把台账文件复制到了另一台电脑？）</source>
      <translation>This ledger belongs to the device “%1” and cannot be sent by the device “%2”: a ledger can be enrolled as one device only (was the ledger file copied to another computer?)</translation>
    </message>
    <message>
      <source>另有 %1 条申领（%2）尚未经县审批，未列入本发放花名册</source>
      <translation>%1 more {%1|claim|claims} (%2) not yet approved by the county {%1|is|are} left off this payment roster</translation>
    </message>
    <message>
      <source>批次“%1”中还没有县审批的申领，发放花名册没有可列的人员（%2）</source>
      <translation>No claim of the batch “%1” has been approved by the county yet: the payment roster has no one to list (%2)</translation>
    </message>
    <message>
      <source>%1迁入本村（安置点）后，原村为其记的草稿申领不能再提交，已一并删除：%2；需要的请在本村（安置点）重新申领</source>
      <translation>Now that %1 lives in this village (relocation site), the drafts the village they came from recorded for them can no longer be submitted, and were deleted on taking them in: %2; claim again here if needed</translation>
    </message>
    <message>
      <source>修改人%1已在设备「%2」上停用，中心扣下停用的用户此后发来的修改，不转发给任何设备（停用前拷走的台账也一样）。如果此人已重新启用，请县里核实后在中心也重新启用此人，再处理这些修改</source>
      <translation>%1 has been disabled on the device “%2”: the hub holds every change a disabled user sends from then on and passes none of them to any device (a copy of the ledger taken before the disabling included). If this person has been enabled again, the county checks it and enables them again at the hub too, then deals with these changes</translation>
    </message>
    <message>
      <source>上传中断</source>
      <translation>The upload broke off</translation>
    </message>
    <message>
      <source>上传内容与签名不符（传输中被改动或截断）</source>
      <translation>The upload does not match its signature (it was changed or cut short on its way)</translation>
    </message>
    <message>
      <source>上传内容为空</source>
      <translation>The upload was empty</translation>
    </message>
    <message>
      <source>上传内容超过声明的长度</source>
      <translation>The upload was longer than it said it was</translation>
    </message>
    <message>
      <source>上传太慢或中断，已停止接收</source>
      <translation>The upload was too slow or broke off; the hub stopped receiving it</translation>
    </message>
    <message>
      <source>上传缺少长度</source>
      <translation>The upload did not give its length</translation>
    </message>
    <message>
      <source>上传长度与签名不符</source>
      <translation>The upload's length does not match its signature</translation>
    </message>
    <message>
      <source>数据包 %1 MB，超过中心允许的 %2 MB，请改用U盘交换</source>
      <translation>The bundle is %1 MB, more than the %2 MB the county hub accepts: please exchange it on a USB stick</translation>
    </message>
    <message>
      <source>请求中断</source>
      <translation>The request broke off</translation>
    </message>
    <message>
      <source>请求内容与签名不符（传输中被改动或截断）</source>
      <translation>The request does not match its signature (it was changed or cut short on its way)</translation>
    </message>
    <message>
      <source>请求内容为空</source>
      <translation>The request was empty</translation>
    </message>
    <message>
      <source>请求内容太大（审核意见最多几千字）</source>
      <translation>The request is too large (a review's note is at most a few thousand characters)</translation>
    </message>
    <message>
      <source>请求内容超过声明的长度</source>
      <translation>The request was longer than it said it was</translation>
    </message>
    <message>
      <source>请求太慢或中断，已停止接收</source>
      <translation>The request was too slow or broke off; the hub stopped receiving it</translation>
    </message>
    <message>
      <source>请求缺少长度</source>
      <translation>The request did not give its length</translation>
    </message>
    <message>
      <source>请求长度与签名不符</source>
      <translation>The request's length does not match its signature</translation>
    </message>
    <message>
      <source>%1。%2</source>
      <translation>%1. %2</translation>
    </message>
    <message>
      <source>从第 %1 号修改起缺失，请在设备上执行 fieldapp sync export --full（中心从备份恢复过时会这样）</source>
      <translation>The changes from number %1 on are missing: run fieldapp sync export --full on the device (this happens when the hub was restored from a backup)</translation>
    </message>
    <message>
      <source>修改 %1 的序号已用于另一条内容不同的修改（台账文件被复制过，或从备份恢复过）。%2</source>
      <translation>The number of the change %1 is already used by another change with other content (the ledger file was copied, or restored from a backup). %2</translation>
    </message>
    <message>
      <source>如果这台电脑的台账是从备份恢复的，请在电脑上执行 fieldapp sync restored（或在「同步」页点「上传并接收」，按提示确认台账是从备份拷回来的），然后重新导出</source>
      <translation>If this computer's ledger was restored from a backup, run fieldapp sync restored on the computer (or click “Upload and receive” on the Sync page and confirm, when asked, that the ledger was copied back from a backup), then export again</translation>
    </message>
    <message>
      <source>清单缺少设备标识</source>
      <translation>The manifest does not name the device's ledger</translation>
    </message>
    <message>
      <source>设备「%1」的台账标识 %2 才到中心，这台电脑在那之前建立的 %3 条申领、批次已经用着这套编号：如果它们的纸已经打印、公示，换编号后旧纸上的编号在中心会查到设备「%1」的申领、批次。请县里核查设备「%1」的台账标识是不是有意挑成这套编号的</source>
      <translation>The ledger identity of the device “%1” reached the hub only on %2, and %3 claims and batches this computer made before then already carry these numbers: if their papers were printed and posted, after renumbering the old papers' numbers will find the device “%1”'s claims and batches at the hub. The county should check whether the device “%1”'s ledger identity was picked to give these numbers</translation>
    </message>
    <message>
      <source>设备「%1」的台账标识与另一台电脑的编出相同的申请编号、批次编号（都以 %2 开头），两台电脑的纸上会印出同一个编号。请在这台电脑上执行 fieldapp sync restored 换一个台账标识（上传时「同步」页会问是否换一套编号），然后重新导出；已做的修改不会丢失</source>
      <translation>The ledger identity of the device “%1” makes the same claim and batch numbers as another computer's (both starting with %2): the two computers' papers would print the same number. Run fieldapp sync restored on this computer to take a new ledger identity (when uploading, the Sync page asks whether to take new numbers), then export again; no change made is lost</translation>
    </message>
    <message>
      <source>设备「%1」的数据包使用了中心已有的其他台账标识</source>
      <translation>The bundle of the device “%1” uses another ledger's identity the hub already holds</translation>
    </message>
    <message>
      <source>设备「%1」的数据包自称来自县级汇总中心自己的台账，不能接受</source>
      <translation>The bundle of the device “%1” says it comes from the county hub's own ledger, and cannot be accepted</translation>
    </message>
    <message>
      <source>这份台账原属设备「%1」（已于 %2 注销），不能由设备「%3」提交。如果这是找回的「%1」的电脑或用它的备份恢复的，请在县里用原名称重新登记（fieldapp hub enroll --device %1 …），不要换用新名称</source>
      <translation>This ledger belonged to the device “%1” (revoked on %2) and cannot be sent by the device “%3”. If this is “%1”'s computer found again, or restored from its backup, enrol it again at the county under its old name (fieldapp hub enroll --device %1 …), not under a new one</translation>
    </message>
    <message>
      <source>这是设备「%1」从备份恢复之前导出的数据包，已经过时（中心已改收它恢复后的数据包）</source>
      <translation>This bundle was exported by the device “%1” before it was restored from a backup, and is out of date (the hub now takes the bundles it sends since)</translation>
    </message>
    <message>
      <source>县级政策包必须用 extends 写明所扩展的基础政策包</source>
      <translation>A county policy pack must name the base pack it extends (extends)</translation>
    </message>
    <message>
      <source>只有县级设备能提交县级政策包（提交设备：%1）</source>
      <translation>Only a county device can submit a county policy pack (submitted by the device %1)</translation>
    </message>
    <message>
      <source>只有县级设备能提交县级政策包（提交设备：未登记）</source>
      <translation>Only a county device can submit a county policy pack (submitted by a device not enrolled)</translation>
    </message>
    <message>
      <source>已签发为 %1（第 %2 号）</source>
      <translation>Published as %1 (No. %2)</translation>
    </message>
    <message>
      <source>备份文件「%1」是旧版程序做的，它的文件头（备份时间、用户）无法核对是否被人改过：请核对恢复后的台账是不是要恢复的那一份，并核对用户名单</source>
      <translation>The backup “%1” was made by an older version of the program: nothing can vouch that its header (the backup's time, its users) was not altered. Check that the restored ledger is the one you meant to restore, and check the list of users</translation>
    </message>
    <message>
      <source>备份文件「%1」的文件头被改过（备份时间、用户或口令与备份时写下的不符），不能用它恢复；请换一份备份，或联系县里</source>
      <translation>The header of the backup “%1” has been altered (its time, users or passwords are not what the backup wrote down): it cannot be restored. Use another backup, or ask the county</translation>
    </message>
    <message>
      <source>设备「%1」的台账是从备份恢复的：换了台账标识，中心从此以恢复后的台账为准；如果这台设备并没有恢复过台账，请马上核查（台账可能被复制到了别的电脑）</source>
      <translation>The ledger of the device “%1” was restored from a backup: it took a new identity, and the hub goes by the restored ledger from now on. If this device's ledger was never restored, look into it at once (the ledger may have been copied to another computer)</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>全部区域</source>
      <translation>All areas</translation>
    </message>
    <message>
      <source>生成月报</source>
      <translation>Make monthly report</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>村/安置点</source>
      <translation>Village/site</translation>
    </message>
    <message>
      <source>人数</source>
      <translation>Persons</translation>
    </message>
    <message>
      <source>户数</source>
      <translation>Households</translation>
    </message>
    <message>
      <source>已就业</source>
      <translation>Employed</translation>
    </message>
    <message>
      <source>跨省</source>
      <translation>Out of province</translation>
    </message>
    <message>
      <source>零就业户</source>
      <translation>Zero-job households</translation>
    </message>
    <message>
      <source>失业人员</source>
      <translation>Unemployed</translation>
    </message>
    <message>
      <source>逾期服务</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>已发放（元）</source>
      <translation>Paid (yuan)</translation>
    </message>
    <message>
      <source>已就业人员按地点</source>
      <translation>Employed by place</translation>
    </message>
    <message>
      <source>已就业人员按形式</source>
      <translation>Employed by form</translation>
    </message>
    <message>
      <source>登记失业人员按等级</source>
      <translation>Registered unemployed by level</translation>
    </message>
    <message>
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>正在生成月报……</source>
      <translation>Making the monthly report…</translation>
    </message>
    <message>
      <source>%1 月报：%2 人，%3 户，已就业 %4 人</source>
      <translation>%1 report: %2 persons, %3 households, %4 employed</translation>
    </message>
    <message>
      <source>导出月报（含个人信息，请妥善保管）</source>
      <translation>Export monthly report (contains personal data: keep it safe)</translation>
    </message>
    <message>
      <source>本年补贴申领金额（元）</source>
      <translation>Subsidy claims this year (yuan)</translation>
    </message>
    <message>
      <source>未登记</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <source>乡镇内</source>
      <translation>In the township</translation>
    </message>
    <message>
      <source>县内</source>
      <translation>In the county</translation>
    </message>
    <message>
      <source>省内跨县</source>
      <translation>Elsewhere in the province</translation>
    </message>
    <message>
      <source>地点未登记</source>
      <translation>Place not recorded</translation>
    </message>
    <message>
      <source>其他（%1种形式）</source>
      <translation>Other (%1 forms)</translation>
    </message>
    <message>
      <source>其他：%1</source>
      <translation>Other: %1</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>%1 %2人</source>
      <translation>%1 %2</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>已删除人员</source>
      <translation>Deleted persons</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>删除时间</source>
      <translation>Deleted at</translation>
    </message>
    <message>
      <source>删除人</source>
      <translation>Deleted by</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>未写明</source>
      <translation>Not given</translation>
    </message>
    <message>
      <source>恢复原因，例如：误删、迁出后又迁回</source>
      <translation>Why, e.g. deleted by mistake, moved back</translation>
    </message>
    <message>
      <source>恢复所选人员</source>
      <translation>Restore the selected person</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>这个区域没有已删除的人员</source>
      <translation>No deleted persons in this area</translation>
    </message>
    <message>
      <source>请先在列表中选择要恢复的人员</source>
      <translation>Select the person to restore first</translation>
    </message>
    <message>
      <source>请写明恢复原因</source>
      <translation>Give the reason for restoring</translation>
    </message>
    <message>
      <source>这次没有恢复，写的原因还在：把日期改对后再恢复一次即可。</source>
      <translation>Nothing was restored; the reason you typed is still there. Set the right date, then restore again.</translation>
    </message>
  </context>
  <context>
    <name>RostersPage</name>
    <message>
      <source>请选择村、安置点或乡镇</source>
      <translation>Choose a village, site or township</translation>
    </message>
    <message>
      <source>生成</source>
      <translation>Make</translation>
    </message>
    <message>
      <source>预览本册(&amp;V)</source>
      <translation>Pre&amp;view this roster</translation>
    </message>
    <message>
      <source>预览全部五册</source>
      <translation>Preview all five rosters</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>正在生成一库五册……</source>
      <translation>Making the five rosters…</translation>
    </message>
    <message>
      <source>请先选择村、安置点或乡镇</source>
      <translation>Choose a village, site or township first</translation>
    </message>
    <message>
      <source>%1 人 %2 条</source>
      <translation>%1 (%2 rows)</translation>
    </message>
    <message>
      <source>%1 人</source>
      <translation>%1</translation>
    </message>
    <message>
      <source>%1 %2：%3 人（截至 %4）</source>
      <translation>%1 %2: %3 person(s) (as of %4)</translation>
    </message>
    <message>
      <source>%1 %2：%3 人 %5 条（截至 %4）</source>
      <translation>%1 %2: %3 person(s), %5 entries (as of %4)</translation>
    </message>
    <message>
      <source>劳动力名册</source>
      <translation>Labour force</translation>
    </message>
    <message>
      <source>培训名册</source>
      <translation>Training</translation>
    </message>
    <message>
      <source>转移就业名册</source>
      <translation>Migrant workers</translation>
    </message>
    <message>
      <source>自主创业名册</source>
      <translation>Self-employed</translation>
    </message>
    <message>
      <source>公益性岗位名册</source>
      <translation>Public-welfare posts</translation>
    </message>
    <message>
      <source>导出一库五册（含个人信息，请妥善保管）</source>
      <translation>Export the five rosters (contains personal data: keep it safe)</translation>
    </message>
  </context>
  <context>
    <name>RowsModel</name>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
  </context>
  <context>
    <name>Search</name>
    <message>
      <source>%1按回车再搜一次。</source>
      <translation>%1 Press Enter to search again.</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>打印用语（县、单位名称，公示、签名）</source>
      <translation>Paper wording (county, offices, notice, signatures)</translation>
    </message>
    <message>
      <source>保存打印用语</source>
      <translation>Save wording</translation>
    </message>
    <message>
      <source>县（市、区）名称</source>
      <translation>County name</translation>
    </message>
    <message>
      <source>县级审批单位</source>
      <translation>County approving office</translation>
    </message>
    <message>
      <source>乡镇审核单位</source>
      <translation>Township reviewing office</translation>
    </message>
    <message>
      <source>村级审核单位</source>
      <translation>Village reviewing office</translation>
    </message>
    <message>
      <source>公示天数</source>
      <translation>Notice period (days)</translation>
    </message>
    <message>
      <source>异议受理单位</source>
      <translation>Office receiving objections</translation>
    </message>
    <message>
      <source>异议受理电话</source>
      <translation>Phone for objections</translation>
    </message>
    <message>
      <source>申请人承诺语</source>
      <translation>Applicant's pledge</translation>
    </message>
    <message>
      <source>制表人</source>
      <translation>Prepared by</translation>
    </message>
    <message>
      <source>审核人</source>
      <translation>Reviewed by</translation>
    </message>
    <message>
      <source>审批人</source>
      <translation>Approved by</translation>
    </message>
    <message>
      <source>本机</source>
      <translation>This device</translation>
    </message>
    <message>
      <source>（全部）</source>
      <translation>(all)</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>设备名称</source>
      <translation>Device name</translation>
    </message>
    <message>
      <source>使用人</source>
      <translation>User</translation>
    </message>
    <message>
      <source>工作区域</source>
      <translation>Work area</translation>
    </message>
    <message>
      <source>政策包</source>
      <translation>Policy pack</translation>
    </message>
    <message>
      <source>载入本地政策包…</source>
      <translation>Load a local policy pack…</translation>
    </message>
    <message>
      <source>现行</source>
      <translation>In force</translation>
    </message>
    <message>
      <source>，%1 条规则启用</source>
      <translation>, %1 rules in force</translation>
    </message>
    <message>
      <source>选择政策包</source>
      <translation>Choose policy pack</translation>
    </message>
    <message>
      <source>政策包 (*.toml)</source>
      <translation>Policy packs (*.toml)</translation>
    </message>
    <message>
      <source>界面语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>数据与备份</source>
      <translation>Data and backups</translation>
    </message>
    <message>
      <source>数据文件夹</source>
      <translation>Data folder</translation>
    </message>
    <message>
      <source>台账文件</source>
      <translation>Ledger file</translation>
    </message>
    <message>
      <source>打开数据文件夹</source>
      <translation>Open data folder</translation>
    </message>
    <message>
      <source>打开其他台账…</source>
      <translation>Open another ledger…</translation>
    </message>
    <message>
      <source>立即备份…</source>
      <translation>Back up now…</translation>
    </message>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from backup…</translation>
    </message>
    <message>
      <source>打开台账</source>
      <translation>Open ledger</translation>
    </message>
    <message>
      <source>台账文件 (*.db)</source>
      <translation>Ledger files (*.db)</translation>
    </message>
    <message>
      <source>备份到</source>
      <translation>Back up to</translation>
    </message>
    <message>
      <source>正在备份……</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>已备份到 </source>
      <translation>Backed up to </translation>
    </message>
    <message>
      <source>选择备份文件</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>备份中有 %1 人。恢复后当前台账会被替换（替换前的文件另存一份）。继续吗？</source>
      <translation>The backup holds %1 persons. Restoring replaces the current ledger (a copy of it is kept). Continue?</translation>
    </message>
    <message>
      <source>县级汇总中心下发</source>
      <translation>Published by the county hub</translation>
    </message>
    <message>
      <source>内置</source>
      <translation>Built in</translation>
    </message>
    <message>
      <source>本机安装</source>
      <translation>Installed on this computer</translation>
    </message>
    <message>
      <source>待县里核定：</source>
      <translation>Still to be set by the county: </translation>
    </message>
    <message>
      <source>本机的政策由县里统一下发，不能自行载入政策包</source>
      <translation>The county sets this computer’s rules; packs cannot be installed here</translation>
    </message>
    <message>
      <source>台账备份 (*.fieldbackup)</source>
      <translation>Ledger backups (*.fieldbackup)</translation>
    </message>
    <message>
      <source>备份时 %1 的口令：</source>
      <translation>%1's password when the backup was made:</translation>
    </message>
    <message>
      <source>县级政策编辑…</source>
      <translation>County policy editor…</translation>
    </message>
    <message>
      <source>用户与口令</source>
      <translation>Users and passwords</translation>
    </message>
    <message>
      <source>修改我的口令…</source>
      <translation>Change my password…</translation>
    </message>
    <message>
      <source>新增用户…</source>
      <translation>Add user…</translation>
    </message>
    <message>
      <source>停用所选用户</source>
      <translation>Disable selected user</translation>
    </message>
    <message>
      <source> 分钟</source>
      <translation> min</translation>
    </message>
    <message>
      <source>不锁定</source>
      <translation>Never</translation>
    </message>
    <message>
      <source>无人操作后锁定</source>
      <translation>Lock when idle for</translation>
    </message>
    <message>
      <source>这个台账还没有加密（没有用户）。重新打开台账时设置第一个用户和口令即可加密。</source>
      <translation>This ledger is not encrypted yet (no users). Open it again and set its first user and password to encrypt it.</translation>
    </message>
    <message>
      <source>可管理用户</source>
      <translation>manages users</translation>
    </message>
    <message>
      <source>已停用</source>
      <translation>disabled</translation>
    </message>
    <message>
      <source>已修改 %1 的口令</source>
      <translation>Changed %1's password</translation>
    </message>
    <message>
      <source>新增用户</source>
      <translation>Add user</translation>
    </message>
    <message>
      <source>用户名：</source>
      <translation>User name:</translation>
    </message>
    <message>
      <source>允许此人管理用户吗？</source>
      <translation>May this person manage users?</translation>
    </message>
    <message>
      <source>已新增用户 %1</source>
      <translation>Added user %1</translation>
    </message>
    <message>
      <source>停用用户</source>
      <translation>Disable user</translation>
    </message>
    <message>
      <source>停用后 %1 的口令打不开本台账。继续吗？</source>
      <translation>Once disabled, %1's password no longer opens this ledger. Go on?</translation>
    </message>
    <message>
      <source>已停用用户 %1</source>
      <translation>Disabled user %1</translation>
    </message>
    <message>
      <source>请等正在进行的工作完成后再停用用户</source>
      <translation>Wait for the running work to finish before disabling a user</translation>
    </message>
    <message>
      <source>重设所选用户的口令…</source>
      <translation>Set selected user's password…</translation>
    </message>
    <message>
      <source>请先在列表里选一位用户</source>
      <translation>Choose a user in the list first</translation>
    </message>
    <message>
      <source>已保存到本台账，打印时使用</source>
      <translation>Saved in this ledger; used when printing</translation>
    </message>
    <message>
      <source>确认身份</source>
      <translation>Confirm it is you</translation>
    </message>
    <message>
      <source>请输入 %1 现在的口令：</source>
      <translation>Current password of %1:</translation>
    </message>
    <message>
      <source>口令不对，没有修改</source>
      <translation>Wrong password; nothing changed</translation>
    </message>
    <message>
      <source>重新启用所选用户…</source>
      <translation>Re-enable selected user…</translation>
    </message>
    <message>
      <source>新增、停用、重新启用用户和重设别人的口令须由能管理用户的人操作。</source>
      <translation>Only a user who manages users can add, disable or re-enable users or set another user's password.</translation>
    </message>
    <message>
      <source>已重新启用用户 %1，请把新口令告诉本人</source>
      <translation>Re-enabled user %1: tell them their new password</translation>
    </message>
    <message>
      <source>规则版本 %1</source>
      <translation>rules version %1</translation>
    </message>
    <message>
      <source>政策包已启用</source>
      <translation>Policy pack installed</translation>
    </message>
    <message>
      <source>台账备份，或此前版本的备份 (*.fieldbackup *.db)</source>
      <translation>Ledger backups, or backups of the earlier version (*.fieldbackup *.db)</translation>
    </message>
    <message>
      <source>已保存本机设置</source>
      <translation>This computer's settings are saved</translation>
    </message>
    <message>
      <source>已取消检查备份，台账没有改动</source>
      <translation>Checking the backup was cancelled; the ledger is unchanged</translation>
    </message>
    <message>
      <source>正在读取并检查备份……</source>
      <translation>Reading and checking the backup…</translation>
    </message>
    <message>
      <source>复制设备标识</source>
      <translation>Copy device ID</translation>
    </message>
    <message>
      <source>县里登记为</source>
      <translation>Enrolled with the county as</translation>
    </message>
    <message>
      <source>还没有登记到县里（在“同步”页用县里发的登记文件登记）</source>
      <translation>Not enrolled with the county yet (enrol on the Sync page with the county's enrolment file)</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>本机台账的设备标识：%1（县里查找数据包时可能会问）</source>
      <translation>This ledger's device ID: %1 (the county may ask for it when tracing a bundle)</translation>
    </message>
    <message>
      <source>设备标识已复制，可以粘贴发给县里</source>
      <translation>Device ID copied; you can paste it to the county</translation>
    </message>
    <message>
      <source>%1（%2，%3，%4）</source>
      <translation>%1 (%2, %3, %4)</translation>
    </message>
    <message>
      <source>%1（%2，%3）</source>
      <translation>%1 (%2, %3)</translation>
    </message>
    <message>
      <source>公示期按工作日计</source>
      <translation>Notice period in working days</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>这份备份是此前版本做的，没有自己的口令。恢复后，%1 是它的第一位用户，用这里设置的口令登录。</source>
      <translation>This backup was made by an earlier version and has no password of its own. Once it is restored, %1 is its first user and signs in with the password set here.</translation>
    </message>
  </context>
  <context>
    <name>SpellDialog</name>
    <message>
      <source>就业经历</source>
      <translation>Employment</translation>
    </message>
    <message>
      <source>已结束于</source>
      <translation>Ended on</translation>
    </message>
    <message>
      <source>务工地区划代码，如 330106</source>
      <translation>Workplace region code, e.g. 330106</translation>
    </message>
    <message>
      <source>（未登记）</source>
      <translation>(not recorded)</translation>
    </message>
    <message>
      <source> 元/月</source>
      <translation> yuan/month</translation>
    </message>
    <message>
      <source> 个月</source>
      <translation> months</translation>
    </message>
    <message>
      <source>有组织劳务输出</source>
      <translation>Organised labour export</translation>
    </message>
    <message>
      <source>首次通过有组织劳务输出就业</source>
      <translation>First job through organised labour export</translation>
    </message>
    <message>
      <source>临时工（临工）</source>
      <translation>Casual work</translation>
    </message>
    <message>
      <source>开始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>结束日期</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>务工地代码</source>
      <translation>Workplace code</translation>
    </message>
    <message>
      <source>务工地名称</source>
      <translation>Workplace name</translation>
    </message>
    <message>
      <source>就业形式</source>
      <translation>Employment form</translation>
    </message>
    <message>
      <source>用人单位</source>
      <translation>Employer</translation>
    </message>
    <message>
      <source>用人单位类型</source>
      <translation>Kind of employer</translation>
    </message>
    <message>
      <source>月收入</source>
      <translation>Monthly income</translation>
    </message>
    <message>
      <source>劳动合同期限</source>
      <translation>Contract term</translation>
    </message>
    <message>
      <source>已缴社保月数</source>
      <translation>Months of social insurance</translation>
    </message>
    <message>
      <source>输出机构</source>
      <translation>Export agency</translation>
    </message>
    <message>
      <source>结束日期早于开始日期</source>
      <translation>The end date is before the start date</translation>
    </message>
    <message>
      <source>务工地区划代码“%1”应为 6、9 或 12 位数字</source>
      <translation>Workplace code “%1” should be 6, 9 or 12 digits</translation>
    </message>
    <message>
      <source>“%1”（%2 起）</source>
      <translation>“%1” (since %2)</translation>
    </message>
    <message>
      <source>未写单位</source>
      <translation>employer not recorded</translation>
    </message>
    <message>
      <source>原来的工作结束了吗？</source>
      <translation>Has the earlier job ended?</translation>
    </message>
    <message>
      <source>%3原来的工作还没有结束：%1。
换了工作的话，请结束原来的工作，结束日期记为新工作开始的前一天（%2）；同时做两份工作的，两份都保留。</source>
      <translation>%3's earlier job has not ended: %1.
For a change of job, end the earlier one on the day before the new one starts (%2); for two jobs held at once, keep both.</translation>
    </message>
    <message>
      <source>结束原来的工作</source>
      <translation>End the earlier job</translation>
    </message>
    <message>
      <source>两份工作都保留</source>
      <translation>Keep both jobs</translation>
    </message>
    <message>
      <source>返回修改</source>
      <translation>Go back and correct</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>StatusWords</name>
    <message>
      <source>就业状态用词表中有一个用词是空的（读作“%1”的那一项）</source>
      <translation>One of the status words is empty (the row read as “%1”)</translation>
    </message>
    <message>
      <source>就业状态用词“%1”读作“%2”不行：就业状态只有%3</source>
      <translation>Status word “%1” cannot be read as “%2”: the employment statuses are %3</translation>
    </message>
    <message>
      <source>就业状态用词“%1”本身就是一种就业状态，不能读作“%2”</source>
      <translation>Status word “%1” is itself an employment status; it cannot be read as “%2”</translation>
    </message>
    <message>
      <source>就业状态用词“%1”本程序已读作“%2”，不能再说成“%3”（导入时仍会按本程序的读法）</source>
      <translation>Status word “%1” already reads as “%2” in this program; it cannot be made to mean “%3” (imports would still read it the program’s way)</translation>
    </message>
    <message>
      <source>就业状态用词“%1”写了两次</source>
      <translation>Status word “%1” is written twice</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>就业状态用词“%1”和“%2”只差前后的空格，是同一个词写了两次</source>
      <translation>Status words “%1” and “%2” differ only by spaces before or after: the same word written twice</translation>
    </message>
    <message>
      <source>现行政策包中就业状态用词%1只差前后的空格，读时算同一个词“%2”，按后写的读作“%3”：新版只写一次“%2”读作“%3”，%4不再写入</source>
      <translation>In the pack in force, the status words %1 differ only by spaces before or after and are read as one word “%2”, as the later one says: “%3”. The new edition writes “%2” once, read as “%3”; no longer written: %4</translation>
    </message>
    <message>
      <source>“%1”（读作“%2”）</source>
      <translation>“%1” (read as “%2”)</translation>
    </message>
    <message>
      <source>“%1”</source>
      <translation>“%1”</translation>
    </message>
  </context>
  <context>
    <name>SubsidiesPage</name>
    <message>
      <source>全部区域</source>
      <translation>All areas</translation>
    </message>
    <message>
      <source>符合条件人员</source>
      <translation>Eligible people</translation>
    </message>
    <message>
      <source>申领</source>
      <translation>Claims</translation>
    </message>
    <message>
      <source>批次与打印</source>
      <translation>Batches and papers</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>补贴</source>
      <translation>Subsidies</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>全部补贴</source>
      <translation>All subsidies</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>金额（元）</source>
      <translation>Amount (yuan)</translation>
    </message>
    <message>
      <source>资金来源</source>
      <translation>Funding source</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>查找符合条件人员</source>
      <translation>Find eligible people</translation>
    </message>
    <message>
      <source>为所选人员创建申领(&amp;C)</source>
      <translation>&amp;Create claim for selected</translation>
    </message>
    <message>
      <source>正在评估补贴资格……</source>
      <translation>Checking eligibility…</translation>
    </message>
    <message>
      <source>符合条件 %1 人次，共 %2 条结果</source>
      <translation>%1 eligible, %2 results in all</translation>
    </message>
    <message>
      <source>结果：</source>
      <translation>Result: </translation>
    </message>
    <message>
      <source>金额：</source>
      <translation>Amount: </translation>
    </message>
    <message>
      <source>请先在列表中选择一个人员</source>
      <translation>Select a person in the list first</translation>
    </message>
    <message>
      <source>已创建申领：</source>
      <translation>Claim created: </translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>缺少材料</source>
      <translation>Missing evidence</translation>
    </message>
    <message>
      <source>批次</source>
      <translation>Batch</translation>
    </message>
    <message>
      <source>变更状态</source>
      <translation>Change state</translation>
    </message>
    <message>
      <source>预览申请表</source>
      <translation>Preview form</translation>
    </message>
    <message>
      <source>变为</source>
      <translation>Move to</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 条申领</source>
      <translation>
        <numerusform>%n claim</numerusform>
        <numerusform>%n claims</numerusform>
      </translation>
    </message>
    <message>
      <source>填写原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>建立时间</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>建立人</source>
      <translation>Created by</translation>
    </message>
    <message>
      <source>把所选补贴的已提交申领编成批次</source>
      <translation>Batch the submitted claims of the chosen subsidy</translation>
    </message>
    <message>
      <source>预览花名册</source>
      <translation>Preview roster</translation>
    </message>
    <message>
      <source>预览公示表</source>
      <translation>Preview notice</translation>
    </message>
    <message>
      <source>预览全部申请表</source>
      <translation>Preview all forms</translation>
    </message>
    <message>
      <source>还没有批次</source>
      <translation>No batch yet</translation>
    </message>
    <message>
      <source>待县里核定标准</source>
      <translation>To be set by the county</translation>
    </message>
    <message>
      <source>（在“申领”页办理）</source>
      <translation> (continue on the Claims tab)</translation>
    </message>
    <message>
      <source>请检查</source>
      <translation>Please check</translation>
    </message>
    <message>
      <source>%1 已于 %2 申领过“%3”（现在是“%4”），同一补贴不能重复申领。</source>
      <translation>%1 already claimed “%3” on %2 (now “%4”); the same subsidy cannot be claimed twice.</translation>
    </message>
    <message>
      <source>查看首次申领</source>
      <translation>Open the first claim</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>“%1”须写明原因（申请人会看到）：</source>
      <translation>“%1” needs a reason (the applicant will see it):</translation>
    </message>
    <message>
      <source>材料未收齐</source>
      <translation>Documents missing</translation>
    </message>
    <message>
      <source>还缺：%1。
先提交也可以，但要写明原因（例如“务工证明下周补交”）：</source>
      <translation>Still missing: %1.
You may submit now, but give the reason (e.g. “work certificate next week”):</translation>
    </message>
    <message>
      <source>显示全部人员</source>
      <translation>Show everyone</translation>
    </message>
    <message>
      <source>只看 %1 的补贴：各项补贴是否符合、原因，以及已有的申领</source>
      <translation>Only %1's subsidies: each subsidy's result, the reasons, and the claims made</translation>
    </message>
    <message>
      <source> 元</source>
      <translation> yuan</translation>
    </message>
    <message>
      <source>本机只能为本机负责的区域编批次：请在上方“区域”中选择本机负责的区域</source>
      <translation>This device makes batches only for its own area: choose that area under Area above</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>所选 %2 条申领都变为“%1”，须写明原因（申请人会看到）：</source>
      <translation>The %2 selected claims all become “%1”: give the reason (the applicants will see it):</translation>
    </message>
    <message>
      <source>把所选补贴乡镇审核过的申领编成批次</source>
      <translation>Batch the township-reviewed claims of the chosen subsidy</translation>
    </message>
    <message>
      <source>按这一天评定和申领。按月发放的补贴申领这一天所在的月份（按年度发放的，这一年）：申领上个月的，请选上个月的日期</source>
      <translation>Judged and claimed as of this day. A subsidy paid by the month is claimed for this day's month (one paid by the year, for its year): to claim last month's, choose a day of last month</translation>
    </message>
    <message>
      <source>登记材料…</source>
      <translation>Materials…</translation>
    </message>
    <message>
      <source>状态：</source>
      <translation>State: </translation>
    </message>
    <message>
      <source>缺件原因：</source>
      <translation>Why materials are missing: </translation>
    </message>
    <message>
      <source>未知</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>%1 已于 %2 申领过%5的“%3”（现在是“%4”），同一补贴不能重复申领。</source>
      <translation>%1 already claimed “%3” for %5 on %2 (now “%4”); the same subsidy cannot be claimed twice.</translation>
    </message>
    <message>
      <source>申请日期</source>
      <translation>Applied on</translation>
    </message>
    <message>
      <source>发放月份</source>
      <translation>Month paid</translation>
    </message>
    <message>
      <source>申请日期：</source>
      <translation>Applied on: </translation>
    </message>
    <message>
      <source>发放月份：</source>
      <translation>Month paid: </translation>
    </message>
    <message>
      <source>%1：已申领过“%2”</source>
      <translation>%1: already claimed “%2”</translation>
    </message>
    <message>
      <source>已创建 %1 条申领（在“申领”页办理）</source>
      <translation>%1 claim(s) made (continue on the Claims tab)</translation>
    </message>
    <message>
      <source>；%1 条没有创建</source>
      <translation>; %1 not made</translation>
    </message>
    <message>
      <source>等 %1 条</source>
      <translation>and others, %1 in all</translation>
    </message>
    <message>
      <source>已创建 %1 条申领；以下 %2 条没有创建：</source>
      <translation>%1 claim(s) made; these %2 were not:</translation>
    </message>
    <message>
      <source>删除草稿</source>
      <translation>Delete draft</translation>
    </message>
    <message>
      <source>只有草稿可以删除；已提交的申领只能驳回或撤销</source>
      <translation>Only a draft can be deleted; a submitted claim can only be rejected or reversed</translation>
    </message>
    <message>
      <source>草稿由村里的专员删除</source>
      <translation>A draft is deleted by the village coordinator</translation>
    </message>
    <message>
      <source>删除%1的“%2”这条申领草稿吗？删除后可以重新申领；删除会记入修改记录。</source>
      <translation>Delete the draft claim “%2” of %1? It can be claimed again afterwards; the deletion is recorded in the history.</translation>
    </message>
    <message>
      <source>申请编号</source>
      <translation>Claim no.</translation>
    </message>
    <message>
      <source>按申请编号查找</source>
      <translation>Find by claim no.</translation>
    </message>
    <message>
      <source>没有申请编号为 %1 的申领</source>
      <translation>No claim has the number %1</translation>
    </message>
    <message>
      <source>申请编号 %1 是%2的申领（%3），不在所选区域的列表中</source>
      <translation>Claim no. %1 is %2's claim (%3), not in the list of the area chosen</translation>
    </message>
    <message>
      <source>批次编号</source>
      <translation>Batch no.</translation>
    </message>
    <message>
      <source>申请编号 %1 有 %2 条申领（不同电脑编的），请按纸上的姓名核对</source>
      <translation>Claim no. %1 belongs to %2 claims (made on different computers): check the name on the paper</translation>
    </message>
    <message>
      <source>申请编号：</source>
      <translation>Claim no.: </translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>符合条件</source>
      <translation>Eligible</translation>
    </message>
    <message>
      <source>暂未满足</source>
      <translation>Not yet met</translation>
    </message>
    <message>
      <source>不符合</source>
      <translation>Not eligible</translation>
    </message>
    <message>
      <source>已申领</source>
      <translation>Claimed</translation>
    </message>
    <message>
      <source>符合条件（金额待县里核定标准）</source>
      <translation>Eligible (the amount is yet to be set by the county)</translation>
    </message>
    <message>
      <source>资金来源：%1</source>
      <translation>Funding source (as the county names it): %1</translation>
    </message>
    <message>
      <source>材料已收：%1</source>
      <translation>Documents received: %1</translation>
    </message>
    <message>
      <source>材料退回：%1</source>
      <translation>Documents handed back: %1</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>填写缺件原因</source>
      <translation>Reason for missing documents recorded</translation>
    </message>
    <message>
      <source>待本机办理</source>
      <translation>Awaiting this device</translation>
    </message>
    <message>
      <source>请先在上方“补贴”中选择要编批次的补贴：一个批次只编一种补贴的申领</source>
      <translation>First choose the subsidy to batch under Subsidies above: a batch holds one subsidy’s claims</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>只有草稿可以删除；已驳回或撤销的申领留在台账上备查</source>
      <translation>Only a draft can be deleted; a rejected or reversed claim stays in the ledger for the record</translation>
    </message>
    <message>
      <source>%1 %2 条</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>所选申领没有共同的下一步（%1）：请只选同一状态的申领，分几次办理</source>
      <translation>The selected claims have no next step in common (%1): select claims in one state at a time</translation>
    </message>
    <message>
      <source>花名册</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>%1 人 %2 元</source>
      <translation>People %1 · ¥%2</translation>
    </message>
    <message>
      <source>补贴</source>
      <comment>column</comment>
      <translation>Subsidy</translation>
    </message>
    <message>
      <source>%1，待批 %2</source>
      <translation>%1 · %2 waiting</translation>
    </message>
    <message>
      <source>待批 %1</source>
      <translation>%1 waiting</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>用登记文件登记本机…</source>
      <translation>Enrol this device with a file…</translation>
    </message>
    <message>
      <source>选择文件夹…</source>
      <translation>Choose folder…</translation>
    </message>
    <message>
      <source>导出数据包</source>
      <translation>Export bundle</translation>
    </message>
    <message>
      <source>导入数据包…</source>
      <translation>Import bundle…</translation>
    </message>
    <message>
      <source>上传并接收</source>
      <translation>Upload and receive</translation>
    </message>
    <message>
      <source>交换数据</source>
      <translation>Exchange data</translation>
    </message>
    <message>
      <source>本机</source>
      <translation>This device</translation>
    </message>
    <message>
      <source>导出到</source>
      <translation>Export to</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>中心地址</source>
      <translation>Hub address</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>尚未登记：请用县里发的登记文件登记本机后再交换数据</source>
      <translation>Not enrolled: enrol this device with the file from the county before exchanging data</translation>
    </message>
    <message>
      <source>已登记为设备 </source>
      <translation>Enrolled as device </translation>
    </message>
    <message>
      <source>，中心：</source>
      <translation>, hub: </translation>
    </message>
    <message>
      <source>，已发出第 %1 号包，已收到第 %2 号包</source>
      <translation>, sent bundle no. %1, received bundle no. %2</translation>
    </message>
    <message>
      <source>选择导出文件夹</source>
      <translation>Choose export folder</translation>
    </message>
    <message>
      <source>选择登记文件</source>
      <translation>Choose enrolment file</translation>
    </message>
    <message>
      <source>。中心指纹：</source>
      <translation>. Hub fingerprint: </translation>
    </message>
    <message>
      <source>（请与县里核对）。登记文件含本机私钥，请删除它。</source>
      <translation> (check it with the county). The enrolment file holds this device's private key: delete it.</translation>
    </message>
    <message>
      <source>请选择一个存在的文件夹（如U盘）</source>
      <translation>Choose an existing folder (e.g. a USB stick)</translation>
    </message>
    <message>
      <source>正在导出数据包……</source>
      <translation>Exporting bundle…</translation>
    </message>
    <message>
      <source>已导出：发送 %1 条修改 → </source>
      <translation>Exported: %1 changes sent → </translation>
    </message>
    <message>
      <source>选择数据包</source>
      <translation>Choose bundle</translation>
    </message>
    <message>
      <source>数据包 (*.fieldsync);;所有文件 (*)</source>
      <translation>Bundles (*.fieldsync);;All files (*)</translation>
    </message>
    <message>
      <source>正在导入数据包……</source>
      <translation>Importing bundle…</translation>
    </message>
    <message>
      <source>已接收 %1 条修改（其中新的 %2 条）；待处理冲突 %3 处</source>
      <translation>Received %1 changes (%2 new); %3 open conflicts</translation>
    </message>
    <message>
      <source>请填写中心地址</source>
      <translation>Enter the hub address</translation>
    </message>
    <message>
      <source>正在上传……</source>
      <translation>Uploading…</translation>
    </message>
    <message>
      <source>已发送 %1 条修改；</source>
      <translation>Sent %1 changes; </translation>
    </message>
    <message>
      <source>已取消，台账没有改动</source>
      <translation>Cancelled; the ledger is unchanged</translation>
    </message>
    <message>
      <source>失败：</source>
      <translation>Failed: </translation>
    </message>
    <message>
      <source>各设备同步情况（县级）</source>
      <translation>Devices' exchanges (county)</translation>
    </message>
    <message>
      <source>本机还没有登记到县里的汇总中心。请先点“用登记文件登记本机…”，选择县里发的登记文件，登记后才能交换数据。</source>
      <translation>This computer is not enrolled with the county hub yet. Click “Enrol with a file…” and choose the enrolment file from the county; then you can exchange data.</translation>
    </message>
    <message>
      <source>县里未接受的修改</source>
      <translation>Changes the county did not accept</translation>
    </message>
    <message>
      <source>改换汇总中心</source>
      <translation>Change hub</translation>
    </message>
    <message>
      <source>本机已登记到“%1”。这个登记文件来自“%2”。改为登记到“%2”吗？改换后只与“%2”交换数据。</source>
      <translation>This device is enrolled at “%1”. This enrolment file comes from “%2”. Enrol at “%2” instead? From then on it exchanges data with “%2” only.</translation>
    </message>
    <message>
      <source>全部重发</source>
      <translation>Send everything again</translation>
    </message>
    <message>
      <source>县里说“从第 n 号修改起缺失”时勾选：这次导出本机的全部修改</source>
      <translation>Tick when the county says changes are missing from number n: this export carries every change of this device</translation>
    </message>
    <message>
      <source>县级汇总中心已从备份恢复：中心重新编号的 %1 条修改替换了本机保存的、中心已不再有的内容（以中心为准）</source>
      <translation>The county hub was restored from a backup: %1 changes it numbered anew replaced what this ledger held under those numbers and the hub no longer has (the hub's version is kept)</translation>
    </message>
    <message>
      <source>登记文件 (*.enrol *.json *.fieldenrol);;所有文件 (*)</source>
      <translation>Enrolment files (*.enrol *.json *.fieldenrol);;All files (*)</translation>
    </message>
    <message>
      <source>等待县里审核的修改（县级）</source>
      <translation>Changes held for the county's review (county)</translation>
    </message>
    <message>
      <source>改为另一台设备</source>
      <translation>Become another device</translation>
    </message>
    <message>
      <source>本机已登记为设备“%1”（区域 %2）。这个登记文件是给设备“%3”（区域 %4）的，可能拿错了登记文件。改为“%3”吗？改后本机以“%3”的名义同步，“%1”原来的登记不再使用。</source>
      <translation>This computer is enrolled as device “%1” (area %2). This enrolment file is for device “%3” (area %4): it may be the wrong file. Become “%3”? From then on this computer syncs as “%3”; the enrolment as “%1” is no longer used.</translation>
    </message>
    <message>
      <source>没有找到U盘：请插上U盘，稍等几秒再点“导出数据包”；也可以点“选择文件夹…”选一个文件夹</source>
      <translation>No USB stick found: plug one in, wait a few seconds and click “Export bundle” again; or click “Choose folder…” to pick a folder</translation>
    </message>
    <message>
      <source>找到 %1 个U盘：请在“导出到”中选好要用的一个，再点“导出数据包”</source>
      <translation>%1 USB sticks found: choose the one to use under “Export to”, then click “Export bundle” again</translation>
    </message>
    <message>
      <source>县里的中心没有接收这次上传：本机有些修改的编号，中心已经收到过内容不同的一份。多半是这台电脑的台账从备份（或另一台电脑）拷回来过。</source>
      <translation>The county's hub did not take this upload: some of this computer's changes carry numbers the hub already holds with other content. Most likely this computer's ledger was copied back from a backup (or another computer).</translation>
    </message>
    <message>
      <source>台账是从备份拷回来的吗？</source>
      <translation>Was the ledger copied back from a backup?</translation>
    </message>
    <message>
      <source>如果是：点“是”，本机改用新的编号继续同步（不用重新登记），再点“上传并接收”；县里会把备份之后的数据（包括本机在备份之后做的修改）全部发回，什么也不会丢。
如果不是，或拿不准：点“否”，请联系县里管理汇总中心的同志。</source>
      <translation>If so, choose Yes: this computer carries on under new numbers (no new enrolment needed); then click Upload and receive again. The county sends back everything since the backup (this computer's own changes since then too): nothing is lost.
If not, or if unsure, choose No and call the county's hub staff.</translation>
    </message>
    <message>
      <source>本机已改用新的编号：请再点一次“上传并接收”（或导出数据包）</source>
      <translation>This computer now uses new numbers: click Upload and receive again (or export a bundle)</translation>
    </message>
    <message>
      <source>县里的中心没有接收这次上传：这台电脑编出的申请编号、批次编号会与另一台电脑的相同，两张纸上会印出同一个编号。</source>
      <translation>The county hub did not take this upload: this computer's claim and batch numbers would be the same as another computer's, so two papers would print one number.</translation>
    </message>
    <message>
      <source>给本机换一套编号吗？</source>
      <translation>Give this computer a new set of numbers?</translation>
    </message>
    <message>
      <source>点“是”，本机改用新的一套编号（不用重新登记，已做的修改都不会丢），再点“上传并接收”。本机打印过的申请表、公示表、花名册上的编号会变，请重新打印。</source>
      <translation>Click Yes: this computer takes a new set of numbers (no new enrolment; no work is lost), then click Upload and receive. The numbers on application forms, notices and rosters printed here will change: print them again.</translation>
    </message>
    <message>
      <source>本台账的村（%1）已改用县里登记的区划代码，原来用的是本机自编的代码。</source>
      <translation> This ledger's village (%1) now uses the division code the county enrolled it under; it had a code made up on this laptop.</translation>
    </message>
    <message>
      <source>县里的中心没有接收本机用U盘送去的数据包：本机有些修改的编号，中心已经收到过内容不同的一份。多半是这台电脑的台账从备份（或另一台电脑）拷回来过。</source>
      <translation>The county's hub did not take the bundle this computer sent on a USB stick: some of this computer's changes carry numbers the hub already holds with other content. Most likely this computer's ledger was copied back from a backup (or another computer).</translation>
    </message>
    <message>
      <source>如果是：点“是”，本机改用新的编号继续同步（不用重新登记），再导出数据包交给县里；县里会把备份之后的数据（包括本机在备份之后做的修改）全部发回，什么也不会丢。
如果不是，或拿不准：点“否”，请联系县里管理汇总中心的同志。</source>
      <translation>If so, choose Yes: this computer carries on under new numbers (no new enrolment needed); then export a bundle for the county. The county sends back everything since the backup (this computer's own changes since then too): nothing is lost.
If not, or if unsure, choose No and call the county's hub staff.</translation>
    </message>
    <message>
      <source>县里的中心没有接收本机用U盘送去的数据包：这台电脑编出的申请编号、批次编号会与另一台电脑的相同，两张纸上会印出同一个编号。</source>
      <translation>The county hub did not take the bundle this computer sent on a USB stick: this computer's claim and batch numbers would be the same as another computer's, so two papers would print one number.</translation>
    </message>
    <message>
      <source>点“是”，本机改用新的一套编号（不用重新登记，已做的修改都不会丢），再导出数据包交给县里。本机打印过的申请表、公示表、花名册上的编号会变，请重新打印。</source>
      <translation>Click Yes: this computer takes a new set of numbers (no new enrolment; no work is lost), then export a bundle for the county. The numbers on application forms, notices and rosters printed here will change: print them again.</translation>
    </message>
    <message>
      <source>本机已改用新的编号：请导出数据包，交给县里</source>
      <translation>This computer now uses new numbers: export a bundle for the county</translation>
    </message>
    <message>
      <source>县里的中心没有接收本机送去的一个数据包：</source>
      <translation>The county hub did not take a bundle from this computer: </translation>
    </message>
    <message>
      <source>县里的中心没有接收本机送去的第 %1 号数据包：</source>
      <translation>The county hub did not take bundle no. %1 from this computer: </translation>
    </message>
    <message>
      <source>数据包已损坏或被改动（可能拷贝时中断或U盘被拔出）：请重新导出一次，再交给县里</source>
      <translation>the bundle was damaged or altered (the copy may have been cut short, or the USB stick pulled out): export it again and take it to the county</translation>
    </message>
    <message>
      <source>数据包不完整（可能拷贝时中断或U盘被拔出）：请重新导出一次，再交给县里</source>
      <translation>the bundle was incomplete (the copy may have been cut short, or the USB stick pulled out): export it again and take it to the county</translation>
    </message>
    <message>
      <source>数据包缺少部分修改：请在“同步”页勾选“全部重发”，导出后再交给县里</source>
      <translation>the bundle lacked some changes: on the Sync page tick “Send everything again”, export, and take it to the county</translation>
    </message>
    <message>
      <source>这个数据包不能由这台电脑提交：请联系县里管理汇总中心的同志</source>
      <translation>this computer may not hand in that bundle: call the county's hub staff</translation>
    </message>
    <message>
      <source>数据包内容不合格：请联系县里管理汇总中心的同志</source>
      <translation>the bundle's contents did not pass: call the county's hub staff</translation>
    </message>
    <message>
      <source>县里的电脑磁盘已满，这个数据包没有导入：请再导出一次，交给县里</source>
      <translation>the county computer's disk was full and the bundle was not imported: export it again and take it to the county</translation>
    </message>
    <message>
      <source>县里的中心收到过的本机修改，比本机台账里现有的还多。多半是这台电脑的台账从备份（或另一台电脑）拷回来过。</source>
      <translation>The county's hub has received more of this computer's changes than this computer's ledger now holds. Most likely this computer's ledger was copied back from a backup (or another computer).</translation>
    </message>
    <message>
      <source>中心暂扣了本机的 %1 条修改，请在本页“县里未接受的修改”中查看原因</source>
      <translation>The county held back %1 of this computer's changes; see why under “Changes the county did not accept” on this page</translation>
    </message>
    <message>
      <source>未定</source>
      <translation>not set</translation>
    </message>
    <message>
      <source>同一字段在不同设备上被改成了不同的值，或表格更新时与台账后来的修改不同</source>
      <translation>The same field was changed differently on different devices, or a spreadsheet update differs from a later change in the ledger</translation>
    </message>
    <message>
      <source>冲突审核</source>
      <translation>Conflict review</translation>
    </message>
    <message>
      <source>本机已登记到“%1”。这个登记文件来自另一个同名的汇总中心（可能是县里重新建立的），它的指纹是 %2，请先与县里核对。改为登记到这个新的“%1”吗？改换后只与它交换数据。</source>
      <translation>This device is enrolled at “%1”. This enrolment file comes from another hub of the same name (perhaps the county set its hub up anew); its fingerprint is %2: check it with the county first. Enrol at this new “%1” instead? From then on it exchanges data with it only.</translation>
    </message>
    <message>
      <source>%1（%2，可用 %3 GB）</source>
      <translation>%1 (%2, %3 GB free)</translation>
    </message>
  </context>
  <context>
    <name>TakeInDialog</name>
    <message>
      <source>接收迁入人员</source>
      <translation>Take in a person</translation>
    </message>
    <message>
      <source>接收%1迁入本村的这一户吗？接收后%1就是本村的人。</source>
      <translation>Take %1 into this household of the village? Once taken in, %1 is one of this village's people.</translation>
    </message>
    <message>
      <source>（请选择）</source>
      <translation>(choose)</translation>
    </message>
    <message>
      <source>与户主关系</source>
      <translation>Relation to head</translation>
    </message>
    <message>
      <source>接收</source>
      <translation>Take in</translation>
    </message>
    <message>
      <source>请选择与户主的关系</source>
      <translation>Choose the relation to the head of the household</translation>
    </message>
  </context>
  <context>
    <name>TurnDownDialog</name>
    <message>
      <source>不接收迁入人员</source>
      <translation>Do not take in a person</translation>
    </message>
    <message>
      <source>不接收%1迁入本村吗？%1仍留在原来的村，对方村同步后会知道。</source>
      <translation>Not take %1 in? %1 stays in their own village, which learns of it when it syncs.</translation>
    </message>
    <message>
      <source>不接收</source>
      <translation>Do not take in</translation>
    </message>
  </context>
  <context>
    <name>UnemploymentDialog</name>
    <message>
      <source>失业登记</source>
      <translation>Unemployment registration</translation>
    </message>
    <message>
      <source>发现日期</source>
      <translation>Found on</translation>
    </message>
    <message>
      <source>登记日期</source>
      <translation>Registered on</translation>
    </message>
    <message>
      <source>（未分类）</source>
      <translation>(unclassified)</translation>
    </message>
    <message>
      <source>已结束于</source>
      <translation>Ended on</translation>
    </message>
    <message>
      <source>发现失业</source>
      <translation>Found unemployed</translation>
    </message>
    <message>
      <source>失业人员类别</source>
      <translation>Unemployment class</translation>
    </message>
    <message>
      <source>结束</source>
      <translation>End</translation>
    </message>
    <message>
      <source>请至少填写发现日期或登记日期</source>
      <translation>Enter at least the date found or the date registered</translation>
    </message>
  </context>
  <context>
    <name>VisitsPage</name>
    <message>
      <source>记录走访 (Ctrl+N)</source>
      <translation>Record a visit (Ctrl+N)</translation>
    </message>
    <message>
      <source>尚未选择户或人员</source>
      <translation>No household or person chosen</translation>
    </message>
    <message>
      <source>走访情况、家庭变化、需求……</source>
      <translation>What was found: changes in the family, needs…</translation>
    </message>
    <message>
      <source>结果：已推荐岗位、已登记、下次回访……</source>
      <translation>Outcome: job recommended, registered, next follow-up…</translation>
    </message>
    <message>
      <source>保存走访</source>
      <translation>Save visit</translation>
    </message>
    <message>
      <source>户 / 人员</source>
      <translation>Household / person</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>情况</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>已选：</source>
      <translation>Chosen: </translation>
    </message>
    <message>
      <source>请先选择一个户或人员</source>
      <translation>Choose a household or person first</translation>
    </message>
    <message>
      <source>走访日期不能晚于今天</source>
      <translation>The visit date cannot be after today</translation>
    </message>
    <message>
      <source>本月走访情况</source>
      <translation>Visits this month</translation>
    </message>
    <message>
      <source>全部区域</source>
      <translation>All areas</translation>
    </message>
    <message>
      <source>只看未走访</source>
      <translation>Unvisited only</translation>
    </message>
    <message>
      <source>户主</source>
      <translation>Head</translation>
    </message>
    <message>
      <source>所在地</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>人数</source>
      <translation>Persons</translation>
    </message>
    <message>
      <source>本月走访次数</source>
      <translation>Visits this month</translation>
    </message>
    <message>
      <source>最近走访</source>
      <translation>Last visit</translation>
    </message>
    <message>
      <source>未走访</source>
      <translation>Not visited</translation>
    </message>
    <message>
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>已记入台账：</source>
      <translation>Recorded in the ledger: </translation>
    </message>
    <message>
      <source> 天</source>
      <translation> day(s)</translation>
    </message>
    <message>
      <source>培训天数</source>
      <translation>Training days</translation>
    </message>
    <message>
      <source>培训类型</source>
      <translation>Kind of training</translation>
    </message>
    <message>
      <source>服务（可多选）</source>
      <translation>Services (several)</translation>
    </message>
    <message>
      <source>走访还没保存</source>
      <translation>Visit not saved</translation>
    </message>
    <message>
      <source>%1 的走访还没保存（已选的服务、日期或填写的情况、结果）。放弃这次走访吗？</source>
      <translation>The visit to %1 has not been saved (services ticked, date, notes or outcome). Discard it?</translation>
    </message>
    <message>
      <source>输入姓名、拼音首字母或身份证号；↑↓ 挑选，回车选定（未挑即第一个）</source>
      <translation>Type a name, pinyin initials or ID number; ↑↓ to choose, Enter to take it (the first if none chosen)</translation>
    </message>
    <message>
      <source>全户走访（走访的是全家，不只是这个人）</source>
      <translation>Whole household (the family was visited, not only this person)</translation>
    </message>
    <message>
      <source>走访对象</source>
      <translation>Visited</translation>
    </message>
    <message>
      <source>
全户走访：%1一家；勾选的服务记在%1名下</source>
      <translation>
Whole household: the family of %1; the services ticked are recorded for %1</translation>
    </message>
    <message>
      <source>（全户）</source>
      <translation> (whole household)</translation>
    </message>
    <message>
      <source>%1（%2天）</source>
      <translation>%1 (%2 day(s))</translation>
    </message>
    <message numerus="yes">
      <source>已走访 %n 户，未走访 %1 户，共 %2 户</source>
      <translation>
        <numerusform>%n household visited, %1 not visited, %2 in all</numerusform>
        <numerusform>%n households visited, %1 not visited, %2 in all</numerusform>
      </translation>
    </message>
    <message>
      <source>走访日期已变为%1，请核对后再保存</source>
      <translation>The visit date has changed to %1: please check it and save again</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>%1（%2）%3</source>
      <translation>%1 (%2) %3</translation>
    </message>
  </context>
  <context>
    <name>WaitCountdown</name>
    <message>
      <source>可以再试了</source>
      <translation>You may try again</translation>
    </message>
    <message>
      <source>口令连续输错多次，请 %1 秒后再试</source>
      <translation>Too many wrong passwords: try again in %1 s</translation>
    </message>
  </context>
  <context>
    <name>Workbooks</name>
    <message>
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <source>正在导出……</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>已导出到 %1（含个人信息，请妥善保管）</source>
      <translation>Exported to %1 (contains personal data: keep it safe)</translation>
    </message>
  </context>
  <context>
    <name>_RecordDialog</name>
    <message>
      <source>已保存，请核对</source>
      <translation>Saved: please check</translation>
    </message>
  </context>
</TS>
