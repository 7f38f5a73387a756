// Names of the IPC messages outside the request/response contract (main ↔ preload only).

/** main → renderer: a MenuCommand. */
export const MENU_EVENT = 'nianbao:menu';
/** main → renderer: please flush unsaved work (argument: request id). */
export const BEFORE_QUIT_EVENT = 'nianbao:before-quit';
/** renderer → main: the FlushReply for a request id. */
export const FLUSH_REPLY_EVENT = 'nianbao:flush-reply';
