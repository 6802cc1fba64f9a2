import { csvBlob } from './csv'

/** Characters Windows and macOS refuse in a file name (a window name may hold a slash). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
}

/** Saves through the browser's own download: nothing is sent anywhere. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = safeFileName(fileName)
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has handed the blob to the download, not before.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, csvBlob(csv))
}
