import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPhotoFileProblems } from '../../src/lib/photo-files';

// The photo files of the content fixtures: a good one, one too small, one of a format the
// pipeline cannot render. Entries name them as content does, relative to the MDX file.
const fixtures = resolve(import.meta.dirname, '../fixtures/content');
const entry = (src: string) => ({
  filePath: 'sections/zh/alpha.mdx',
  data: { photos: [{ src: `../../${src}` }] },
});

describe('photo files', () => {
  it('pass a readable photo of 1,200 px or more on its long edge', async () => {
    expect(await findPhotoFileProblems([entry('photos/meeting.jpg')], resolve(fixtures, 'valid'))).toEqual(
      [],
    );
  });

  it('are refused missing, too small or of an unsupported format, naming the file and field', async () => {
    const check = (root: string, src: string) => findPhotoFileProblems([entry(src)], resolve(fixtures, root));
    expect(await check('valid', 'photos/missing.jpg')).toEqual([
      'sections/zh/alpha.mdx → photos[0].src: no file at ../../photos/missing.jpg',
    ]);
    expect(await check('broken/small-photo', 'photos/meeting.jpg')).toEqual([
      'sections/zh/alpha.mdx → photos[0].src: long edge 900 px is below 1200 px in ../../photos/meeting.jpg',
    ]);
    expect(await check('broken/unsupported-photo', 'photos/meeting.svg')).toEqual([
      'sections/zh/alpha.mdx → photos[0].src: unsupported format (svg) in ../../photos/meeting.svg',
    ]);
  });
});
