/**
 * Captures the page as a PNG with html2canvas, which is loaded only now (it is
 * the widget's largest dependency and rarely used). `ignore` (the chat itself)
 * is left out of the picture.
 */
type Html2Canvas = (typeof import('html2canvas'))['default'];

export async function capturePage(ignore?: Element): Promise<Blob> {
  const module = await import('html2canvas');
  // Bundlers give the ES build's default export; TypeScript sees the CommonJS typing's.
  const html2canvas = ((module.default as { default?: Html2Canvas }).default ?? module.default) as Html2Canvas;
  const canvas = await html2canvas(document.body, {
    logging: false,
    useCORS: true,
    scale: Math.min(window.devicePixelRatio || 1, 1.5),
    ignoreElements: (element: Element) => element === ignore,
  });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob: Blob | null) => (blob ? resolve(blob) : reject(new Error('The screenshot could not be encoded.'))), 'image/png');
  });
}
