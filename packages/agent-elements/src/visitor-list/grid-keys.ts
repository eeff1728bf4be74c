/**
 * Where a key moves the selection in the visitor grid: ↑ ↓ by one, Page Up /
 * Page Down by a screenful, Home / End to the ends. Undefined for other keys.
 */
export function gridTarget(key: string, current: number, count: number, page: number): number | undefined {
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = current + 1;
      break;
    case 'ArrowUp':
      next = current < 0 ? 0 : current - 1;
      break;
    case 'PageDown':
      next = current + Math.max(1, page);
      break;
    case 'PageUp':
      next = current - Math.max(1, page);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return undefined;
  }
  return Math.min(count - 1, Math.max(0, next));
}
