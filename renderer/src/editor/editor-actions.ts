import { createContext, useContext } from 'react';

// Editor-wide actions that views call (stable for the editor's lifetime).

export interface EditorActions {
  /** Moves focus to what a path names: a cell, a block, a section, the title or the 落款. */
  focusPath(path: string): void;
}

export const EditorActionsContext = createContext<EditorActions>({ focusPath: () => undefined });

/** The editor's actions. */
export function useEditorActions(): EditorActions {
  return useContext(EditorActionsContext);
}

/** The latest request to focus a table cell; the nonce makes a repeated request for the same cell count. */
export const GridFocusContext = createContext<{ cell: string; nonce: number } | null>(null);
