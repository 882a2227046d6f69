// A product's picture as a plain <img>. The pictures are small SVGs served as they are, so
// next/image (which we ran `unoptimized`) added nothing but a client component per picture: a dozen
// on the catalogue, each in the page's RSC payload and hydrated on the phone. Width and height
// keep the layout from shifting; only the one picture that is the page's largest paint loads first.
export function ProductImage({ src, alt, width, height, className, priority = false }: {
  src: string;
  alt: string;
  width: number;
  height: number;
  className: string;
  priority?: boolean;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above: nothing for next/image to optimise
    <img src={src} alt={alt} width={width} height={height} className={className} decoding="async" {...(priority ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })} />
  );
}
