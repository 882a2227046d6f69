// The seeded catalogue. Prices are integer cents; images are served by the app itself from
// public/images/products/<slug>.svg. Later entries count as newer (the "newest" sort).
export interface CatalogueCategory {
  slug: string;
  name: string;
}

/** The shelves. The first migration that added categories created these same rows. */
export const CATEGORIES: readonly CatalogueCategory[] = [
  { slug: 'kitchen', name: 'Kitchen' },
  { slug: 'desk', name: 'Desk' },
  { slug: 'home', name: 'Home' },
  { slug: 'wear', name: 'Wear & carry' },
  { slug: 'outdoors', name: 'Outdoors' },
];

export interface CatalogueProduct {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  category: string;
}

export const CATALOGUE: readonly CatalogueProduct[] = [
  {
    slug: 'aurora-mug',
    name: 'Aurora Mug',
    description: 'A 350 ml stoneware mug glazed in midnight blue with a ribbon of northern-lights colour. Dishwasher and microwave safe.',
    priceCents: 1800,
    stock: 40,
    category: 'kitchen',
  },
  {
    slug: 'cedar-notebook',
    name: 'Cedar Notebook',
    description: 'A5, 192 pages of dotted 100 gsm paper that fountain pens love, bound in a cork-soft cover with a red ribbon marker.',
    priceCents: 1450,
    stock: 60,
    category: 'desk',
  },
  {
    slug: 'harbor-tote',
    name: 'Harbor Tote Bag',
    description: 'Heavy organic canvas with a sailboat print and long handles that sit comfortably on the shoulder. Holds a week of groceries.',
    priceCents: 2400,
    stock: 35,
    category: 'wear',
  },
  {
    slug: 'summit-water-bottle',
    name: 'Summit Water Bottle',
    description: 'Double-walled stainless steel that keeps water cold for 24 hours or tea hot for 12. 750 ml, leak-proof lid.',
    priceCents: 2900,
    stock: 25,
    category: 'outdoors',
  },
  {
    slug: 'ember-candle',
    name: 'Ember Candle',
    description: 'Hand-poured soy wax with notes of cedar, orange peel and smoke. About 45 hours of slow, clean burn.',
    priceCents: 2200,
    stock: 30,
    category: 'home',
  },
  {
    slug: 'lumen-desk-lamp',
    name: 'Lumen Desk Lamp',
    description: 'An adjustable steel arm with a warm, dimmable LED. Lights the page, not your eyes. USB-C powered.',
    priceCents: 6900,
    stock: 12,
    category: 'desk',
  },
  {
    slug: 'drift-wool-socks',
    name: 'Drift Wool Socks',
    description: 'Two pairs of merino-blend socks, one plum and one coral, knitted for cold floors and long walks.',
    priceCents: 1600,
    stock: 80,
    category: 'wear',
  },
  {
    slug: 'orbit-wall-clock',
    name: 'Orbit Wall Clock',
    description: 'A silent sweep movement in a 30 cm navy case, with a gold ring that circles the dial like a planet.',
    priceCents: 4500,
    stock: 15,
    category: 'home',
  },
  {
    slug: 'fern-planter',
    name: 'Fern Planter',
    description: 'A terracotta planter with a drainage hole and saucer, sized for a fern, a pothos or a bold herb garden.',
    priceCents: 3200,
    stock: 20,
    category: 'home',
  },
  {
    slug: 'pixel-enamel-pin',
    name: 'Pixel Enamel Pin',
    description: 'A hard enamel 8-bit heart with gold plating and a locking back, so it stays on your jacket.',
    priceCents: 900,
    stock: 150,
    category: 'wear',
  },
  {
    slug: 'nimbus-throw-blanket',
    name: 'Nimbus Throw Blanket',
    description: 'A 130 × 170 cm woven cotton throw in cream and denim blue, with knotted fringes. Soft from the first wash.',
    priceCents: 7800,
    stock: 10,
    category: 'home',
  },
  {
    slug: 'compass-keyring',
    name: 'Compass Keyring',
    description: 'A working brass compass on a sturdy split ring, for keys that always know the way home.',
    priceCents: 1200,
    stock: 5,
    category: 'outdoors',
  },
  {
    slug: 'cafe-creme-cups',
    name: 'Café Crème Cups',
    description: 'Two porcelain cups with saucers in a soft crème glaze, sized for a flat white or a café au lait. Stackable.',
    priceCents: 2600,
    stock: 24,
    category: 'kitchen',
  },
  {
    slug: 'olive-wood-spoon',
    name: 'Olive Wood Spoon',
    description: 'Carved from a single piece of olive wood, oiled and smooth, for stirring risotto or serving salad.',
    priceCents: 1100,
    stock: 45,
    category: 'kitchen',
  },
  {
    slug: 'tidal-teapot',
    name: 'Tidal Teapot',
    description: 'A 900 ml cast-iron teapot in deep teal with a stainless steel infuser. Keeps tea warm through a long chat.',
    priceCents: 5400,
    stock: 4,
    category: 'kitchen',
  },
  {
    slug: 'quill-fountain-pen',
    name: 'Quill Fountain Pen',
    description: 'A resin fountain pen with a fine steel nib and a converter for bottled ink. Balanced for long letters.',
    priceCents: 3800,
    stock: 18,
    category: 'desk',
  },
  {
    slug: 'prism-paperweight',
    name: 'Prism Paperweight',
    description: 'A faceted glass prism that holds your papers down and throws small rainbows across the desk at sunset.',
    priceCents: 2100,
    stock: 22,
    category: 'desk',
  },
  {
    slug: 'hygge-cushion',
    name: 'Hygge Cushion',
    description: 'A 45 cm square cushion in chunky ochre knit with a feather insert, for the corner of a sofa on grey days.',
    priceCents: 3900,
    stock: 16,
    category: 'home',
  },
  {
    slug: 'sondag-knit-beanie',
    name: 'Søndag Knit Beanie',
    description: 'A ribbed lambswool beanie in forest green, named for slow Sunday walks. One size, folds up or slouches.',
    priceCents: 2700,
    stock: 30,
    category: 'wear',
  },
  {
    slug: 'meadow-bandana',
    name: 'Meadow Bandana',
    description: 'A 55 cm cotton bandana printed with wildflowers: a neckerchief, a headband or a wrap for a gift.',
    priceCents: 1300,
    stock: 50,
    category: 'wear',
  },
  {
    slug: 'trail-headlamp',
    name: 'Trail Headlamp',
    description: 'A 300 lumen rechargeable headlamp with a red night mode and a soft strap. Ten hours on the low setting.',
    priceCents: 3400,
    stock: 20,
    category: 'outdoors',
  },
  {
    slug: 'ridge-camp-mug',
    name: 'Ridge Camp Mug',
    description: 'An enamel steel camp mug with a speckled white finish and a mountain ridge line. Goes on the stove.',
    priceCents: 1500,
    stock: 35,
    category: 'outdoors',
  },
  {
    slug: 'lakeside-picnic-blanket',
    name: 'Lakeside Picnic Blanket',
    description: 'A 150 × 200 cm wool picnic blanket with a waterproof backing and a leather carrying strap.',
    priceCents: 6200,
    stock: 9,
    category: 'outdoors',
  },
  {
    slug: 'starlight-lantern',
    name: 'Starlight Lantern',
    description: 'A collapsible LED lantern with a warm glow and a hanging hook, for tents, balconies and power cuts.',
    priceCents: 2800,
    stock: 0,
    category: 'outdoors',
  },
];

export const productImageUrl = (slug: string) => `/images/products/${slug}.svg`;
