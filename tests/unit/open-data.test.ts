import { describe, expect, it } from 'vitest';
import {
  bodySentences,
  chartStatIds,
  DATA_COLUMNS,
  figureRecords,
  sourceSentence,
  toCsv,
} from '../../src/lib/open-data';

const enBody = `- Members visited 216 residents during the year

The committee formed four groups with 96 members, covering the *budget* and the rule of law. It chose four topics: “urban renewal” and work safety, among others. Turnout was 98.5%.

It ran 12 meetings, <SourceCut />`;

describe('bodySentences', () => {
  it('prints quotes as the page does', () => {
    expect(
      bodySentences(`The members' work on "Digital" platforms and 'quoted' text, it's said.`, 'en'),
    ).toEqual(['The members’ work on “Digital” platforms and ‘quoted’ text, it’s said.']);
  });

  it('splits the text a reader sees into sentences, without markup', () => {
    expect(bodySentences(enBody, 'en')).toEqual([
      'Members visited 216 residents during the year',
      'The committee formed four groups with 96 members, covering the budget and the rule of law.',
      'It chose four topics: “urban renewal” and work safety, among others.',
      'Turnout was 98.5%.',
      'It ran 12 meetings,',
    ]);
    expect(bodySentences('共有96名委员参与。全年围绕4个议题，开展监督！\n\n- 走访委员 216人', 'zh')).toEqual([
      '共有96名委员参与。',
      '全年围绕4个议题，开展监督！',
      '走访委员 216人',
    ]);
  });
});

describe('sourceSentence', () => {
  const sentences = bodySentences(enBody, 'en');
  it('finds the sentence giving the number, told apart by items, unit and label', () => {
    const topics = {
      id: 't',
      value: 4,
      unit: 'topics',
      label: 'chosen',
      items: ['urban renewal', 'work safety'],
    };
    expect(sourceSentence(topics, sentences, 'en')).toBe(sentences[2]);
    const groups = { id: 'g', value: 4, unit: 'groups', label: 'formed', items: ['budget', 'rule of law'] };
    expect(sourceSentence(groups, sentences, 'en')).toBe(sentences[1]);
    expect(sourceSentence({ id: 'r', value: 98.5, unit: '%', label: 'turnout' }, sentences, 'en')).toBe(
      'Turnout was 98.5%.',
    );
    expect(sourceSentence({ id: 'x', value: 3, unit: 'x', label: 'x' }, sentences, 'en')).toBe('');
  });
});

describe('figureRecords and CSV', () => {
  const section = {
    slug: 'part-one',
    title: 'Part one, “quoted”',
    stats: [
      { id: 'visited', value: 216, unit: 'residents', label: 'visited' },
      { id: 'groups', value: 4, unit: 'groups', label: 'formed', items: ['budget', 'rule of law'] },
      { id: 'meetings', value: 1200, unit: 'meetings', label: 'run', tableLabel: 'Meetings, all kinds' },
    ],
    charts: [],
    numberExceptions: [],
    body: `${enBody.replace('12 meetings', '1,200 meetings')}`,
  };
  const records = figureRecords(section, 'en', (id) => `https://example.org/part-one/#${id}`);

  it('gives each stat with its name, value, unit, items, sentence and place', () => {
    expect(records.map((r) => [r.stat_id, r.label, r.value, r.unit, r.items, r.url])).toEqual([
      ['visited', 'Residents visited', 216, 'residents', [], 'https://example.org/part-one/#visited'],
      [
        'groups',
        'Groups formed',
        4,
        'groups',
        ['budget', 'rule of law'],
        'https://example.org/part-one/#groups',
      ],
      ['meetings', 'Meetings, all kinds', 1200, 'meetings', [], 'https://example.org/part-one/#meetings'],
    ]);
    expect(records[2]!.source_sentence).toBe('It ran 1,200 meetings,');
    expect(figureRecords(section, 'en', (id) => id, new Set(['groups'])).map((r) => r.stat_id)).toEqual([
      'groups',
    ]);
  });

  it('writes RFC 4180 CSV with a byte-order mark, quoting only where needed', () => {
    const csv = toCsv(records);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(DATA_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'part-one,"Part one, “quoted”",visited,Residents visited,216,residents,,Members visited 216 residents during the year,https://example.org/part-one/#visited',
    );
    expect(lines[2]).toContain(',4,groups,budget; rule of law,"The committee formed');
    expect(toCsv([{ ...records[0]!, label: 'say "hi"' }])).toContain(',"say ""hi""",');
  });
});

describe('chartStatIds', () => {
  it('counts the whole of a part among the stats a chart draws', () => {
    const ids = chartStatIds({
      id: 'c',
      title: 't',
      rows: [
        { draw: 'part', of: 'w', stats: ['p'] },
        { draw: 'meter', stats: ['m'] },
      ],
    });
    expect([...ids].sort()).toEqual(['m', 'p', 'w']);
  });
});
