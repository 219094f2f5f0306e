import QRCode from 'qrcode';

/**
 * A QR code of a URL as SVG markup (dark modules on white, no quiet zone: the caller's padding
 * gives it), rendered at build time so pages need no script to show it.
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  // Size comes from CSS; the markup keeps only its viewBox.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" class="block size-full" ');
}
