// Small SVG building blocks for the /learn diagrams. Each diagram is one figure: an SVG with
// role="img", a <title> and <desc> for screen readers, and a visible caption.
import type { ReactNode } from 'react';
import { NARROW_WIDTH, narrowFlow, type NarrowStep } from './narrow-flow';

function Drawing({ id, title, desc, width, height, className, children }: { id: string; title: string; desc: string; width: number; height: number; className: string; children: ReactNode }) {
  return (
    <svg className={className} role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="dg-arrowhead" />
        </marker>
      </defs>
      {children}
    </svg>
  );
}

/** One figure; with `narrow` steps it also has a top-to-bottom drawing for phones. */
export function Diagram({ id, title, desc, caption, width, height, narrow, children }: { id: string; title: string; desc: string; caption: ReactNode; width: number; height: number; narrow?: NarrowStep[]; children: ReactNode }) {
  const phone = narrow ? narrowFlow(`${id}-n`, narrow) : null;
  return (
    <figure className="learn-figure">
      <Drawing id={id} title={title} desc={desc} width={width} height={height} className={phone ? 'learn-diagram learn-diagram-wide' : 'learn-diagram'}>
        {children}
      </Drawing>
      {phone ? (
        <Drawing id={`${id}-n`} title={title} desc={desc} width={NARROW_WIDTH} height={phone.height} className="learn-diagram learn-diagram-narrow">
          {phone.drawing}
        </Drawing>
      ) : null}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export function Box({ x, y, w, h, label, sub, tone = 'plain' }: { x: number; y: number; w: number; h: number; label: string; sub?: string; tone?: 'plain' | 'good' | 'bad' | 'store' | 'key' }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={10} className={`dg-box dg-${tone}`} />
      <text x={x + w / 2} y={y + (sub ? h / 2 - 4 : h / 2 + 5)} textAnchor="middle" className="dg-label">
        {label}
      </text>
      {sub ? (
        <text x={x + w / 2} y={y + h / 2 + 15} textAnchor="middle" className="dg-sub">
          {sub}
        </text>
      ) : null}
    </g>
  );
}

export function Arrow({ id, x1, y1, x2, y2, label, dashed, bad, labelDy = -8 }: { id: string; x1: number; y1: number; x2: number; y2: number; label?: string; dashed?: boolean; bad?: boolean; labelDy?: number }) {
  return (
    <g>
      <line x1={x1} y1={y1} x2={x2} y2={y2} className={`dg-line${dashed ? ' dg-dashed' : ''}${bad ? ' dg-line-bad' : ''}`} markerEnd={`url(#${id}-arrow)`} />
      {label ? (
        <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 + labelDy} textAnchor="middle" className="dg-note">
          {label}
        </text>
      ) : null}
    </g>
  );
}

export function Note({ x, y, children, anchor = 'middle', bad }: { x: number; y: number; children: string; anchor?: 'start' | 'middle' | 'end'; bad?: boolean }) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={bad ? 'dg-note dg-note-bad' : 'dg-note'}>
      {children}
    </text>
  );
}
