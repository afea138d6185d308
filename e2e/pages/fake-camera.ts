import fs from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

const WIDTH = 640;
const HEIGHT = 480;

/** A one-channel barcode symbol from the zxing writer: 0 is a dark module, 255 a light one. */
interface Symbol1 {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

async function symbol(text: string, format: 'Code128' | 'QRCode'): Promise<Symbol1> {
  const require = createRequire(import.meta.url);
  const wasm = fs.readFileSync(require.resolve('zxing-wasm/writer/zxing_writer.wasm'));
  await prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
    fireImmediately: true,
  });
  const result = await writeBarcode(text, { format });
  if (result.error || !result.symbol) throw new Error(`zxing writer: ${result.error}`);
  return result.symbol;
}

/** Draws a symbol into the luma plane, each module `scale` pixels wide and `rowScale` tall. */
function draw(
  y: Uint8Array,
  s: Symbol1,
  left: number,
  top: number,
  scale: number,
  rowScale: number,
) {
  for (let row = 0; row < s.height * rowScale; row++) {
    for (let col = 0; col < s.width * scale; col++) {
      const v = s.data[Math.floor(row / rowScale) * s.width + Math.floor(col / scale)]!;
      y[(top + row) * WIDTH + left + col] = v < 128 ? 16 : 235;
    }
  }
}

/**
 * Writes a Y4M clip for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * one 640×480 frame, white, with a Code 128 tube label on top and a Huiju
 * resident QR code below, both made by the zxing writer — the same library
 * family the app reads them with, but the writer, not the reader.
 */
export async function writeFakeCameraClip(
  file: string,
  content: { tubeCode: string; qrText: string },
): Promise<void> {
  const code128 = await symbol(content.tubeCode, 'Code128');
  const qr = await symbol(content.qrText, 'QRCode');
  const y = new Uint8Array(WIDTH * HEIGHT).fill(235);
  draw(y, code128, Math.floor((WIDTH - code128.width * 4) / 2), 30, 4, 2);
  const qrScale = 7;
  draw(y, qr, Math.floor((WIDTH - qr.width * qrScale) / 2), 220, qrScale, qrScale);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, frame, frame]));
}

/**
 * Writes a Y4M clip of QR codes shown one after another, as a phone's screen
 * shows an animated hand-over (issue 16): each text becomes one QR code, as
 * large as the 640×480 frame allows, held for `hold` video frames. Chromium's
 * fake camera loops the clip, as the giver's screen loops its codes.
 */
export async function writeQrSequenceClip(file: string, texts: string[], hold = 3): Promise<void> {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, header);
    for (const text of texts) {
      const qr = await symbol(text, 'QRCode');
      const scale = Math.max(1, Math.floor(Math.min(WIDTH, HEIGHT) / qr.width));
      const y = new Uint8Array(WIDTH * HEIGHT).fill(235);
      const left = Math.floor((WIDTH - qr.width * scale) / 2);
      const top = Math.floor((HEIGHT - qr.height * scale) / 2);
      draw(y, qr, left, top, scale, scale);
      const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
      for (let i = 0; i < hold; i++) fs.writeSync(fd, frame);
    }
  } finally {
    fs.closeSync(fd);
  }
}
