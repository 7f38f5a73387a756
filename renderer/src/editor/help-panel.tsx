// The 帮助 panel: keyboard shortcuts and how the editor works.

const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl+S', '立即保存（平时停止输入后自动保存）'],
  ['Ctrl+Z', '撤销'],
  ['Ctrl+Y / Ctrl+Shift+Z', '重做'],
  ['Ctrl+E', '导出 Word 文档'],
  ['Ctrl+P', '打印预览；在预览中再按一次即打印'],
  ['Esc', '从打印预览返回编辑'],
  ['Enter', '在段落末尾：新建段落；在段落中间：拆分段落'],
  ['Backspace', '在空段落中：删除该段落；在段首：与上一段合并'],
  ['Alt+↑ / Alt+↓', '上移 / 下移当前段落'],
  ['Alt+0 / 1 / 2 / 3', '设为正文 / （一）标题 / 1. 标题 / （1）标题'],
  ['↑ / ↓（段首或段尾）', '移到上一段 / 下一段'],
  ['Tab / Shift+Tab', '在各输入框之间移动'],
  ['表格中：方向键、Tab、Enter', '移动单元格；直接输入即替换，Delete 清空，可粘贴多行多列'],
];

/** The list of shortcuts. */
export function HelpPanel() {
  return (
    <section className="help-panel" aria-label="帮助">
      <h2 className="panel-title">键盘快捷键</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([k, v]) => (
          <div key={k} className="shortcut">
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="panel-title">说明</h2>
      <ul className="help-notes">
        <li>所有修改自动保存到本机报告库；保存失败时会保留在本机并自动重试。</li>
        <li>右侧“检查结果”随输入实时更新，点击一条即可跳到对应的单元格或段落。</li>
        <li>黄色竖线标出的段落沿用了上年报告，修改后标记自动消失。</li>
        <li>“历史版本”可以恢复以前保存的版本，恢复后仍可撤销。</li>
      </ul>
    </section>
  );
}
