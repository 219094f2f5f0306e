import { execFileSync } from 'node:child_process';

const INSTALL = [
  'npm test reads the PDFs back with poppler (pdftotext, pdfinfo, pdffonts). Install it:',
  '  macOS: brew install poppler',
  '  Windows: scoop install poppler (or any poppler build with its bin folder on PATH)',
  '  Debian/Ubuntu: sudo apt-get install poppler-utils',
].join('\n');

/** Runs a poppler tool and returns its output; says what to install where the tool is missing. */
export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', ...args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} not found.\n${INSTALL}`);
    throw error;
  }
}
