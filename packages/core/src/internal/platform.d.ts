/**
 * The few globals core uses that exist alike in browsers and Node ≥ 20. Core is
 * compiled without the DOM and Node libraries so nothing else slips in; public
 * types never mention these names.
 */
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare const console: {
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  decode(input?: Uint8Array): string;
}
interface PlatformCryptoKey {
  readonly type: string;
}
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  readonly subtle: {
    importKey(
      format: 'raw',
      keyData: Uint8Array<ArrayBuffer>,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: boolean,
      usages: ('sign' | 'verify')[],
    ): Promise<PlatformCryptoKey>;
    sign(algorithm: 'HMAC', key: PlatformCryptoKey, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
    verify(
      algorithm: 'HMAC',
      key: PlatformCryptoKey,
      signature: Uint8Array<ArrayBuffer>,
      data: Uint8Array<ArrayBuffer>,
    ): Promise<boolean>;
  };
};
/** The shape of the browser's WebSocket (and `ws`'s) that WebSocketTransport uses. */
interface PlatformWebSocket {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
declare const WebSocket: (new (url: string) => PlatformWebSocket) | undefined;
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: { get(name: string): string | null };
}
/** The part of `fetch` the long-poll transport uses (browsers, Node ≥ 18). */
declare const fetch:
  | ((
      url: string,
      init: { method: string; headers: Record<string, string>; body?: string; keepalive?: boolean },
    ) => Promise<{ readonly status: number; text(): Promise<string> }>)
  | undefined;
