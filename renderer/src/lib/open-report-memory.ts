// Remembers which report is open so a reload reopens it (?report=<id> in the address, kept beside the token hash).

const KEY = 'nianbao.openReport';

/** The id of the report to reopen after a reload, or null. */
export function rememberedReportId(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('report');
  if (fromUrl) return fromUrl;
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Records the open report (null: the library is shown). */
export function rememberReport(id: string | null): void {
  try {
    if (id) sessionStorage.setItem(KEY, id);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable: reload shows the library */
  }
  try {
    const u = new URL(location.href);
    if (id) u.searchParams.set('report', id);
    else u.searchParams.delete('report');
    if (u.href !== location.href) history.replaceState(null, '', u.href);
  } catch {
    /* file: URLs may refuse replaceState; sessionStorage still works */
  }
}
