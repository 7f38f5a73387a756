// Saves bytes through the browser's download (web mode export).

/** Triggers a download of the bytes under the file name (Blob + <a download>). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
