/** The composer's small emoji palette: common reactions, no data file to load. */
export const EMOJI = [
  '😀', '😂', '😊', '😍', '🤔', '😅', '😢', '😮',
  '👍', '👎', '👏', '🙏', '👋', '💪', '🎉', '❤️',
  '✅', '❌', '⭐', '🔥', '💡', '📦', '💳', '🚚',
] as const;
