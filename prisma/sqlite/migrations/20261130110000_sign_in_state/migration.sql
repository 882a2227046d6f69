-- AlterTable
ALTER TABLE "Session" ADD COLUMN "authTime" DATETIME;
ALTER TABLE "Session" ADD COLUMN "amr" TEXT;
ALTER TABLE "Session" ADD COLUMN "scope" TEXT;
ALTER TABLE "Session" ADD COLUMN "refreshJti" TEXT;
ALTER TABLE "Session" ADD COLUMN "refreshIssuedAt" DATETIME;
ALTER TABLE "Session" ADD COLUMN "refreshExpiresAt" DATETIME;
ALTER TABLE "Session" ADD COLUMN "previousRefreshJti" TEXT;

-- CreateTable
CREATE TABLE "Device" (
    "userId" TEXT NOT NULL,
    "browserId" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "browserId"),
    CONSTRAINT "Device_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "Device_lastSeenAt_idx" ON "Device"("lastSeenAt");

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
