/**
 * Barcode reading, loaded only when a scanner opens (dynamic import): the
 * zxing reader is ~464 KB of WebAssembly. The browser's own BarcodeDetector
 * is used where it exists (Android Chrome); elsewhere the barcode-detector
 * polyfill (zxing-wasm) does the work. Its `.wasm` is served from our own
 * origin and precached by the service worker, so scanning works offline
 * (TOOLCHAIN.md: by default it would fetch from a CDN).
 */
import { BarcodeDetector as ZXingDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import type { BarcodeFormat } from 'barcode-detector/ponyfill';
import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** Tube labels: the linear codes sampling kits print, plus the 2-D codes some kits use. */
export const TUBE_FORMATS: BarcodeFormat[] = [
  'code_128',
  'code_39',
  'code_93',
  'codabar',
  'itf',
  'ean_13',
  'ean_8',
  'data_matrix',
  'qr_code',
];
/** Resident cards printed by Huiju carry a QR code. */
export const CARD_FORMATS: BarcodeFormat[] = ['qr_code'];

export interface Detected {
  rawValue: string;
  format: string;
}

export interface Detector {
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap): Promise<Detected[]>;
  /** `native` or `zxing`: reported on screen for support calls. */
  engine: 'native' | 'zxing';
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): { detect(source: unknown): Promise<Detected[]> };
  getSupportedFormats(): Promise<string[]>;
}

export async function createDetector(formats: BarcodeFormat[]): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (native && native !== (ZXingDetector as unknown)) {
    try {
      const supported = await native.getSupportedFormats();
      const usable = formats.filter((f) => supported.includes(f));
      if (usable.length > 0) {
        const detector = new native({ formats: usable });
        return { engine: 'native', detect: (source) => detector.detect(source) };
      }
    } catch {
      // A broken native implementation: fall back to zxing below.
    }
  }
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? readerWasmUrl : prefix + path,
    },
  });
  const detector = new ZXingDetector({ formats });
  return {
    engine: 'zxing',
    detect: async (source) =>
      (await detector.detect(source)).map((d) => ({ rawValue: d.rawValue, format: d.format })),
  };
}
