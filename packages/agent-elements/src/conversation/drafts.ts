/** What the agent has typed in each chat, kept while they switch between chats. */
export class Drafts {
  readonly #drafts = new Map<string, string>();

  get(sessionId: string): string {
    return this.#drafts.get(sessionId) ?? '';
  }

  set(sessionId: string, draft: string): void {
    if (draft === '') this.#drafts.delete(sessionId);
    else this.#drafts.set(sessionId, draft);
  }
}
