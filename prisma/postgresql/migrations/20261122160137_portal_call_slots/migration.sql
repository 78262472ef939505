-- CreateTable
CREATE TABLE "PortalCallSlot" (
    "portalId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalCallSlot_pkey" PRIMARY KEY ("portalId","slot")
);

-- CreateIndex
CREATE INDEX "PortalCallSlot_portalId_usedAt_idx" ON "PortalCallSlot"("portalId", "usedAt");
