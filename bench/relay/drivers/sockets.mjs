// Opening many client sockets without opening them all at once.

/** Resolves with the socket once it is open; rejects on an error before. */
export function openSocket(socket) {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Makes `count` connections with at most `parallel` in progress; resolves with them in order. */
export async function connectAll(count, make, parallel = 100) {
  const out = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      out[i] = await make(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return out;
}
