-- Guest carts and a searchable, categorised catalogue.
-- Cart lines move from users to carts (one cart per user who has lines); existing products get
-- a category, a creation time and their search text (lower(): the seeded catalogue is ASCII, and
-- `npm run db:seed` rewrites the text NFKC-normalised).

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Cart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "mergeCapped" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Cart_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "imageUrl" TEXT NOT NULL,
    "stock" INTEGER NOT NULL,
    "categoryId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("id", "slug", "name", "description", "priceCents", "imageUrl", "stock", "searchText")
SELECT "id", "slug", "name", "description", "priceCents", "imageUrl", "stock", lower("name" || ' ' || "description") FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
CREATE INDEX "Product_categoryId_priceCents_idx" ON "Product"("categoryId", "priceCents");
CREATE INDEX "Product_categoryId_name_idx" ON "Product"("categoryId", "name");
CREATE INDEX "Product_categoryId_createdAt_idx" ON "Product"("categoryId", "createdAt");
CREATE INDEX "Product_priceCents_idx" ON "Product"("priceCents");
CREATE INDEX "Product_name_idx" ON "Product"("name");
CREATE INDEX "Product_createdAt_idx" ON "Product"("createdAt");
INSERT INTO "Cart" ("id", "userId", "updatedAt")
SELECT 'c' || lower(hex(randomblob(12))), "userId", max("createdAt") FROM "CartItem" GROUP BY "userId";
CREATE TABLE "new_CartItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cartId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CartItem_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CartItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CartItem" ("id", "cartId", "productId", "quantity", "createdAt")
SELECT ci."id", c."id", ci."productId", ci."quantity", ci."createdAt" FROM "CartItem" ci JOIN "Cart" c ON c."userId" = ci."userId";
DROP TABLE "CartItem";
ALTER TABLE "new_CartItem" RENAME TO "CartItem";
CREATE INDEX "CartItem_productId_idx" ON "CartItem"("productId");
CREATE UNIQUE INDEX "CartItem_cartId_productId_key" ON "CartItem"("cartId", "productId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Cart_userId_key" ON "Cart"("userId");

-- CreateIndex
CREATE INDEX "Cart_updatedAt_idx" ON "Cart"("updatedAt");

-- Data: the catalogue's shelves, and the existing products placed on them.
INSERT INTO "Category" ("id", "slug", "name") VALUES
    ('cat_kitchen', 'kitchen', 'Kitchen'),
    ('cat_desk', 'desk', 'Desk'),
    ('cat_home', 'home', 'Home'),
    ('cat_wear', 'wear', 'Wear & carry'),
    ('cat_outdoors', 'outdoors', 'Outdoors');
UPDATE "Product" SET "categoryId" = 'cat_kitchen' WHERE "slug" IN ('aurora-mug');
UPDATE "Product" SET "categoryId" = 'cat_desk' WHERE "slug" IN ('cedar-notebook', 'lumen-desk-lamp');
UPDATE "Product" SET "categoryId" = 'cat_home' WHERE "slug" IN ('ember-candle', 'orbit-wall-clock', 'fern-planter', 'nimbus-throw-blanket');
UPDATE "Product" SET "categoryId" = 'cat_wear' WHERE "slug" IN ('harbor-tote', 'drift-wool-socks', 'pixel-enamel-pin');
UPDATE "Product" SET "categoryId" = 'cat_outdoors' WHERE "slug" IN ('summit-water-bottle', 'compass-keyring');
