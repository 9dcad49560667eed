/** One line of the benchmark's table; `pass` is set on lines that have a target. */
export interface ResultRow {
  figure: string;
  measured: string;
  target?: string;
  pass?: boolean;
  note?: string;
}

/** Print the rows as an aligned table: figure, measured, target, PASS/FAIL, note. */
export function printResults(rows: readonly ResultRow[]): void {
  const cells = rows.map((r) => [
    r.figure,
    r.measured,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
    r.note ?? '',
  ]);
  const header = ['figure', 'measured', 'target', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(header)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}
