// The seeded catalogue. Prices are integer cents; images are served by the app itself from
// public/images/products/<slug>.svg.
export interface CatalogueProduct {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
}

export const CATALOGUE: readonly CatalogueProduct[] = [
  {
    slug: 'aurora-mug',
    name: 'Aurora Mug',
    description: 'A 350 ml stoneware mug glazed in midnight blue with a ribbon of northern-lights colour. Dishwasher and microwave safe.',
    priceCents: 1800,
    stock: 40,
  },
  {
    slug: 'cedar-notebook',
    name: 'Cedar Notebook',
    description: 'A5, 192 pages of dotted 100 gsm paper that fountain pens love, bound in a cork-soft cover with a red ribbon marker.',
    priceCents: 1450,
    stock: 60,
  },
  {
    slug: 'harbor-tote',
    name: 'Harbor Tote Bag',
    description: 'Heavy organic canvas with a sailboat print and long handles that sit comfortably on the shoulder. Holds a week of groceries.',
    priceCents: 2400,
    stock: 35,
  },
  {
    slug: 'summit-water-bottle',
    name: 'Summit Water Bottle',
    description: 'Double-walled stainless steel that keeps water cold for 24 hours or tea hot for 12. 750 ml, leak-proof lid.',
    priceCents: 2900,
    stock: 25,
  },
  {
    slug: 'ember-candle',
    name: 'Ember Candle',
    description: 'Hand-poured soy wax with notes of cedar, orange peel and smoke. About 45 hours of slow, clean burn.',
    priceCents: 2200,
    stock: 30,
  },
  {
    slug: 'lumen-desk-lamp',
    name: 'Lumen Desk Lamp',
    description: 'An adjustable steel arm with a warm, dimmable LED. Lights the page, not your eyes. USB-C powered.',
    priceCents: 6900,
    stock: 12,
  },
  {
    slug: 'drift-wool-socks',
    name: 'Drift Wool Socks',
    description: 'Two pairs of merino-blend socks, one plum and one coral, knitted for cold floors and long walks.',
    priceCents: 1600,
    stock: 80,
  },
  {
    slug: 'orbit-wall-clock',
    name: 'Orbit Wall Clock',
    description: 'A silent sweep movement in a 30 cm navy case, with a gold ring that circles the dial like a planet.',
    priceCents: 4500,
    stock: 15,
  },
  {
    slug: 'fern-planter',
    name: 'Fern Planter',
    description: 'A terracotta planter with a drainage hole and saucer, sized for a fern, a pothos or a bold herb garden.',
    priceCents: 3200,
    stock: 20,
  },
  {
    slug: 'pixel-enamel-pin',
    name: 'Pixel Enamel Pin',
    description: 'A hard enamel 8-bit heart with gold plating and a locking back, so it stays on your jacket.',
    priceCents: 900,
    stock: 150,
  },
  {
    slug: 'nimbus-throw-blanket',
    name: 'Nimbus Throw Blanket',
    description: 'A 130 × 170 cm woven cotton throw in cream and denim blue, with knotted fringes. Soft from the first wash.',
    priceCents: 7800,
    stock: 10,
  },
  {
    slug: 'compass-keyring',
    name: 'Compass Keyring',
    description: 'A working brass compass on a sturdy split ring, for keys that always know the way home.',
    priceCents: 1200,
    stock: 5,
  },
];

export const productImageUrl = (slug: string) => `/images/products/${slug}.svg`;
