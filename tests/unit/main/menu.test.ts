import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../electron/core/contract';
import { buildMenuTemplate } from '../../../electron/main/menu';

function items(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

describe('buildMenuTemplate', () => {
  const sent: MenuCommand[] = [];
  let about = 0;
  const actions = { command: (c: MenuCommand) => sent.push(c), about: () => about++, openDataDir: () => undefined };

  it('has the Chinese menus 文件 编辑 视图 帮助', () => {
    const t = buildMenuTemplate(actions, { isDev: false, isMac: false });
    expect(t.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
  });

  it('sends the four UI commands to the renderer', () => {
    const all = items(buildMenuTemplate(actions, { isDev: false, isMac: false }));
    for (const id of ['new', 'open', 'import', 'export'] as const) {
      const item = all.find((i) => i.id === id)!;
      (item.click as () => void)();
    }
    expect(sent).toEqual(['new', 'open', 'import', 'export']);
    (all.find((i) => i.id === 'about')!.click as () => void)();
    expect(about).toBe(1);
  });

  it('uses roles for editing, zoom and quit', () => {
    const roles = items(buildMenuTemplate(actions, { isDev: false, isMac: false })).map((i) => i.role).filter(Boolean);
    for (const r of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']) expect(roles).toContain(r);
  });

  it('offers reload and developer tools only in development', () => {
    const prod = items(buildMenuTemplate(actions, { isDev: false, isMac: false })).map((i) => i.role);
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('toggleDevTools');
    const dev = items(buildMenuTemplate(actions, { isDev: true, isMac: false })).map((i) => i.role);
    expect(dev).toContain('reload');
  });

  it('labels every visible item in Chinese', () => {
    for (const i of items(buildMenuTemplate(actions, { isDev: true, isMac: false }))) {
      if (i.type === 'separator') continue;
      expect(i.label, JSON.stringify(i)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
