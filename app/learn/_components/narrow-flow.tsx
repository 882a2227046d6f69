// The phone version of a /learn diagram: the same boxes as a top-to-bottom flow, drawn at the
// width of a phone so labels stay at their full size instead of shrinking to 6–7 px. CSS shows
// this one below 600 px and the wide drawing above (display: none hides the other from
// assistive technology too, so each diagram is met once).
import { Arrow, Box, Note } from './diagram';

type Tone = 'plain' | 'good' | 'bad' | 'store';
export interface NarrowStep {
  boxes: { label: string; sub?: string; tone?: Tone }[];
  /** The arrow into this row from the one above. */
  arrow?: { label?: string; bad?: boolean; dashed?: boolean };
  /** A line of text under the row. */
  note?: { text: string; bad?: boolean };
}

export const NARROW_WIDTH = 340;
const BOX_H = 62;
const GAP = 46;
const NOTE_H = 24;

/** Lays the steps out; returns the drawing and its height (for the viewBox). */
export function narrowFlow(id: string, steps: NarrowStep[]): { height: number; drawing: React.ReactNode } {
  let y = 8;
  const parts: React.ReactNode[] = [];
  let previousCentres: number[] = [];
  steps.forEach((step, index) => {
    if (index > 0) y += GAP;
    const n = step.boxes.length;
    const w = n === 1 ? 260 : (NARROW_WIDTH - 30) / n;
    const xs = step.boxes.map((_, i) => (n === 1 ? (NARROW_WIDTH - w) / 2 : 10 + i * (w + 10)));
    const centres = xs.map((x) => x + w / 2);
    if (index > 0 && step.arrow) {
      const from = previousCentres.length === 1 ? previousCentres[0]! : NARROW_WIDTH / 2;
      centres.forEach((to, i) =>
        parts.push(
          <Arrow key={`a${index}-${i}`} id={id} x1={from} y1={y - GAP + 2} x2={to} y2={y - 4} bad={step.arrow!.bad} dashed={step.arrow!.dashed} />,
        ),
      );
      if (step.arrow.label) {
        parts.push(
          <Note key={`l${index}`} x={n === 1 ? from + 10 : NARROW_WIDTH / 2 + 8} y={y - GAP / 2 + 4} anchor="start" bad={step.arrow.bad}>
            {step.arrow.label}
          </Note>,
        );
      }
    }
    step.boxes.forEach((box, i) => parts.push(<Box key={`b${index}-${i}`} x={xs[i]!} y={y} w={w} h={BOX_H} label={box.label} sub={box.sub} tone={box.tone} />));
    y += BOX_H;
    if (step.note) {
      y += NOTE_H;
      parts.push(
        <Note key={`n${index}`} x={NARROW_WIDTH / 2} y={y - 6} bad={step.note.bad}>
          {step.note.text}
        </Note>,
      );
    }
    previousCentres = centres;
  });
  return { height: y + 8, drawing: parts };
}
