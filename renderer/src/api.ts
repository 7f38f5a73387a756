import type { Channel, ErrorCode, Input, NianbaoDesktopBridge, Output, Result } from '../../electron/core/contract';
import { getBridge, onBeforeQuit, onMenuCommand } from './transport';

// The renderer's one door to the main side: typed calls over the contract's channels.
// A failed call throws ApiError carrying the Chinese message from the main side.

export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Calls a contract channel; resolves with its value or throws ApiError (Chinese message). */
async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result: Result<Output<C>>;
  try {
    result = await getBridge().invoke(channel, input);
  } catch (e) {
    throw new ApiError('io', `无法连接到本机服务：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!result || typeof result !== 'object') throw new ApiError('internal', '本机服务返回了无法识别的结果');
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

/** True inside the Electron app (the preload's bridge is present). */
function isDesktop(): boolean {
  const w = window as unknown as { nianbao?: Partial<NianbaoDesktopBridge> };
  return typeof w.nianbao?.invoke === 'function';
}

export const api = { call, isDesktop, onMenuCommand, onBeforeQuit };

/** The Chinese message of any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
