/**
 * QR reading for the receive screen, loaded only when the scanner opens. The
 * same engine as the station's scanner (features/registration/scan-engine.ts,
 * which features may not import): the browser's own BarcodeDetector where it
 * exists, else the barcode-detector polyfill with its zxing wasm served from
 * our origin and precached, so it works offline.
 */
import { BarcodeDetector as ZXingDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export interface QrReader {
  read(source: HTMLVideoElement): Promise<string[]>;
  engine: 'native' | 'zxing';
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): {
    detect(source: unknown): Promise<{ rawValue: string }[]>;
  };
  getSupportedFormats(): Promise<string[]>;
}

export async function createQrReader(): Promise<QrReader> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (native && native !== (ZXingDetector as unknown)) {
    try {
      if ((await native.getSupportedFormats()).includes('qr_code')) {
        const detector = new native({ formats: ['qr_code'] });
        return {
          engine: 'native',
          read: async (source) => (await detector.detect(source)).map((d) => d.rawValue),
        };
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
  const detector = new ZXingDetector({ formats: ['qr_code'] });
  return {
    engine: 'zxing',
    read: async (source) => (await detector.detect(source)).map((d) => d.rawValue),
  };
}
