/**
 * Runs `work` once the browser has painted the next frame; returns a cancel function. For work a
 * filter change causes but the reader does not need in that frame (the address, the map's view).
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
