-- Guest carts and a searchable, categorised catalogue.
-- Cart lines move from users to carts (one cart per user who has lines); existing products get
-- a category, a creation time and their NFKC-normalised, lower-cased search text.

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cart" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "mergeCapped" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cart_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "categoryId" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

UPDATE "Product" SET "searchText" = lower(normalize("name" || ' ' || "description", NFKC));

-- Cart lines move from users to carts.
ALTER TABLE "CartItem" ADD COLUMN     "cartId" TEXT;
INSERT INTO "Cart" ("id", "userId", "updatedAt")
SELECT 'c' || substr(md5(random()::text || "userId"), 1, 24), "userId", max("createdAt") FROM "CartItem" GROUP BY "userId";
UPDATE "CartItem" ci SET "cartId" = c."id" FROM "Cart" c WHERE c."userId" = ci."userId";

-- DropForeignKey
ALTER TABLE "CartItem" DROP CONSTRAINT "CartItem_userId_fkey";

-- DropIndex
DROP INDEX "CartItem_userId_productId_key";

-- AlterTable
ALTER TABLE "CartItem" DROP COLUMN "userId",
ALTER COLUMN "cartId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE INDEX "Product_categoryId_priceCents_idx" ON "Product"("categoryId", "priceCents");

-- CreateIndex
CREATE INDEX "Product_categoryId_name_idx" ON "Product"("categoryId", "name");

-- CreateIndex
CREATE INDEX "Product_categoryId_createdAt_idx" ON "Product"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "Product_priceCents_idx" ON "Product"("priceCents");

-- CreateIndex
CREATE INDEX "Product_name_idx" ON "Product"("name");

-- CreateIndex
CREATE INDEX "Product_createdAt_idx" ON "Product"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Cart_userId_key" ON "Cart"("userId");

-- CreateIndex
CREATE INDEX "Cart_updatedAt_idx" ON "Cart"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CartItem_cartId_productId_key" ON "CartItem"("cartId", "productId");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cart" ADD CONSTRAINT "Cart_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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
